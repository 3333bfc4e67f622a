import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { getTestDb } from "@/db/testing";
import { getViewerById } from "@/db/queries/viewer";
import { buildLieu } from "@/db/factories";
import { acteursMap, setField } from "@/lib/fiche/document";
import { DomainError } from "@/server/errors";
import { loadDocumentState } from "./persistence";
import { collabHarness } from "./harness";
import { buildActeur, buildFiche, buildUser, sessionCookie, settle, synced, waitFor } from "./testing";
import { getFicheDocuments } from "./write";

// Porteurs govern a fiche: only who may manage it (its porteurs' members, moderators) may make or unmake one.

const db = getTestDb();
const { start, connect } = collabHarness(db);

function storedRoles(ficheId: number): Record<string, string> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, loadDocumentState(db, ficheId)!);
  return Object.fromEntries(acteursMap(doc).entries());
}

/** A published fiche whose porteur is an association, its member, and a contributor with an acteur of their own. */
async function setUp() {
  const server = await start();
  const logger = server.logger;
  const owner = buildUser(db);
  const association = buildActeur(db, [owner.id]);
  const stranger = buildUser(db);
  const strangerActeur = buildActeur(db, [stranger.id]);
  const f = buildFiche(db, {}, [association.id]);
  getFicheDocuments(db).edit(f.id, { system: "script", userId: null }, { kind: "write", content: { acteurs: [{ acteurId: association.id, role: "porteur" }] } });
  return { server, logger, owner, association, stranger, strangerActeur, f };
}

describe("porteurs are governance", () => {
  it("undoes a socket edit that makes a stranger's acteur porteur or removes the real porteur, and keeps the partner they added", async () => {
    const { server, logger, stranger, strangerActeur, association, f } = await setUp();
    const intruder = connect(server.baseUrl, f.id, { cookie: await sessionCookie(stranger.id) });
    await synced(intruder);
    const map = acteursMap(intruder.doc);
    map.set(String(strangerActeur.id), "porteur");
    await waitFor(() => logger.lines.some((l) => l.includes(`may not change the porteurs of fiche ${f.id}`)));
    await waitFor(() => acteursMap(intruder.doc).get(String(strangerActeur.id)) === undefined, 5000, "the porteur was not undone");
    intruder.doc.transact(() => {
      map.delete(String(association.id));
      map.set(String(strangerActeur.id), "partenaire");
    });
    await waitFor(() => acteursMap(intruder.doc).get(String(association.id)) === "porteur", 5000, "the removed porteur did not come back");
    await settle();
    expect(storedRoles(f.id)).toEqual({ [association.id]: "porteur", [strangerActeur.id]: "partenaire" });
  });

  it("lets anyone who edits propose an acteur as porteur, which a porteur's member then accepts", async () => {
    const { server, logger, owner, stranger, strangerActeur, association, f } = await setUp();
    const proposer = connect(server.baseUrl, f.id, { cookie: await sessionCookie(stranger.id) });
    await synced(proposer);
    acteursMap(proposer.doc).set(String(strangerActeur.id), "porteur_propose");
    await settle(300);
    expect(storedRoles(f.id)).toEqual({ [association.id]: "porteur", [strangerActeur.id]: "porteur_propose" });
    const manager = connect(server.baseUrl, f.id, { cookie: await sessionCookie(owner.id) });
    await synced(manager);
    acteursMap(manager.doc).set(String(strangerActeur.id), "porteur");
    await settle(300);
    expect(storedRoles(f.id)).toEqual({ [association.id]: "porteur", [strangerActeur.id]: "porteur" });
    expect(logger.lines.some((l) => l.includes("may not change the porteurs"))).toBe(false);
  });

  it("lets the porteur's members make another acteur porteur", async () => {
    const { server, logger, owner, strangerActeur, association, f } = await setUp();
    const member = connect(server.baseUrl, f.id, { cookie: await sessionCookie(owner.id) });
    await synced(member);
    acteursMap(member.doc).set(String(strangerActeur.id), "porteur");
    await settle(300);
    expect(storedRoles(f.id)).toEqual({ [association.id]: "porteur", [strangerActeur.id]: "porteur" });
    expect(logger.lines.some((l) => l.includes("may not change the porteurs"))).toBe(false);
  });

  it("refuses the same through the document service (REST API, restore), and accepts it from a manager", async () => {
    const { stranger, strangerActeur, owner, association, f } = await setUp();
    const documents = getFicheDocuments(db);
    const takeOver = { kind: "write" as const, content: { acteurs: [{ acteurId: strangerActeur.id, role: "porteur" as const }] } };
    expect(() => documents.edit(f.id, { viewer: getViewerById(db, stranger.id)! }, takeOver)).toThrow(DomainError);
    expect(storedRoles(f.id)).toEqual({ [association.id]: "porteur" });
    // A partner may be added by any editor.
    const partner = { kind: "write" as const, content: { acteurs: [{ acteurId: association.id, role: "porteur" as const }, { acteurId: strangerActeur.id, role: "partenaire" as const }] } };
    expect(documents.edit(f.id, { viewer: getViewerById(db, stranger.id)! }, partner).changed).toBe(true);
    expect(documents.edit(f.id, { viewer: getViewerById(db, owner.id)! }, takeOver).changed).toBe(true);
    expect(storedRoles(f.id)).toEqual({ [strangerActeur.id]: "porteur" });
  });

  it("sets right what a socket client writes against the content rules: roles of another type, lieux of no acteur of the fiche", async () => {
    const { server, logger, stranger, strangerActeur, association, f } = await setUp();
    const elsewhere = buildLieu(buildActeur(db).id);
    const own = buildLieu(strangerActeur.id);
    const client = connect(server.baseUrl, f.id, { cookie: await sessionCookie(stranger.id) });
    await synced(client);
    client.doc.transact(() => {
      acteursMap(client.doc).set(String(strangerActeur.id), "partenaire");
      setField(client.doc, "lieux").set(String(own.id), true);
      setField(client.doc, "lieux").set(String(elsewhere.id), true);
    });
    // « Acteur pressenti » is for idées; this fiche is a pratique.
    acteursMap(client.doc).set(String(association.id) + "0", "pressenti" as never);
    await waitFor(() => !setField(client.doc, "lieux").has(String(elsewhere.id)), 5000, "the foreign lieu stayed");
    await waitFor(() => !acteursMap(client.doc).has(String(association.id) + "0"), 5000, "the pressenti stayed");
    await settle();
    expect([...setField(client.doc, "lieux").keys()]).toEqual([String(own.id)]);
    expect(storedRoles(f.id)).toEqual({ [association.id]: "porteur", [strangerActeur.id]: "partenaire" });
    expect(logger.lines.some((l) => l.includes("lieux of no acteur"))).toBe(true);
  });
});
