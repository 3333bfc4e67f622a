import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { listFollowsOfUser } from "@/db/queries/follow";
import { FollowList } from "@/components/follow/FollowList";
import { signInHref } from "@/lib/auth/return-path";
import { getCurrentViewer } from "@/server/session";

export const metadata: Metadata = { title: "Mes suivis" };
export const dynamic = "force-dynamic";

export default async function FollowsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const viewer = await getCurrentViewer();
  if (!viewer) redirect(signInHref("/compte/suivis"));
  const { retire } = await searchParams;
  return (
    <>
      <p>
        <Link href="/compte">Mon compte</Link>
      </p>
      <h1>Mes suivis</h1>
      <p>Les fiches, acteurs, thèmes, catalogues et discussions dont vous suivez les nouveautés.</p>
      {retire && (
        <p role="status" className="alert alert--success">
          Vous ne suivez plus ce contenu.
        </p>
      )}
      <FollowList items={listFollowsOfUser(getDb(), viewer.id)} />
    </>
  );
}
