import type { MailOutbox } from "@/db/schema";
import { MAIL_STATUT_LABELS } from "@/lib/notification/labels";

const dateTime = new Intl.DateTimeFormat("fr-FR", { dateStyle: "short", timeStyle: "short", timeZone: "Europe/Paris" });

/** The outbox's mails, each with its text behind a disclosure. */
export function OutboxTable({ mails }: { mails: MailOutbox[] }) {
  if (mails.length === 0) return <p>Aucun courriel.</p>;
  return (
    <div className="table-wrap">
      <table className="outbox-table">
        <caption className="visually-hidden">Courriels, du plus récent au plus ancien</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Destinataire</th>
            <th scope="col">Objet et texte</th>
            <th scope="col">Statut</th>
            <th scope="col">Tentatives</th>
            <th scope="col">Dernière erreur</th>
          </tr>
        </thead>
        <tbody>
          {mails.map((mail) => (
            <tr key={mail.id}>
              <td>
                <time dateTime={mail.createdAt.toISOString()}>{dateTime.format(mail.createdAt)}</time>
              </td>
              <td>{mail.recipient}</td>
              <td>
                <details>
                  <summary>{mail.subject}</summary>
                  <pre className="outbox-table__text">{mail.text}</pre>
                </details>
              </td>
              <td>
                {MAIL_STATUT_LABELS[mail.statut]}
                {mail.statut === "en_attente" && mail.nextAttemptAt && (
                  <>
                    {" "}
                    (nouvel essai le <time dateTime={mail.nextAttemptAt.toISOString()}>{dateTime.format(mail.nextAttemptAt)}</time>)
                  </>
                )}
              </td>
              <td>{mail.attempts}</td>
              <td>{mail.lastError ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
