import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getTestDb } from "@/db/testing";
import { buildActeur, buildUser, themeId } from "@/db/factories";
import { catalogue, comment, ficheActeur, ficheTerm, mailOutbox, notification, notificationSetting } from "@/db/schema";
import { followTarget } from "./follow";
import { DEDUPE_WINDOW_MS, recordEvent } from "./notification";
import { buildFicheWithBody } from "./wiki-link-testing";

const db = getTestDb();
const notificationsOf = (userId: number) => db.select().from(notification).where(eq(notification.userId, userId)).all();
const mailsTo = (email: string) => db.select().from(mailOutbox).where(eq(mailOutbox.recipient, email)).all();
const postComment = (ficheId: number, values: Partial<typeof comment.$inferInsert> = {}) =>
  db.insert(comment).values({ ficheId, body: "Comment faites-vous pour le local ?", ...values }).returning().get();

describe("recordEvent", () => {
  it("tells the fiche's and its acteurs' followers of an edit, never its authors, once within 24 hours", () => {
    const [follower, acteurFollower, author, coAuthor] = [buildUser(), buildUser(), buildUser(), buildUser()];
    const f = buildFicheWithBody(db, { titre: "Atelier de réparation" });
    const a = buildActeur();
    db.insert(ficheActeur).values({ ficheId: f.id, acteurId: a.id, role: "porteur" }).run();
    followTarget(db, follower.id, "fiche", f.id);
    followTarget(db, author.id, "fiche", f.id);
    followTarget(db, coAuthor.id, "fiche", f.id);
    followTarget(db, acteurFollower.id, "acteur", a.id);
    // The follower follows the acteur too: still one notification.
    followTarget(db, follower.id, "acteur", a.id);

    const t0 = new Date("2026-03-02T10:00:00Z");
    recordEvent(db, { kind: "fiche_modifiee", ficheId: f.id, actorId: author.id, authorIds: [author.id, coAuthor.id] }, t0);
    recordEvent(db, { kind: "fiche_modifiee", ficheId: f.id, actorId: author.id, authorIds: [author.id, coAuthor.id] }, new Date(t0.getTime() + DEDUPE_WINDOW_MS - 1000));

    expect(notificationsOf(follower.id)).toEqual([
      expect.objectContaining({ kind: "fiche_modifiee", message: "La fiche « Atelier de réparation » a été modifiée.", url: `/fiches/${f.slug}/historique`, mailedAt: null }),
    ]);
    expect(notificationsOf(acteurFollower.id)).toHaveLength(1);
    expect(notificationsOf(author.id)).toHaveLength(0);
    expect(notificationsOf(coAuthor.id)).toHaveLength(0);

    recordEvent(db, { kind: "fiche_modifiee", ficheId: f.id, actorId: author.id }, new Date(t0.getTime() + DEDUPE_WINDOW_MS + 1000));
    expect(notificationsOf(follower.id)).toHaveLength(2);
    expect(mailsTo(follower.email)).toHaveLength(0);
  });

  it("says nothing of a draft's edits", () => {
    const follower = buildUser();
    const f = buildFicheWithBody(db, { titre: "Brouillon suivi", statut: "brouillon" });
    followTarget(db, follower.id, "fiche", f.id);
    recordEvent(db, { kind: "fiche_modifiee", ficheId: f.id, actorId: null });
    expect(notificationsOf(follower.id)).toHaveLength(0);
  });

  it("tells a theme's followers of a publication, not of a theme only suggested", () => {
    const [themeFollower, suggestedFollower] = [buildUser(), buildUser()];
    const f = buildFicheWithBody(db, { titre: "Nouvelle pratique" });
    const [confirmed, suggested] = [themeId("lien-social"), themeId("culture")];
    db.insert(ficheTerm).values([{ ficheId: f.id, termId: confirmed }, { ficheId: f.id, termId: suggested, suggested: true }]).run();
    followTarget(db, themeFollower.id, "theme", confirmed);
    followTarget(db, suggestedFollower.id, "theme", suggested);
    recordEvent(db, { kind: "fiche_publiee", ficheId: f.id, actorId: null });
    expect(notificationsOf(themeFollower.id).map((n) => n.kind)).toEqual(["fiche_publiee"]);
    expect(notificationsOf(suggestedFollower.id)).toHaveLength(0);
  });

  it("tells a catalogue's followers of its changes once it is public", () => {
    const [follower, owner] = [buildUser(), buildUser()];
    const c = db.insert(catalogue).values({ slug: `parcours-${owner.id}`, titre: "Parcours débutants", createdBy: owner.id }).returning().get();
    followTarget(db, follower.id, "catalogue", c.id);
    recordEvent(db, { kind: "catalogue_modifie", catalogueId: c.id, actorId: owner.id });
    expect(notificationsOf(follower.id)).toHaveLength(0);
    db.update(catalogue).set({ statut: "public" }).where(eq(catalogue.id, c.id)).run();
    recordEvent(db, { kind: "catalogue_modifie", catalogueId: c.id, actorId: owner.id });
    expect(notificationsOf(follower.id)).toEqual([expect.objectContaining({ kind: "catalogue_modifie", url: `/catalogues/${c.slug}` })]);
  });

  it("mails a mention and a reply at once, one notice per person, and the rest waits for the digest", () => {
    const [opener, mentioned, ficheFollower, replier, quiet] = [buildUser(), buildUser(), buildUser(), buildUser(), buildUser()];
    db.insert(notificationSetting).values({ userId: quiet.id, mailMentions: false }).run();
    const f = buildFicheWithBody(db, { titre: "Café numérique" });
    const thread = postComment(f.id, { authorId: opener.id });
    followTarget(db, opener.id, "fil", thread.id);
    followTarget(db, quiet.id, "fil", thread.id);
    followTarget(db, mentioned.id, "fil", thread.id);
    followTarget(db, ficheFollower.id, "fiche", f.id);
    followTarget(db, replier.id, "fil", thread.id);
    const reply = postComment(f.id, { authorId: replier.id, threadId: thread.id, body: "Merci @Personne" });

    recordEvent(db, { kind: "commentaire", commentId: reply.id, ficheId: f.id, threadId: thread.id, actorId: replier.id, mentionedUserIds: [mentioned.id] });

    expect(notificationsOf(mentioned.id).map((n) => n.kind)).toEqual(["mention"]);
    expect(notificationsOf(opener.id)).toEqual([expect.objectContaining({ kind: "reponse", url: `/fiches/${f.slug}#commentaire-${reply.id}` })]);
    expect(notificationsOf(ficheFollower.id).map((n) => [n.kind, n.mailedAt])).toEqual([["commentaire", null]]);
    expect(notificationsOf(replier.id)).toHaveLength(0);
    expect(notificationsOf(quiet.id).map((n) => [n.kind, n.mailedAt])).toEqual([["reponse", null]]);

    const [mail] = mailsTo(opener.email);
    expect(mail).toMatchObject({ subject: `${replier.name} a répondu dans une discussion sur « Café numérique ».`, statut: "en_attente" });
    expect(mail.text).toContain(`/fiches/${f.slug}#commentaire-${reply.id}`);
    expect(mailsTo(mentioned.email)).toHaveLength(1);
    expect(mailsTo(ficheFollower.email)).toHaveLength(0);
    expect(mailsTo(quiet.email)).toHaveLength(0);
  });

  it("mails the visitor who asked when someone answers, and only them", () => {
    const answerer = buildUser();
    const f = buildFicheWithBody(db, { titre: "Permanence administrative" });
    const question = postComment(f.id, { visitorName: "Camille", visitorEmail: "camille@exemple.fr" });
    const answer = postComment(f.id, { authorId: answerer.id, threadId: question.id, body: "Le mardi matin." });
    recordEvent(db, { kind: "commentaire", commentId: answer.id, ficheId: f.id, threadId: question.id, actorId: answerer.id, mentionedUserIds: [] });
    const [mail] = mailsTo("camille@exemple.fr");
    expect(mail.subject).toBe("Réponse à votre question sur « Permanence administrative »");
    expect(mail.text).toContain("Le mardi matin.");
    expect(JSON.parse(mail.headers)).toMatchObject({ "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });

  it("keeps the caller's change when recording fails, and records none of the event", () => {
    const [mentioned, outsider] = [buildUser(), buildUser()];
    const f = buildFicheWithBody(db, { titre: "Fiche sans adresse publique" });
    const posted = postComment(f.id, { authorId: outsider.id });
    const saved = { port: process.env.PORT, url: process.env.NEXTAUTH_URL };
    // An unusable base URL makes writing the mail throw after the notification was inserted.
    process.env.PORT = "pas-un-port";
    delete process.env.NEXTAUTH_URL;
    try {
      db.transaction((tx) => {
        tx.update(comment).set({ body: "Changé par l'appelant" }).where(eq(comment.id, posted.id)).run();
        recordEvent(tx, { kind: "commentaire", commentId: posted.id, ficheId: f.id, threadId: null, actorId: outsider.id, mentionedUserIds: [mentioned.id] });
      });
    } finally {
      process.env.PORT = saved.port;
      if (saved.url !== undefined) process.env.NEXTAUTH_URL = saved.url;
    }
    expect(db.select().from(comment).where(eq(comment.id, posted.id)).get()!.body).toBe("Changé par l'appelant");
    expect(notificationsOf(mentioned.id)).toHaveLength(0);
  });
});
