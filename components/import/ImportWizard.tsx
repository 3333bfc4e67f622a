"use client";

import { useEffect, useRef, useState, type FormEvent } from "react";
import { readImportEvents } from "@/lib/import/ndjson";
import type { ImportErrorView, ImportPreview, ImportResultView } from "@/lib/import/preview";
import { IMPORT_DIGEST_HEADER, IMPORT_FILENAME_HEADER } from "@/lib/schemas/import";
import { ImportPreviewView } from "./ImportPreview";
import { ImportProgressView, type ProgressState } from "./ImportProgress";
import { ImportResultSummary } from "./ImportResult";

type Stage =
  | { name: "choose"; error: string | null; busy: boolean }
  | { name: "preview"; preview: ImportPreview; notice: string | null }
  | { name: "importing"; progress: ProgressState }
  | { name: "done"; result: ImportResultView; preview: ImportPreview }
  | { name: "failed"; error: string; preview: ImportPreview };

const CONNECTION_LOST =
  "La connexion au serveur s'est interrompue avant la fin : l'import a pu aboutir ou non. Prévisualisez à nouveau le fichier : l'aperçu dira ce qui reste à importer.";

function upload(url: string, file: File, digest?: string): Promise<Response> {
  const headers: Record<string, string> = {
    "content-type": file.type || "application/octet-stream",
    [IMPORT_FILENAME_HEADER]: encodeURIComponent(file.name),
  };
  if (digest) headers[IMPORT_DIGEST_HEADER] = digest;
  return fetch(url, { method: "POST", body: file, headers });
}

async function errorOf(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: ImportErrorView };
    if (body.error?.messageFr) return body.error.messageFr;
  } catch {
    // Not JSON: a proxy or the server failed before the route answered.
  }
  return `Le serveur a refusé le fichier (erreur ${response.status}). Rien n'a été importé.`;
}

/** Upload, preview, confirmation, progress and result of an import, for moderators. */
export function ImportWizard({ maxBytes }: { maxBytes: number }) {
  const [file, setFile] = useState<File | null>(null);
  const [stage, setStage] = useState<Stage>({ name: "choose", error: null, busy: false });
  const focusTarget = useRef<HTMLHeadingElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  // Each new stage is announced by moving the focus to its heading.
  const chooseError = stage.name === "choose" ? stage.error : null;
  useEffect(() => {
    if (stage.name !== "choose") focusTarget.current?.focus();
    else if (chooseError) inputRef.current?.focus();
  }, [stage.name, chooseError]);

  async function preview(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!file) return setStage({ name: "choose", error: "Choisissez le fichier à importer : un texte (.txt) ou un document Markdown (.md).", busy: false });
    setStage({ name: "choose", error: null, busy: true });
    try {
      const response = await upload("/api/import/preview", file);
      if (!response.ok) return setStage({ name: "choose", error: await errorOf(response), busy: false });
      const { preview } = (await response.json()) as { preview: ImportPreview };
      setStage({ name: "preview", preview, notice: null });
    } catch {
      setStage({ name: "choose", error: "Le serveur ne répond pas : vérifiez la connexion et réessayez.", busy: false });
    }
  }

  async function confirm(previewed: ImportPreview) {
    if (!file) return;
    let progress: ProgressState = { steps: [], done: 0, total: previewed.fiches.length, label: "" };
    setStage({ name: "importing", progress });
    try {
      const response = await upload("/api/import", file, previewed.digest);
      if (!response.ok || !response.body) return setStage({ name: "failed", error: await errorOf(response), preview: previewed });
      for await (const event of readImportEvents(response.body)) {
        if (event.type === "step") progress = { ...progress, steps: [...progress.steps, event.message] };
        else if (event.type === "progress") progress = { ...progress, done: event.done, total: event.total, label: event.label };
        else if (event.type === "done") return setStage({ name: "done", result: event.result, preview: previewed });
        else if (event.preview) return setStage({ name: "preview", preview: event.preview, notice: event.error.messageFr });
        else return setStage({ name: "failed", error: event.error.messageFr, preview: previewed });
        setStage({ name: "importing", progress });
      }
      setStage({ name: "failed", error: CONNECTION_LOST, preview: previewed });
    } catch {
      setStage({ name: "failed", error: CONNECTION_LOST, preview: previewed });
    }
  }

  function restart() {
    setFile(null);
    setStage({ name: "choose", error: null, busy: false });
  }

  if (stage.name === "preview") {
    return <ImportPreviewView preview={stage.preview} notice={stage.notice} headingRef={focusTarget} onConfirm={() => confirm(stage.preview)} onCancel={restart} />;
  }
  if (stage.name === "importing") return <ImportProgressView progress={stage.progress} headingRef={focusTarget} />;
  if (stage.name === "done") {
    const warnings = stage.preview.report.filter((entry) => entry.severity === "warning");
    return <ImportResultSummary result={stage.result} warnings={warnings} headingRef={focusTarget} onRestart={restart} />;
  }
  if (stage.name === "failed") {
    return (
      <section aria-labelledby="import-failed-title">
        <h2 id="import-failed-title" ref={focusTarget} tabIndex={-1}>
          L&apos;import n&apos;a pas eu lieu
        </h2>
        <div role="alert" className="alert alert--error">
          <p>{stage.error}</p>
        </div>
        <div className="actions">
          <button type="button" onClick={() => setStage({ name: "preview", preview: stage.preview, notice: null })}>
            Revenir à l&apos;aperçu
          </button>
          <button type="button" className="button--secondary" onClick={restart}>
            Choisir un autre fichier
          </button>
        </div>
      </section>
    );
  }

  const error = stage.error;
  return (
    <form className="form import-upload" onSubmit={preview} noValidate>
      <div className="field">
        <label htmlFor="import-file">Fichier à importer</label>
        <p id="import-file-hint" className="hint">
          Le texte du Livre blanc (.txt) ou un document Markdown (.md), encodé en UTF-8, {Math.round(maxBytes / 1024 / 1024)} Mo au plus.
        </p>
        <input
          ref={inputRef}
          id="import-file"
          name="file"
          type="file"
          accept=".txt,.md,.markdown,text/plain,text/markdown"
          required
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? "import-file-hint import-file-error" : "import-file-hint"}
          onChange={(event) => {
            setFile(event.currentTarget.files?.[0] ?? null);
            if (error) setStage({ name: "choose", error: null, busy: false });
          }}
        />
        {error && (
          <p id="import-file-error" className="field-error" role="alert">
            {error}
          </p>
        )}
      </div>
      <div className="actions">
        <button type="submit" disabled={stage.busy} aria-describedby={stage.busy ? "import-busy" : undefined}>
          {stage.busy ? "Analyse du fichier…" : "Prévisualiser l'import"}
        </button>
        <span id="import-busy" role="status" className={stage.busy ? "muted" : "visually-hidden"}>
          {stage.busy ? "Analyse du fichier en cours : rien n'est encore importé." : ""}
        </span>
      </div>
    </form>
  );
}
