import type { Db } from "@/db/client";
import type { ImportEvent } from "@/lib/import/preview";
import { applyImport } from "./apply";
import { planImport } from "./plan";
import { previewOf, resultOf } from "./preview";
import type { ImportFile } from "./read-file";

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

// Lets the stream send what is queued before the next synchronous step.
const flush = () => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Runs a confirmed import of a read file as an NDJSON stream of ImportEvent: the plan computed
 * again and compared with the preview's digest (a plan that changed since is not applied: the new
 * preview is sent instead), then the write, one transaction, with its progress, and the result.
 * The write is synchronous: its progress events leave when it commits. Callers check the policy
 * first (startUploadedImport).
 */
export function streamImport(db: Db, file: Extract<ImportFile, { ok: true }>, options: { digest: string | undefined; viewerId: number | null }): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      const send = (event: ImportEvent) => controller.enqueue(encoder.encode(`${JSON.stringify(event)}\n`));
      try {
        send({ type: "step", message: `Fichier lu : ${plural(file.result.fiches.length, "fiche")} dans « ${file.document.filename} ».` });
        await flush();
        const plan = planImport(db, file);
        if (plan.digest !== options.digest) {
          return send({
            type: "error",
            error: {
              code: "plan_changed",
              message: "The wiki or the file changed since the preview: review the new preview and confirm again. Nothing was imported.",
              messageFr: "Le wiki ou le fichier a changé depuis l'aperçu : vérifiez le nouvel aperçu ci-dessous et confirmez à nouveau. Rien n'a été importé.",
            },
            preview: previewOf(plan),
          });
        }
        send({ type: "step", message: "Aperçu confirmé : écriture des acteurs et des fiches, en une seule transaction…" });
        await flush();
        const acteurs = plan.acteurs.filter((a) => a.action !== "skip").length;
        const total = acteurs + plan.fiches.length;
        const outcome = applyImport(db, plan, {
          viewerId: options.viewerId,
          onProgress: ({ phase, done, titre }) => {
            const label = phase === "acteurs" ? `Acteur ${done} sur ${acteurs}` : `Fiche ${done} sur ${plan.fiches.length} : « ${titre} »`;
            send({ type: "progress", done: phase === "acteurs" ? done : acteurs + done, total, label });
          },
        });
        send({ type: "done", result: resultOf(outcome) });
      } catch (error) {
        console.error("Import failed:", error);
        send({
          type: "error",
          error: {
            code: "internal",
            message: "The import failed: nothing was written. Try again; if it fails again, the server's log says why.",
            messageFr: "L'import a échoué : rien n'a été enregistré. Réessayez ; si l'échec se répète, le journal du serveur en donne la cause.",
          },
        });
      } finally {
        controller.close();
      }
    },
  });
}
