import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { buildActeur, buildUser, themeId } from "@/db/factories";
import { listRecentChanges } from "@/db/queries/recent-changes";
import { getThemeBySlug } from "@/db/queries/theme";
import { fiche } from "@/db/schema";
import type { FicheStatut, FicheType } from "@/lib/fiche/values";
import { getTestDb } from "@/db/testing";
import { writeFicheContent, type FicheContent } from "@/lib/fiche/document";
import { editFicheDocument } from "../collab/testing";
import { insertFiche } from "../fiche";
import { loadDocumentState } from "../collab/persistence";
import { takeRevision } from "../revision";
import { escapeXml, renderAtomFeed } from "./atom";
import { renderNewFichesFeed, renderRecentChangesFeed } from "./feeds";
import { checkAtom, childrenNamed, parseXml, type XmlElement } from "./testing";

const db = getTestDb();
const BASE = "https://wiki.exemple.fr";

function buildFiche(titre: string, content: Partial<FicheContent> = {}, options: { statut?: FicheStatut; type?: FicheType; createdBy?: number } = {}) {
  const type = options.type ?? "pratique";
  const doc = new Y.Doc();
  writeFicheContent(doc, { type, titre, ...content });
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return insertFiche(db, { type, titre, createdBy: options.createdBy ?? null, statut: options.statut ?? "publiee", state });
}

function edit(ficheId: number, userId: number, content: Partial<FicheContent>) {
  editFicheDocument(ficheId, userId, (doc) => writeFicheContent(doc, content), db);
  return takeRevision(db, ficheId, loadDocumentState(db, ficheId)!, [userId], "pause")!;
}

const entryTitles = (feed: XmlElement) => childrenNamed(feed, "entry").map((e) => childrenNamed(e, "title")[0].text);

describe("Atom documents", () => {
  it("escape markup and quotes and drop characters XML forbids", () => {
    expect(escapeXml(`<b>"Tom" & 'Jerry'</b>\u0001\uD800`)).toBe("&lt;b&gt;&quot;Tom&quot; &amp; &apos;Jerry&apos;&lt;/b&gt;");
    const xml = renderAtomFeed({
      id: `${BASE}/x`,
      title: "Fiches <script>alert(1)</script> & co",
      selfLink: `${BASE}/x.xml?a=1&b=2`,
      alternateLink: `${BASE}/x?a=1&b=2`,
      authors: ["Wiki"],
      fallbackUpdated: new Date("2026-01-02T03:04:05Z"),
      entries: [
        {
          id: `${BASE}/fiches/a`,
          title: "Titre avec \u0007 un caractère de contrôle",
          updated: new Date("2026-01-03T00:00:00Z"),
          link: `${BASE}/fiches/a?x=1&y=2`,
          authors: [],
          contentHtml: '<p>Du <a href="/x?a=1&amp;b=2">HTML</a> & des "guillemets"</p>',
        },
      ],
    });
    const feed = parseXml(xml);
    checkAtom(feed);
    expect(childrenNamed(feed, "title")[0].text).toBe("Fiches <script>alert(1)</script> & co");
    expect(childrenNamed(feed, "updated")[0].text).toBe("2026-01-03T00:00:00.000Z");
    const entry = childrenNamed(feed, "entry")[0];
    expect(childrenNamed(entry, "content")[0].text).toBe('<p>Du <a href="/x?a=1&amp;b=2">HTML</a> & des "guillemets"</p>');
    expect(childrenNamed(entry, "link")[0].attributes.href).toBe(`${BASE}/fiches/a?x=1&y=2`);
  });

  it("are refused by the checker when malformed, so that the checks above mean something", () => {
    expect(() => parseXml('<?xml version="1.0"?><feed><title>a & b</title></feed>')).toThrow(/entity/);
    expect(() => parseXml('<?xml version="1.0"?><feed><title>a</feed>')).toThrow(/mismatched/);
    expect(() => parseXml('<?xml version="1.0"?><feed a=1></feed>')).toThrow(/attributes/);
    expect(() => checkAtom(parseXml('<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>'))).toThrow(/<id>/);
  });
});

