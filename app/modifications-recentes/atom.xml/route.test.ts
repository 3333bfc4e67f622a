import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { fiche } from "@/db/schema";
import type { FicheType } from "@/lib/fiche/values";
import { getTestDb } from "@/db/testing";
import { writeFicheContent } from "@/lib/fiche/document";
import { insertFiche } from "@/server/fiche";
import { checkAtom, childrenNamed, parseXml } from "@/server/feed/testing";
import { GET as themeFeed } from "../../themes/[slug]/nouvelles-fiches.xml/route";
import { GET } from "./route";

const db = getTestDb();

function publish(titre: string, type: FicheType, themeIds: number[] = []) {
  const doc = new Y.Doc();
  writeFicheContent(doc, { type, titre, themes: themeIds });
  const row = insertFiche(db, { type, titre, createdBy: null, statut: "publiee", state: Y.encodeStateAsUpdate(doc) });
  doc.destroy();
  return row;
}

async function feedTitles(response: Response): Promise<string[]> {
  const feed = parseXml(await response.text());
  checkAtom(feed);
  return childrenNamed(feed, "entry").map((e) => childrenNamed(e, "title")[0].text);
}

describe("GET /modifications-recentes/atom.xml", () => {
  it("serves valid Atom with the page's filters, and drops a fiche as soon as it is hidden", async () => {
    publish("Une idée du quartier", "idee");
    const pratique = publish("Une pratique du quartier", "pratique");
    const all = await GET(new Request("http://localhost:3000/modifications-recentes/atom.xml"));
    expect(all.status).toBe(200);
    expect(all.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    expect(await feedTitles(all)).toEqual(["Une pratique du quartier : Création", "Une idée du quartier : Création"]);

    const idees = await GET(new Request("http://localhost:3000/modifications-recentes/atom.xml?type=idee&acteur=inconnu"));
    expect(await feedTitles(idees)).toEqual(["Une idée du quartier : Création"]);

    db.update(fiche).set({ masquee: true }).where(eq(fiche.id, pratique.id)).run();
    expect(await feedTitles(await GET(new Request("http://localhost:3000/modifications-recentes/atom.xml")))).toEqual(["Une idée du quartier : Création"]);
  });
});

describe("GET /themes/{slug}/nouvelles-fiches.xml", () => {
  it("answers 404 in both languages for an unknown theme", async () => {
    const response = await themeFeed(new Request("http://localhost:3000/themes/inconnu/nouvelles-fiches.xml"), { params: Promise.resolve({ slug: "inconnu" }) });
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('No theme "inconnu".\nAucun thème « inconnu ».\n');
  });
});
