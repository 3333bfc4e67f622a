import { describe, expect, it } from "vitest";
import { getViewerById } from "@/db/queries/viewer";
import { getActeurBySlug } from "@/db/queries/acteur";
import { buildActeur, buildUser, themeId } from "@/db/factories";
import { getTestDb } from "@/db/testing";
import { canEditActeur } from "@/lib/policies/acteur";
import { acteurSchema, type ActeurInput } from "@/lib/schemas/acteur";
import { addMember, createActeur, removeMember, updateActeur } from "./acteur";
import { getActeurClaimFacts } from "./acteur-claim";
import { insertFiche } from "./fiche";
import { SYSTEM } from "./authorize";
import { domainErrorOf } from "./domain-error-testing";

function input(values: Record<string, unknown> = {}): ActeurInput {
  return acteurSchema.parse({ nom: "Les Petits Débrouillards", categorie: "non_lucratif", typologie: "association", ...values });
}

const domainCode = (run: () => unknown) => domainErrorOf(run).code;
const viewerOf = (userId: number) => getViewerById(getTestDb(), userId);

describe("createActeur", () => {
  it("stores the acteur with its themes and makes its creator a member who can edit it", () => {
    const db = getTestDb();
    const alice = buildUser();
    const created = createActeur(db, viewerOf(alice.id), input({ nom: "Médiathèque Mériadeck", themes: [themeId("culture"), themeId("e-inclusion")], telephone: "0556102030" }));
    expect(created).toMatchObject({ slug: "mediatheque-meriadeck", nom: "Médiathèque Mériadeck", createdBy: alice.id, telephone: "05 56 10 20 30", description: "" });

    const details = getActeurBySlug(db, "mediatheque-meriadeck")!;
    expect(details.themes.map((t) => t.slug)).toEqual(["e-inclusion", "culture"]);
    expect(details.members).toEqual([{ id: alice.id, name: alice.name }]);
    expect(canEditActeur(getViewerById(db, alice.id), created.id)).toBe(true);
  });

  it("numbers homonyms and never takes a slug used by a route", () => {
    const db = getTestDb();
    const bob = buildUser();
    expect(createActeur(db, viewerOf(bob.id), input({ nom: "Centre social Bastide" })).slug).toBe("centre-social-bastide");
    expect(createActeur(db, viewerOf(bob.id), input({ nom: "Centre social  BASTIDE !" })).slug).toBe("centre-social-bastide-2");
    expect(createActeur(db, viewerOf(bob.id), input({ nom: "Centre Social Bastidé" })).slug).toBe("centre-social-bastide-3");
    expect(createActeur(db, viewerOf(bob.id), input({ nom: "Nouveau" })).slug).toBe("nouveau-2");
  });

  it("refuses a term that is not a theme, and then stores nothing", () => {
    const db = getTestDb();
    const carol = buildUser();
    const before = db.$client.prepare("select count(*) as n from acteur").get() as { n: number };
    expect(domainCode(() => createActeur(db, viewerOf(carol.id), input({ nom: "Fantôme", themes: [999_999] })))).toBe("unknown_theme");
    expect(db.$client.prepare("select count(*) as n from acteur").get()).toEqual(before);
    expect(getViewerById(db, carol.id)!.acteurIds).toEqual([]);
  });
});

describe("updateActeur", () => {
  it("updates fields and themes but keeps the slug on rename", () => {
    const db = getTestDb();
    const dave = buildUser();
    const created = createActeur(db, viewerOf(dave.id), input({ nom: "Cyber Base Lormont", themes: [themeId("emploi")] }));
    const updated = updateActeur(db, viewerOf(dave.id), created.id, input({ nom: "Espace numérique de Lormont", categorie: "public", typologie: "collectivite_territoriale", themes: [themeId("citoyennete")], siret: "44306184100047" }));
    expect(updated).toMatchObject({ slug: "cyber-base-lormont", nom: "Espace numérique de Lormont", categorie: "public", siret: "44306184100047" });
    expect(getActeurBySlug(db, "cyber-base-lormont")!.themes.map((t) => t.slug)).toEqual(["citoyennete"]);
    expect(domainCode(() => updateActeur(db, SYSTEM, 999_999, input()))).toBe("acteur_not_found");
  });
});

describe("permissions", () => {
  it("lets members and moderators edit an acteur, not other contributors nor visitors", () => {
    const db = getTestDb();
    const member = buildUser();
    const stranger = buildUser();
    const moderator = buildUser({ role: "moderateur" });
    const admin = buildUser({ role: "admin" });
    const target = buildActeur({ members: [member] });
    expect(canEditActeur(getViewerById(db, member.id), target.id)).toBe(true);
    expect(canEditActeur(getViewerById(db, stranger.id), target.id)).toBe(false);
    expect(canEditActeur(getViewerById(db, moderator.id), target.id)).toBe(true);
    expect(canEditActeur(getViewerById(db, admin.id), target.id)).toBe(true);
    expect(canEditActeur(null, target.id)).toBe(false);
  });
});