describe("the recent changes feed", () => {
  it("lists the revisions of public fiches only, newest first, with their authors and a link to the diff", () => {
    const author = buildUser({ name: "Alice <Médiatrice>" });
    const porteur = buildActeur({ nom: "Centre social" });
    const shown = buildFiche("Fiche publique & ouverte", { themes: [themeId("lien-social")], acteurs: [{ acteurId: porteur.id, role: "porteur" }] });
    const draft = buildFiche("Brouillon secret", {}, { statut: "brouillon" });
    const hidden = buildFiche("Fiche masquée");
    const merged = buildFiche("Fiche fusionnée");
    db.update(fiche).set({ masquee: true }).where(eq(fiche.id, hidden.id)).run();
    db.update(fiche).set({ redirectToId: shown.id }).where(eq(fiche.id, merged.id)).run();
    const second = edit(shown.id, author.id, { commune: "Cenon" });
    edit(draft.id, author.id, { commune: "Secret" });
    edit(hidden.id, author.id, { commune: "Caché" });

    const xml = renderRecentChangesFeed(db, {}, BASE, "");
    const feed = parseXml(xml);
    checkAtom(feed);
    const titles = entryTitles(feed);
    expect(titles.join("\n")).not.toMatch(/Brouillon secret|Fiche masquée|Fiche fusionnée/);
    const entries = childrenNamed(feed, "entry");
    const latest = entries[0];
    expect(childrenNamed(latest, "title")[0].text).toBe("Fiche publique & ouverte : Pause dans l'édition");
    expect(childrenNamed(childrenNamed(latest, "author")[0], "name")[0].text).toBe("Alice <Médiatrice>");
    const firstRevision = listRecentChanges(db, {}).items.find((c) => c.fiche.id === shown.id && c.reason === "creation")!;
    expect(childrenNamed(latest, "link")[0].attributes.href).toBe(`${BASE}/fiches/${shown.slug}/historique/comparer?de=${firstRevision.id}&a=${second.id}`);
  });

  it("applies the page's filters", () => {
    const porteur = buildActeur({ nom: "Filtre acteur" });
    buildFiche("Idée filtrée", { themes: [themeId("service-public")] }, { type: "idee" });
    buildFiche("Pratique de l'acteur", { acteurs: [{ acteurId: porteur.id, role: "porteur" }] });
    const byType = entryTitles(parseXml(renderRecentChangesFeed(db, { type: "idee" }, BASE, "Idées à explorer")));
    expect(byType.every((t) => !t.startsWith("Pratique"))).toBe(true);
    expect(byType).toContain("Idée filtrée : Création");
    expect(entryTitles(parseXml(renderRecentChangesFeed(db, { acteur: porteur.slug }, BASE, "")))).toEqual(["Pratique de l'acteur : Création"]);
    expect(entryTitles(parseXml(renderRecentChangesFeed(db, { theme: "service-public" }, BASE, "")))).toContain("Idée filtrée : Création");
    expect(entryTitles(parseXml(renderRecentChangesFeed(db, { theme: "service-public" }, BASE, "")))).not.toContain("Pratique de l'acteur : Création");
  });
});

describe("the new fiches feed of a theme", () => {
  it("holds the theme's public fiches with their content, and never a draft or a hidden one", () => {
    const author = buildUser({ name: "Bruno" });
    const theme = getThemeBySlug(db, "lien-social")!;
    const older = buildFiche("Ancienne fiche du thème", { themes: [theme.id] }, { createdBy: author.id });
    db.update(fiche).set({ createdAt: new Date("2020-01-01T00:00:00Z"), html: "<p>Un <strong>café</strong> &amp; des tablettes</p>" }).where(eq(fiche.id, older.id)).run();
    buildFiche("Brouillon du thème", { themes: [theme.id] }, { statut: "brouillon" });
    const hidden = buildFiche("Fiche masquée du thème", { themes: [theme.id] });
    db.update(fiche).set({ masquee: true }).where(eq(fiche.id, hidden.id)).run();
    buildFiche("Fiche d'un autre thème", { themes: [themeId("service-public")] });
    buildFiche("Nouvelle fiche du thème", { themes: [theme.id] });

    const feed = parseXml(renderNewFichesFeed(db, theme, BASE));
    checkAtom(feed);
    const titles = entryTitles(feed);
    expect(titles.indexOf("Nouvelle fiche du thème")).toBeLessThan(titles.indexOf("Ancienne fiche du thème"));
    expect(titles.join("\n")).not.toMatch(/Brouillon du thème|Fiche masquée du thème|autre thème/);
    const entry = childrenNamed(feed, "entry").find((e) => childrenNamed(e, "title")[0].text === "Ancienne fiche du thème")!;
    expect(childrenNamed(entry, "published")[0].text).toBe("2020-01-01T00:00:00.000Z");
    expect(childrenNamed(childrenNamed(entry, "author")[0], "name")[0].text).toBe("Bruno");
    expect(childrenNamed(entry, "content")[0]).toMatchObject({ attributes: { type: "html" }, text: "<p>Un <strong>café</strong> &amp; des tablettes</p>" });
    expect(childrenNamed(feed, "link").find((l) => l.attributes.rel === "self")?.attributes.href).toBe(`${BASE}/themes/lien-social/nouvelles-fiches.xml`);
  });
});
