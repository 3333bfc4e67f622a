import { describe, expect, it } from "vitest";
import { buildActeur } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { buildFicheWithBody, ficheLinkNode, mentionNode, paragraph, text } from "../wiki-link-testing";
import { readFicheBody } from "./fiche-record";
import { bodyToMarkdown } from "./markdown-body";

describe("wiki links in exports", () => {
  it("become ordinary links to their current targets, since ids mean nothing outside this wiki", () => {
    const db = getTestDb();
    const cible = buildFicheWithBody(db, { titre: "Café numérique" });
    const asso = buildActeur({ nom: "Les Petits Débrouillards" });
    const citing = buildFicheWithBody(db, {
      titre: "Atelier tablettes",
      body: [paragraph(text("Voir "), ficheLinkNode(cible.id), text(" avec "), mentionNode(asso.id), text(" et "), ficheLinkNode(987_654))],
    });

    const body = readFicheBody(db, citing.id);
    expect(JSON.stringify(body)).not.toContain("ficheLink");
    expect(JSON.stringify(body)).not.toContain("acteurMention");
    expect(bodyToMarkdown(body)).toBe(
      `Voir [Café numérique](http://localhost:3000/fiches/${cible.slug}) avec [Les Petits Débrouillards](http://localhost:3000/acteurs/${asso.slug}) et (fiche supprimée)`,
    );
  });
});
