import { getDb } from "@/db/client";

export const dynamic = "force-dynamic";

/** Health check for monitoring: answers 200 when the server and its database respond. */
export function GET() {
  getDb().$client.prepare("SELECT 1").get();
  return Response.json({ statut: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
