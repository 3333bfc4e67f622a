import { afterEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as Y from "yjs";
import { getTestDb } from "@/db/testing";
import { getViewerById } from "@/db/queries/viewer";
import { listCommentsToModerate, listFicheThreads } from "@/db/queries/comment";
import { listOpenSignalements } from "@/db/queries/signalement";
import { buildUser } from "@/db/factories";
import { notification, signalement } from "@/db/schema";
import { anchorInText, encodeAnchor } from "@/lib/comment/anchor";
import type { Role } from "@/lib/roles";
import type { Viewer } from "@/lib/policies/viewer";
import { askQuestion, editComment, postComment, replyToThread, setThreadResolved } from "./comment";
import { COMMENT_RATE_LIMITS, commentRateLimiters } from "./comment-limits";
import { hideComment, keepComment, publishComment, reportComment } from "./comment-moderation";
import { isFollowing } from "./follow";
import { buildFicheWithBody } from "./wiki-link-testing";
import { domainErrorOf } from "./domain-error-testing";

const db = getTestDb();
const viewer = (role: Role = "contributeur"): Viewer => getViewerById(db, buildUser({ role }).id)!;
const threadsOf = (ficheId: number) => listFicheThreads(db, ficheId);
let ip = 0;
const address = () => `192.0.2.${++ip}`;

afterEach(() => {
  delete (globalThis as { __wikiCommentLimiters?: unknown }).__wikiCommentLimiters;
});

describe("threads on a fiche", () => {
  it("opens an anchored thread, takes replies and makes each participant follow the thread", () => {
    const alice = viewer();
    const bob = viewer();
    const f = buildFicheWithBody(db, { titre: "Permanence numérique" });
    const text = new Y.Doc().getText("t");
    text.insert(0, "le samedi matin");
    const anchor = encodeAnchor(anchorInText(text, 3, 6));

    const opening = postComment(db, alice, { ficheId: f.id, body: "Quels horaires ?", anchor, citation: "samedi" });
    const reply = replyToThread(db, bob, { threadId: opening.id, body: "De 9 h à 12 h." });

    const [thread] = threadsOf(f.id);
    expect(thread).toMatchObject({ id: opening.id, authorName: alice.name, citation: "samedi", anchor, resolvedAt: null });
    expect(thread.replies.map((r) => [r.id, r.authorName, r.body])).toEqual([[reply.id, bob.name, "De 9 h à 12 h."]]);
    expect(isFollowing(db, alice.id, "fil", opening.id)).toBe(true);
    expect(isFollowing(db, bob.id, "fil", opening.id)).toBe(true);
 
    // The thread's author hears of the reply; a mentioned person of the mention; a forged mention reaches nobody.
    const carol = viewer();
    replyToThread(db, bob, { threadId: opening.id, body: `Voir avec @[Carol](${carol.id}) et @[Fantôme](99999)` });
    const kindsOf = (userId: number) => db.select({ kind: notification.kind }).from(notification).where(eq(notification.userId, userId)).all().map((n) => n.kind);
    expect(kindsOf(alice.id)).toContain("reponse");
    expect(kindsOf(carol.id)).toEqual(["mention"]);
    expect(db.select().from(notification).where(eq(notification.userId, 99999)).all()).toEqual([]);
  });

  it("refuses visitors, forged anchors, and replies to a reply", () => {
    const alice = viewer();
    const f = buildFicheWithBody(db, { titre: "Atelier" });
    expect(domainErrorOf(() => postComment(db, null, { ficheId: f.id, body: "Bonjour" })).code).toBe("unauthenticated");
    expect(domainErrorOf(() => postComment(db, alice, { ficheId: f.id, body: "Ici", anchor: '{"start":"<b>","end":"x"}' })).code).toBe("invalid_anchor");
    const opening = postComment(db, alice, { ficheId: f.id, body: "Question" });
    const reply = replyToThread(db, alice, { threadId: opening.id, body: "Précision" });
    expect(domainErrorOf(() => replyToThread(db, alice, { threadId: reply.id, body: "Sous-réponse" })).code).toBe("not_found");
  });

  it("lets only the author edit, and the author, editors and moderators resolve", () => {
    const alice = viewer();
    const bob = viewer();
    const f = buildFicheWithBody(db, { titre: "Café numérique" });
    const opening = postComment(db, alice, { ficheId: f.id, body: "Premier jet" });
    expect(domainErrorOf(() => editComment(db, bob, { commentId: opening.id, body: "Pirate" })).code).toBe("forbidden");
    editComment(db, alice, { commentId: opening.id, body: "Version corrigée" });
    expect(threadsOf(f.id)[0].body).toBe("Version corrigée");

    expect(setThreadResolved(db, bob, { threadId: opening.id, resolved: true }).resolvedAt).not.toBeNull();
    expect(domainErrorOf(() => setThreadResolved(db, null, { threadId: opening.id, resolved: false })).code).toBe("forbidden");
    expect(setThreadResolved(db, alice, { threadId: opening.id, resolved: false }).resolvedAt).toBeNull();
  });
});

describe("visitors' questions and moderation", () => {
  it("keeps a question out of sight until a moderator publishes it, then lets members answer", () => {
    const mod = viewer("moderateur");
    const bob = viewer();
    const f = buildFicheWithBody(db, { titre: "Aide aux démarches" });
    const question = askQuestion(db, null, address(), { ficheId: f.id, visitorName: "Nadia", visitorEmail: "nadia@exemple.fr", body: "Faut-il prendre rendez-vous ?" });

    expect(question.statut).toBe("en_attente");
    expect(threadsOf(f.id)).toEqual([]);
    expect(listCommentsToModerate(db).find((c) => c.id === question.id)).toMatchObject({ authorName: "Nadia", visitor: true, reports: [] });
    expect(domainErrorOf(() => replyToThread(db, bob, { threadId: question.id, body: "Oui" })).code).toBe("not_found");
    expect(domainErrorOf(() => publishComment(db, bob, question.id)).code).toBe("forbidden");

    publishComment(db, mod, question.id);
    replyToThread(db, bob, { threadId: question.id, body: "Non, venez quand vous voulez." });
    const [thread] = threadsOf(f.id);
    expect(thread).toMatchObject({ authorName: "Nadia", visitor: true, body: "Faut-il prendre rendez-vous ?" });
    expect(thread).not.toHaveProperty("visitorEmail");
    expect(thread.replies).toHaveLength(1);
    expect(listCommentsToModerate(db).some((c) => c.id === question.id)).toBe(false);
  });

  it("refuses a question from a signed-in person and on a draft", () => {
    const f = buildFicheWithBody(db, { titre: "Brouillon", statut: "brouillon" });
    const g = buildFicheWithBody(db, { titre: "Publiée" });
    expect(domainErrorOf(() => askQuestion(db, viewer(), address(), { ficheId: g.id, visitorName: "A", body: "Q" })).code).toBe("signed_in");
    expect(domainErrorOf(() => askQuestion(db, null, address(), { ficheId: f.id, visitorName: "A", body: "Q" })).code).toBe("not_found");
  });

  it("puts a reported message in the queue; hiding it takes it off the page and settles every report", () => {
    const mod = viewer("moderateur");
    const [alice, bob, carol] = [viewer(), viewer(), viewer()];
    const f = buildFicheWithBody(db, { titre: "Réparation" });
    const kept = postComment(db, alice, { ficheId: f.id, body: "Merci pour la fiche" });
    const spam = postComment(db, alice, { ficheId: f.id, body: "Achetez ici" });
    expect(reportComment(db, bob, { commentId: spam.id, motif: "inapproprie" })).toEqual({ created: true });
    expect(reportComment(db, bob, { commentId: spam.id, motif: "erreurs", commentaire: "Publicité" })).toEqual({ created: false });
    reportComment(db, carol, { commentId: spam.id, motif: "inapproprie" });
    reportComment(db, carol, { commentId: kept.id, motif: "obsolete" });

    const queued = listCommentsToModerate(db).find((c) => c.id === spam.id)!;
    expect(queued.reports.map((r) => [r.motif, r.reporterName])).toEqual([
      ["erreurs", bob.name],
      ["inapproprie", carol.name],
    ]);

    // The fiches' queue stays about fiches: reports on messages are decided with the message.
    expect(listOpenSignalements(db).some((r) => r.fiche.id === f.id)).toBe(false);

    hideComment(db, mod, spam.id);
    keepComment(db, mod, kept.id);
    expect(threadsOf(f.id).map((t) => t.id)).toEqual([kept.id]);
    expect(listCommentsToModerate(db).filter((c) => c.fiche.slug === f.slug)).toEqual([]);
    const reports = db.select().from(signalement).where(eq(signalement.ficheId, f.id)).all();
    expect(reports.every((r) => r.resolvedBy === mod.id)).toBe(true);
    expect(domainErrorOf(() => replyToThread(db, bob, { threadId: spam.id, body: "?" })).code).toBe("not_found");
  });
});

describe("rate limits", () => {
  it("stops a member past the limit with a French message saying when to retry", () => {
    const alice = viewer();
    const f = buildFicheWithBody(db, { titre: "Bavardage" });
    for (let i = 0; i < COMMENT_RATE_LIMITS.member.limit; i++) postComment(db, alice, { ficheId: f.id, body: `Message ${i}` });
    const refusal = domainErrorOf(() => postComment(db, alice, { ficheId: f.id, body: "Un de trop" }));
    expect(refusal.code).toBe("rate_limited");
    expect(refusal.messageFr).toMatch(/Réessayez dans \d+ minutes?/);
    expect(postComment(db, viewer(), { ficheId: f.id, body: "Une autre personne" }).id).toBeGreaterThan(0);
  });

  it("limits visitors' questions per address", () => {
    const f = buildFicheWithBody(db, { titre: "Questions" });
    const from = address();
    for (let i = 0; i < COMMENT_RATE_LIMITS.visitor.limit; i++) askQuestion(db, null, from, { ficheId: f.id, visitorName: "V", body: `Q${i}` });
    expect(domainErrorOf(() => askQuestion(db, null, from, { ficheId: f.id, visitorName: "V", body: "Encore" })).code).toBe("rate_limited");
    expect(askQuestion(db, null, address(), { ficheId: f.id, visitorName: "W", body: "Ailleurs" }).statut).toBe("en_attente");
    expect(commentRateLimiters().visitor.retryAfterSeconds(`ip:${from}`)).toBeGreaterThan(0);
  });
});
