import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { notFound } from "next/navigation";
import { getDb } from "@/db/client";
import { listFiches } from "@/db/queries/fiche";
import { getThemeBySlug, listActeursByTheme } from "@/db/queries/theme";
import { FicheCards } from "@/components/fiche/FicheCard";
import { typologieLabel } from "@/lib/acteur/labels";
import { ficheFiltersSchema } from "@/lib/schemas/fiche";
import { publicUrl } from "@/server/config";
import { getCurrentViewer } from "@/server/session";
import { FollowToggle } from "@/app/compte/suivis/follow-toggle";

export const dynamic = "force-dynamic";

// The newest; the fiche list shows them all, page by page.
const SHOWN = 30;

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const theme = getThemeBySlug(getDb(), (await params).slug);
  if (!theme) return { title: "Thème introuvable" };
  const feed = { url: `${publicUrl()}/themes/${theme.slug}/nouvelles-fiches.xml`, title: `Nouvelles fiches du thème « ${theme.label} » (Atom)` };
  return { title: `Thème : ${theme.label}`, description: theme.description, alternates: { types: { "application/atom+xml": [feed] } } };
}

type PageProps = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ThemePage({ params, searchParams }: PageProps) {
  const db = getDb();
  const theme = getThemeBySlug(db, (await params).slug);
  if (!theme) notFound();
  const confirmedOnly = ficheFiltersSchema.parse(await searchParams).suggeres === "non";
  const fiches = listFiches(db, { theme: theme.slug, sansSuggeres: confirmedOnly, pageSize: SHOWN }, null);
  const confirmed = confirmedOnly ? fiches.total : listFiches(db, { theme: theme.slug, sansSuggeres: true, pageSize: 1 }, null).total;
  const suggested = fiches.total - confirmed;
  const allOfTheme = `/fiches?theme=${theme.slug}${confirmedOnly ? "&suggeres=non" : ""}`;
  const acteurs = listActeursByTheme(db, theme.id);
  return (
    <>
      <p className="fiche__type">Thème</p>
      <h1>{theme.label}</h1>
      <FollowToggle viewer={await getCurrentViewer()} targetType="theme" targetId={theme.id} path={`/themes/${theme.slug}`} />
      <p>{theme.description}</p>
      <section aria-labelledby="theme-fiches">
        <h2 id="theme-fiches">Fiches</h2>
        {fiches.total > 0 && (
          <p>
            {fiches.total === 1 ? "Une fiche publiée" : `${fiches.total} fiches publiées`}
            {confirmedOnly ? " où ce thème est confirmé." : suggested > 0 ? `, dont ${suggested} où ce thème est suggéré d'après le texte, en attente de confirmation.` : "."}{" "}
            {confirmedOnly ? (
              <Link href={`/themes/${theme.slug}`}>Voir aussi les fiches où il est suggéré</Link>
            ) : (
              suggested > 0 && <Link href={`/themes/${theme.slug}?suggeres=non`}>Voir seulement les fiches où il est confirmé</Link>
            )}
          </p>
        )}
        <FicheCards
          fiches={fiches.items}
          empty={confirmedOnly ? "Ce thème n'est encore confirmé sur aucune fiche publiée." : "Aucune fiche publiée sur ce thème pour l'instant."}
        />
        {fiches.total > 0 && (
          <p>
            <Link href={allOfTheme}>
              {fiches.total > fiches.items.length ? `Voir les ${fiches.total} fiches de ce thème, page par page, et les filtrer` : "Filtrer les fiches de ce thème"}
            </Link>
          </p>
        )}
        <p>
          <a href={`/themes/${theme.slug}/nouvelles-fiches.xml`} type="application/atom+xml">
            Suivre les nouvelles fiches de ce thème avec le flux Atom
          </a>
        </p>
      </section>
      <section aria-labelledby="theme-acteurs">
        <h2 id="theme-acteurs">Acteurs</h2>
        {acteurs.length === 0 ? (
          <p className="muted">Aucun acteur n&apos;a encore indiqué travailler sur ce thème.</p>
        ) : (
          <ul className="columns">
            {acteurs.map((a) => (
              <li key={a.id}>
                <Link href={`/acteurs/${a.slug}`}>{a.nom}</Link> <span className="muted">({typologieLabel(a.typologie)})</span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
