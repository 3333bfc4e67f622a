import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { listExportableActeurs } from "@/db/queries/acteur-export";
import { countExportableFiches } from "@/db/queries/fiche-export";
import { isModerator } from "@/lib/policies/viewer";
import { getContentLicence } from "@/server/licence";
import { renderLieuxCsv } from "@/server/export/lieux-csv";
import { getCurrentViewer } from "@/server/session";

export const metadata: Metadata = {
  title: "Exporter le contenu",
  description: "Télécharger les fiches, l'annuaire des acteurs et les lieux de médiation numérique du wiki, sous licence ouverte.",
};
export const dynamic = "force-dynamic";

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export default async function ExportPage() {
  const db = getDb();
  const licence = getContentLicence(db);
  const fiches = countExportableFiches(db);
  const acteurs = listExportableActeurs(db);
  const lieux = renderLieuxCsv(acteurs);
  const viewer = await getCurrentViewer();

  return (
    <div className="export-page">
      <h1>Exporter le contenu</h1>
      <p>
        Tout le contenu public du wiki se télécharge librement, sous{" "}
        <a href={licence.url} rel="license noopener noreferrer">
          {licence.name}
        </a>{" "}
        : {licence.summary} Chaque fichier cite cette licence. Les brouillons et les fiches masquées par la modération ne
        sont jamais exportés.
      </p>

      <section aria-labelledby="export-tout">
        <h2 id="export-tout">Tout le contenu</h2>
        <ul className="export-list">
          <li>
            <a href="/export/fiches.zip">
              Télécharger l&apos;archive complète (.zip)
            </a>
            <p className="muted">
              {plural(fiches, "fiche", "fiches")} en Markdown, les mêmes en JSON et en CSV, l&apos;annuaire des acteurs et
              les lieux, avec un fichier README qui donne la licence et la date de l&apos;export.
            </p>
          </li>
        </ul>
      </section>

      <section aria-labelledby="export-fiches">
        <h2 id="export-fiches">Les fiches</h2>
        <ul className="export-list">
          <li>
            <a href="/export/fiches.json">
              Télécharger les fiches (JSON)
            </a>
            <p className="muted">
              Tous les champs, les acteurs et leur rôle, les thèmes, publics et enjeux, le texte en JSON ProseMirror et en
              HTML. Ce fichier se réimporte dans un autre wiki : <code>npm run wiki -- import-json fichier.json</code>.
            </p>
          </li>
          <li>
            <a href="/export/fiches.csv">
              Télécharger les fiches (CSV)
            </a>
            <p className="muted">Une ligne par fiche, pour un tableur ; plusieurs valeurs d&apos;une cellule sont séparées par « | ».</p>
          </li>
        </ul>
        <p>
          Chaque fiche s&apos;exporte aussi seule, en ajoutant <code>/export.json</code> ou <code>/export.md</code> (Markdown)
          à son adresse, par exemple <code>/fiches/nom-de-la-fiche/export.md</code>.
        </p>
      </section>

      <section aria-labelledby="export-annuaire">
        <h2 id="export-annuaire">L&apos;annuaire et les lieux</h2>
        <ul className="export-list">
          <li>
            <a href="/export/acteurs.csv">
              Télécharger les acteurs (CSV)
            </a>
            <p className="muted">
              {plural(acteurs.length, "acteur", "acteurs")} : profil public, thèmes, lieux et communes ; jamais leurs membres.
            </p>
          </li>
          <li>
            <a href="/export/lieux.csv">
              Télécharger les lieux (CSV, schéma national)
            </a>
            <p className="muted">
              {plural(lieux.exported, "lieu", "lieux")} au format du{" "}
              <a href="https://schema.data.gouv.fr/LaMednum/standard-mediation-num/" rel="noopener noreferrer">
                schéma des lieux de médiation numérique
              </a>{" "}
              v1.0.2, prêts pour data.gouv.fr et la cartographie nationale : ses colonnes dans son ordre, le SIRET ou le
              RNA de l&apos;acteur comme pivot (14 zéros quand il n&apos;en a pas), la date de mise à jour de chaque lieu.
            </p>
          </li>
        </ul>
      </section>

      {lieux.skipped.length > 0 && (
        <section aria-labelledby="export-lieux-ecartes">
          <h2 id="export-lieux-ecartes">Lieux non exportés</h2>
          <p>
            {lieux.skipped.length > 1
              ? `Ces ${lieux.skipped.length} lieux ne peuvent pas être valides au regard du schéma national : ils ne sont pas dans le fichier des lieux.`
              : "Ce lieu ne peut pas être valide au regard du schéma national : il n'est pas dans le fichier des lieux."}{" "}
            Les membres de l&apos;acteur peuvent le corriger depuis sa page.
          </p>
          <ul>
            {lieux.skipped.map((s) => (
              <li key={s.lieuId}>
                <strong>{s.nom}</strong> (<Link href={`/acteurs/${s.acteurSlug}`}>{s.acteurNom}</Link>) :{" "}
                {s.violations.map((v) => v.messageFr).join(" ; ")}.
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="export-import">
        <h2 id="export-import">Partir des données ouvertes d&apos;un territoire</h2>
        <p>
          Un fichier de lieux au même format (celui d&apos;un autre territoire, d&apos;un réseau ou de data.gouv.fr) peut
          remplir l&apos;annuaire : les acteurs et leurs lieux sont créés, ou mis à jour s&apos;ils y sont déjà.{" "}
          {isModerator(viewer) ? (
            <Link href="/moderation/import-lieux">Importer un fichier de lieux</Link>
          ) : (
            "L'import est réservé aux modérateurs."
          )}
        </p>
        <p>
          Sur le serveur : <code>npm run wiki -- export --format json|csv|markdown|lieux-csv [--out FICHIER]</code> et{" "}
          <code>npm run wiki -- import-lieux FICHIER [--dry-run]</code>.
        </p>
      </section>
    </div>
  );
}
