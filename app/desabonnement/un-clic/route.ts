import { getDb } from "@/db/client";
import { publicUrl } from "@/server/config";
import { unsubscribe } from "@/server/mail/unsubscribe";

export const dynamic = "force-dynamic";

/**
 * One-click unsubscribe (RFC 8058): mail clients POST here with the token of the List-Unsubscribe
 * header; the page /desabonnement posts its button here too and is sent back to say so. Only POST
 * changes anything, so a link scanner's GET unsubscribes nobody.
 */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("t") ?? "";
  const form = await request.formData().catch(() => null);
  const fromPage = form?.get("depuis") === "page";
  const done = unsubscribe(getDb(), token) !== null;
  if (fromPage) return Response.redirect(`${publicUrl()}/desabonnement?${done ? "fait=1" : "erreur=1"}`, 303);
  return new Response(done ? "Désabonnement enregistré." : "Lien de désabonnement invalide ou expiré.", {
    status: done ? 200 : 400,
    headers: { "content-type": "text/plain; charset=utf-8" },
  });
}
