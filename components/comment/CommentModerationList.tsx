import { Link } from "@/components/ui/Link";
import type { CommentModerationItem } from "@/db/queries/comment";
import { displayTitre } from "@/lib/fiche/labels";
import { SIGNALEMENT_MOTIF_LABELS } from "@/lib/schemas/moderation";
import { CommentBody } from "./CommentBody";
import { CommentModerationButtons } from "./CommentModerationButtons";

const when = (date: Date) => date.toLocaleString("fr-FR", { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris" });

/** The moderators' queue of messages: visitors' questions waiting and reported messages. */
export function CommentModerationSection({ queue }: { queue: { items: CommentModerationItem[]; mentionNames: ReadonlyMap<number, string> } }) {
  return (
    <section aria-labelledby="titre-messages">
      <h2 id="titre-messages">Messages à modérer ({queue.items.length})</h2>
      <p className="hint">
        Les questions des visiteurs sans compte attendent ici qu&apos;un modérateur les publie ; les messages signalés par les lecteurs aussi.
      </p>
      <CommentModerationList items={queue.items} names={queue.mentionNames} />
    </section>
  );
}

function CommentModerationList({ items, names }: { items: CommentModerationItem[]; names: ReadonlyMap<number, string> }) {
  if (items.length === 0) return <p className="muted">Aucun message n&apos;attend de décision.</p>;
  return (
    <ul className="moderation-list">
      {items.map((c) => (
        <li key={c.id} className="card moderation-item">
          <h3 className="moderation-item__titre">
            {c.statut === "en_attente" ? "Question de visiteur" : "Message signalé"} sur{" "}
            <Link href={`/fiches/${c.fiche.slug}#fiche-discussion`}>{displayTitre(c.fiche.titre)}</Link>
          </h3>
          <dl className="details">
            <dt>{c.statut === "en_attente" ? "Posée par" : "Écrit par"}</dt>
            <dd>
              {c.authorName}
              {c.visitor ? " (visiteur, sans compte)" : ""}, le {when(c.createdAt)}
              {c.statut === "masque" ? " — masqué" : ""}
            </dd>
            <dt>Message</dt>
            <dd>
              <CommentBody body={c.body} names={names} />
            </dd>
            {c.reports.map((r) => (
              <div key={r.id}>
                <dt>Signalement</dt>
                <dd>
                  {SIGNALEMENT_MOTIF_LABELS[r.motif]}, par {r.reporterName ?? "un compte supprimé"} le {when(r.createdAt)}
                  {r.commentaire && <span className="pre-line"> : {r.commentaire}</span>}
                </dd>
              </div>
            ))}
          </dl>
          <CommentModerationButtons commentId={c.id} statut={c.statut} reported={c.reports.length > 0} />
        </li>
      ))}
    </ul>
  );
}
