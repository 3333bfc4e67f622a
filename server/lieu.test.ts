import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { buildActeur, buildLieu, buildUser } from "@/db/factories";
import { getLieuById } from "@/db/queries/lieu";
import { getViewerById } from "@/db/queries/viewer";
import { acteur, lieu } from "@/db/schema";
import { getTestDb } from "@/db/testing";
import { lieuSchema } from "@/lib/schemas/lieu";
import { SYSTEM } from "./authorize";
import { DomainError } from "./errors";
import { createLieu, deleteLieu, updateLieu } from "./lieu";

const form = {
  nom: "Espace numérique Saint-Michel",
  adresse: "20 place Meynard",
  codePostal: "33000",
  commune: "Bordeaux",
  services: ["Aide aux démarches administratives", "Accès internet et matériel informatique"],
};

describe("lieux", () => {
  it("creates a lieu from validated form values", () => {
    const db = getTestDb();
    const owner = buildActeur();
    const created = createLieu(db, SYSTEM,
      owner.id,
      lieuSchema.parse({ ...form, latitude: "44.83", longitude: "-0.567", courriels: "a@exemple.fr, b@exemple.fr", horaires: "Tu-Sa 10:00-18:00", fraisACharge: ["Gratuit"] }),
    );
    expect(getLieuById(db, created.id)).toMatchObject({
      acteurId: owner.id,
      nom: "Espace numérique Saint-Michel",
      latitude: 44.83,
      longitude: -0.567,
      courriels: ["a@exemple.fr", "b@exemple.fr"],
      siteWeb: [],
      horaires: "Tu-Sa 10:00-18:00",
      services: ["Aide aux démarches administratives", "Accès internet et matériel informatique"],
      fraisACharge: ["Gratuit"],
      complementAdresse: null,
      codeInsee: null,
    });
  });

  it("replaces every field on update, clearing those left empty", () => {
    const db = getTestDb();
    const member = buildUser();
    const owner = buildActeur({ members: [member] });
    const existing = buildLieu(owner.id, { horaires: "Mo 09:00-12:00", latitude: 44.8, longitude: -0.5, telephone: "05 56 00 00 00" });
    const updated = updateLieu(db, getViewerById(db, member.id), existing.id, lieuSchema.parse({ ...form, commune: "Bègles", codePostal: "33130" }));
    expect(updated).toMatchObject({ id: existing.id, commune: "Bègles", horaires: null, latitude: null, longitude: null, telephone: null });
  });

  it("deletes a lieu and dates the change on its acteur", () => {
    const db = getTestDb();
    const owner = buildActeur({ updatedAt: new Date("2020-01-01T00:00:00Z") });
    const existing = buildLieu(owner.id);
    deleteLieu(db, getViewerById(db, buildUser({ role: "moderateur" }).id), existing.id);
    expect(getLieuById(db, existing.id)).toBeUndefined();
    const after = db.select({ updatedAt: acteur.updatedAt }).from(acteur).where(eq(acteur.id, owner.id)).get()!;
    expect(after.updatedAt.getTime()).toBeGreaterThan(new Date("2020-01-01T00:00:00Z").getTime());
  });

  it("refuses to touch a lieu or an acteur that does not exist", () => {
    const db = getTestDb();
    const data = lieuSchema.parse(form);
    expect(() => updateLieu(db, SYSTEM, 999_999, data)).toThrow(DomainError);
    expect(() => deleteLieu(db, SYSTEM, 999_999)).toThrow(DomainError);
    expect(() => createLieu(db, SYSTEM, 999_999, data)).toThrow(DomainError);
  });

  it("refuses, by itself, to add, change or delete the lieu of an acteur the viewer does not edit", () => {
    const db = getTestDb();
    const owner = buildActeur({ members: [buildUser()] });
    const existing = buildLieu(owner.id, { nom: "Intact" });
    const stranger = getViewerById(db, buildUser().id);
    const ownMember = buildUser();
    buildActeur({ members: [ownMember] });
    for (const viewer of [null, stranger, getViewerById(db, ownMember.id)]) {
      expect(() => updateLieu(db, viewer, existing.id, lieuSchema.parse({ ...form, nom: "Changé" }))).toThrow(expect.objectContaining({ code: "forbidden" }));
      expect(() => deleteLieu(db, viewer, existing.id)).toThrow(expect.objectContaining({ code: "forbidden" }));
      expect(() => createLieu(db, viewer, owner.id, lieuSchema.parse({ ...form, nom: "Ajouté" }))).toThrow(expect.objectContaining({ code: "forbidden" }));
    }
    expect(getLieuById(db, existing.id)).toMatchObject({ nom: "Intact" });
    expect(db.select().from(lieu).where(eq(lieu.acteurId, owner.id)).all().map((l) => l.nom)).toEqual(["Intact"]);
  });
});