describe("refusals by the domain commands themselves", () => {
  it("refuses visitors and strangers before writing anything, and lets the importer create without a member", () => {
    const db = getTestDb();
    const member = buildUser();
    const stranger = viewerOf(buildUser({ email: "etranger@exemple.fr" }).id);
    const target = buildActeur({ nom: "Intouchable", members: [member] });
    expect(domainErrorOf(() => createActeur(db, null, input({ nom: "Anonyme" })))).toMatchObject({ code: "forbidden", message: "Sign in to create an acteur." });
    expect(domainCode(() => updateActeur(db, stranger, target.id, input({ nom: "Volé" })))).toBe("forbidden");
    expect(domainCode(() => updateActeur(db, null, target.id, input({ nom: "Volé" })))).toBe("forbidden");
    expect(domainCode(() => addMember(db, stranger, target.id, "etranger@exemple.fr"))).toBe("forbidden");
    expect(domainCode(() => removeMember(db, stranger, target.id, member.id))).toBe("forbidden");
    expect(getActeurBySlug(db, target.slug)).toMatchObject({ nom: "Intouchable" });
    expect(getViewerById(db, stranger!.id)!.acteurIds).toEqual([]);
    expect(getViewerById(db, member.id)!.acteurIds).toEqual([target.id]);
    const imported = createActeur(db, SYSTEM, input({ nom: "Importé" }));
    expect(imported.createdBy).toBeNull();
  });
});

describe("members", () => {
  it("adds a registered user by email, who can then edit the acteur", () => {
    const db = getTestDb();
    const owner = buildUser();
    const newcomer = buildUser({ email: "nouvelle@exemple.fr", name: "Nouvelle" });
    const target = buildActeur({ members: [owner] });
    expect(canEditActeur(getViewerById(db, newcomer.id), target.id)).toBe(false);
    expect(addMember(db, viewerOf(owner.id), target.id, " Nouvelle@Exemple.FR ")).toEqual({ id: newcomer.id, name: "Nouvelle" });
    expect(canEditActeur(getViewerById(db, newcomer.id), target.id)).toBe(true);
  });

  it("says precisely why an email cannot be added", () => {
    const db = getTestDb();
    const owner = buildUser({ email: "owner@exemple.fr" });
    const disabled = buildUser({ email: "parti@exemple.fr", disabled: true });
    const target = buildActeur({ members: [owner] });
    expect(domainCode(() => addMember(db, viewerOf(owner.id), target.id, "inconnu@exemple.fr"))).toBe("user_not_found");
    expect(domainCode(() => addMember(db, viewerOf(owner.id), target.id, disabled.email))).toBe("user_not_found");
    expect(domainCode(() => addMember(db, viewerOf(owner.id), target.id, "owner@exemple.fr"))).toBe("already_member");
    expect(domainErrorOf(() => addMember(db, viewerOf(owner.id), target.id, "inconnu@exemple.fr"))).toMatchObject({
      field: "email",
      messageFr: expect.stringMatching(/^Aucun compte avec cette adresse/),
    });
  });

  it("removes a member, but the last member of an acteur that porte fiches must hand over first", () => {
    const db = getTestDb();
    const first = buildUser({ name: "Première" });
    const second = buildUser();
    const outsider = buildUser();
    const target = buildActeur({ members: [first, second] });
    insertFicheCarriedBy(target.id);
    expect(removeMember(db, viewerOf(second.id), target.id, first.id)).toEqual({ id: first.id, name: "Première" });
    expect(canEditActeur(getViewerById(db, first.id), target.id)).toBe(false);
    expect(domainErrorOf(() => removeMember(db, viewerOf(second.id), target.id, second.id))).toMatchObject({
      code: "last_member",
      messageFr: expect.stringMatching(/^Cet acteur porte des fiches : ajoutez d'abord/),
    });
    expect(domainCode(() => removeMember(db, viewerOf(second.id), target.id, outsider.id))).toBe("not_a_member");
    expect(getViewerById(db, second.id)!.acteurIds).toEqual([target.id]);

    // Handing over: the newcomer is added, then the last one leaves.
    addMember(db, viewerOf(second.id), target.id, outsider.email);
    expect(removeMember(db, viewerOf(second.id), target.id, second.id)).toMatchObject({ id: second.id });
    expect(getViewerById(db, outsider.id)!.acteurIds).toEqual([target.id]);
  });

  it("lets the last member leave an acteur that porte no fiche, which can then be claimed again", () => {
    const db = getTestDb();
    const only = buildUser();
    const partnerOnly = buildActeur({ members: [only] });
    insertFicheCarriedBy(partnerOnly.id, "partenaire");
    expect(removeMember(db, viewerOf(only.id), partnerOnly.id, only.id)).toMatchObject({ id: only.id });
    expect(getActeurClaimFacts(db, partnerOnly.id)).toMatchObject({ memberCount: 0 });
  });
});

/** A published fiche whose document names the acteur with this role; insertFiche projects it. */
function insertFicheCarriedBy(acteurId: number, role: "porteur" | "partenaire" = "porteur"): void {
  insertFiche(getTestDb(), { type: "pratique", titre: "Atelier numérique", content: { acteurs: [{ acteurId, role }] }, createdBy: null, statut: "publiee" });
}
