"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import type { LieuxImportErrorView, LieuxImportView } from "@/lib/lieu/import-view";
import { LIEUX_DIGEST_HEADER, LIEUX_FILENAME_HEADER } from "@/lib/schemas/lieux-import";
import { LieuxImportReport } from "./LieuxImportReport";

type Stage =
  | { name: "choose"; error: string | null; busy: boolean }
  | { name: "preview"; view: LieuxImportView; error: string | null; busy: boolean }
  | { name: "done"; view: LieuxImportView };

function upload(url: string, file: File, digest?: string): Promise<Response> {
  const headers: Record<string, string> = { "content-type": file.type || "text/csv", [LIEUX_FILENAME_HEADER]: encodeURIComponent(file.name) };
  if (digest) headers[LIEUX_DIGEST_HEADER] = digest;
  return fetch(url, { method: "POST", body: file, headers });
}

async function errorOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: LieuxImportErrorView };
    if (body.error?.messageFr) return body.error.messageFr;
  } catch {
    // Not JSON: a proxy or the server failed before the route answered.
  }
  return `Le serveur a refusé le fichier (erreur ${response.status}). Rien n'a été importé.`;
}

const count = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

const UNREACHABLE = "Le serveur ne répond pas : vérifiez la connexion et réessayez. Rien n'a été importé.";

/** Upload, preview and confirmation of a lieux CSV import, for moderators. */
export function LieuxImport({ maxBytes }: { maxBytes: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ name: "choose", error: null, busy: false });
  const heading = useRef<HTMLHeadingElement>(null);
  const input = useRef<HTMLInputElement>(null);

  // Each new stage is announced by moving the focus to its heading; a refused file, to the field.
  const chooseError = stage.name === "choose" ? stage.error : null;
  useEffect(() => {
    if (stage.name !== "choose") heading.current?.focus();
    else if (chooseError) input.current?.focus();
  }, [stage.name, chooseError]);

  async function preview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return setStage({ name: "choose", error: "Choisissez le fichier CSV des lieux à importer.", busy: false });
    if (file.size > maxBytes) {
      return setStage({ name: "choose", error: `« ${file.name} » pèse ${file.size} octets ; la limite est de ${maxBytes / 1024 / 1024} Mo (${maxBytes} octets).`, busy: false });
    }
    setStage({ name: "choose", error: null, busy: true });
    try {
      const response = await upload("/api/import-lieux/preview", file);
      if (!response.ok) return setStage({ name: "choose", error: await errorOf(response), busy: false });
      const { preview: view } = (await response.json()) as { preview: LieuxImportView };
      setStage({ name: "preview", view, error: null, busy: false });
    } catch {
      setStage({ name: "choose", error: UNREACHABLE, busy: false });
    }
  }

  async function confirm(view: LieuxImportView) {
    if (!file) return;
    setStage({ name: "preview", view, error: null, busy: true });
    try {
      const response = await upload("/api/import-lieux", file, view.digest);
      if (!response.ok) return setStage({ name: "preview", view, error: await errorOf(response), busy: false });
      const { result } = (await response.json()) as { result: LieuxImportView };
      setStage({ name: "done", view: result });
    } catch {
      setStage({ name: "preview", view, error: UNREACHABLE, busy: false });
    }
  }

  function restart() {
    setFile(null);
    setStage({ name: "choose", error: null, busy: false });
  }

  if (stage.name === "choose") {
    const describedBy = ["fichier-lieux-hint", stage.error ? "fichier-lieux-error" : null].filter(Boolean).join(" ");
    return (
      <form onSubmit={preview} className="form" noValidate>
        <div className="field">
          <label htmlFor="fichier-lieux">Fichier CSV des lieux</label>
          <p id="fichier-lieux-hint" className="hint">
            Un fichier .csv au format du schéma des lieux de médiation numérique (v1.0.2), encodé en UTF-8, séparé par des
            virgules ou des points-virgules, de {maxBytes / 1024 / 1024} Mo au plus.
          </p>
          <input
            ref={input}
            id="fichier-lieux"
            name="fichier"
            type="file"
            accept=".csv,text/csv"
            aria-describedby={describedBy}
            aria-invalid={stage.error ? true : undefined}
            onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          />
          {stage.error && (
            <p id="fichier-lieux-error" className="field-error" role="alert">
              {stage.error}
            </p>
          )}
        </div>
        <div className="actions">
          <button type="submit" disabled={stage.busy}>
            {stage.busy ? "Lecture du fichier…" : "Prévisualiser l'import"}
          </button>
        </div>
      </form>
    );
  }

  if (stage.name === "preview") {
    const { view } = stage;
    const writes = view.counts.create + view.counts.update + view.counts.acteursCreate + view.counts.acteursUpdate > 0;
    return (
      <section aria-labelledby="import-lieux-apercu">
        <h2 id="import-lieux-apercu" ref={heading} tabIndex={-1}>
          Aperçu de l&apos;import de « {view.filename} »
        </h2>
        <p>Rien n&apos;est encore écrit. Vérifiez ce que fera l&apos;import, puis confirmez : il se fait entièrement ou pas du tout.</p>
        {stage.error && (
          <div role="alert" className="alert alert--error">
            {stage.error}
          </div>
        )}
        <LieuxImportReport view={view} />
        {!writes && <p className="alert">Ce fichier n&apos;apporte rien de nouveau à l&apos;annuaire : il n&apos;y a rien à importer.</p>}
        <div className="actions">
          {writes && (
            <button type="button" onClick={() => confirm(view)} disabled={stage.busy}>
              {stage.busy ? "Import en cours…" : "Confirmer l'import"}
            </button>
          )}
          <button type="button" className="button--secondary" onClick={restart} disabled={stage.busy}>
            Choisir un autre fichier
          </button>
        </div>
      </section>
    );
  }

  return (
    <section aria-labelledby="import-lieux-resultat">
      <h2 id="import-lieux-resultat" ref={heading} tabIndex={-1}>
        Import terminé
      </h2>
      <p role="status" className="alert alert--success">
        « {stage.view.filename} » est importé : {count(stage.view.counts.create, "lieu créé", "lieux créés")},{" "}
        {count(stage.view.counts.update, "lieu mis à jour", "lieux mis à jour")}, {count(stage.view.counts.acteursCreate, "acteur créé", "acteurs créés")}.
      </p>
      <LieuxImportReport view={stage.view} />
      <div className="actions">
        <button type="button" className="button--secondary" onClick={restart}>
          Importer un autre fichier
        </button>
      </div>
    </section>
  );
}
