import { Link } from "@/components/ui/Link";
import { ArrowRight, Compass, GraduationCap, MapPin, Megaphone, type LucideIcon } from "lucide-react";
import { getDb } from "@/db/client";
import { listLatestFiches } from "@/db/queries/fiche";
import { countHome, listThemesWithFicheCounts } from "@/db/queries/home";
import { FicheCards } from "@/components/fiche/FicheCard";
import { ButtonLink } from "@/components/ui/Button";
import { Card, CardTitle } from "@/components/ui/Card";

export const dynamic = "force-dynamic";

type Task = { href: string; title: string; text: string; icon: LucideIcon };

// The four things people come here to do, each a door to the page that does it.
const TASKS: Task[] = [
  {
    href: "/orientation",
    title: "Orienter une personne",
    text: "Son besoin, sa situation, où elle peut aller : les lieux qui peuvent l'aider, et une fiche à lui remettre.",
    icon: Compass,
  },
  {
    href: "/carte",
    title: "Trouver un lieu près de chez moi",
    text: "La carte des lieux d'accueil, avec leurs horaires et ce qu'on peut y faire.",
    icon: MapPin,
  },
  {
    href: "/fiches/nouvelle",
    title: "Partager une action",
    text: "Racontez ce que votre structure fait, pour que d'autres la trouvent ou s'en inspirent.",
    icon: Megaphone,
  },
  {
    href: "/catalogues/nouveau",
    title: "Construire un parcours de formation",
    text: "Assemblez des fiches du wiki en modules, et imprimez votre catalogue.",
    icon: GraduationCap,
  },
];

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

export default function HomePage() {
  const db = getDb();
  const counts = countHome(db);
  const themes = listThemesWithFicheCounts(db);
  const latest = listLatestFiches(db, 6);
  const fiches = Object.values(counts.fiches).reduce((a, b) => a + b, 0);
  return (
    <>
      <section className="home-hero" aria-labelledby="home-titre">
        <h1 id="home-titre">Le wiki de la Solidarité numérique</h1>
        <p className="home-hero__lead">
          Associations, bibliothèques, centres sociaux, services publics et entreprises partagent ici leurs actions et leurs
          lieux d&apos;accueil, pour que personne ne reste à l&apos;écart du numérique.
        </p>
        <ul className="home-figures" aria-label="Le wiki en chiffres">
          <li>
            <Link href="/fiches">{plural(fiches, "fiche", "fiches")}</Link>
          </li>
          <li>
            <Link href="/acteurs">{plural(counts.acteurs, "acteur", "acteurs")}</Link>
          </li>
          <li>
            <Link href="/carte">{plural(counts.lieux, "lieu d'accueil", "lieux d'accueil")}</Link>
          </li>
          <li>{plural(counts.contributeurs, "contributeur", "contributeurs")}</li>
        </ul>
      </section>

      <section aria-labelledby="home-taches">
        <h2 id="home-taches">Que voulez-vous faire ?</h2>
        <ul className="home-tasks">
          {TASKS.map(({ href, title, text, icon: Icon }) => (
            <Card key={href} className="home-task">
              <span className="home-task__icon">
                <Icon size={28} aria-hidden="true" />
              </span>
              <CardTitle href={href}>{title}</CardTitle>
              <p>{text}</p>
              <ArrowRight className="home-task__arrow" size={22} aria-hidden="true" />
            </Card>
          ))}
        </ul>
      </section>

      {counts.acteurs === 0 && (
        <div className="alert">
          L&apos;annuaire est encore vide.{" "}
          <Link href="/acteurs/nouveau">Présentez la première organisation</Link> et ses lieux d&apos;accueil.
        </div>
      )}

      <section aria-labelledby="home-fiches">
        <h2 id="home-fiches">Les dernières fiches</h2>
        <FicheCards fiches={latest} empty="Aucune fiche n'est encore publiée." />
        <p className="home-more">
          <ButtonLink href="/fiches" variant="secondary" icon={<ArrowRight size={18} aria-hidden="true" />}>
            Toutes les fiches
          </ButtonLink>
        </p>
      </section>

      <section aria-labelledby="home-themes">
        <h2 id="home-themes">Les thèmes</h2>
        <ul className="home-themes">
          {themes.map((theme) => (
            <li key={theme.slug}>
              <Link href={`/themes/${theme.slug}`}>
                <span className="home-themes__label">{theme.label}</span>{" "}
                <span className="home-themes__count">{plural(theme.fiches, "fiche", "fiches")}</span>
              </Link>
            </li>
          ))}
        </ul>
        <p className="home-more">
          <Link href="/taxonomies">Tous les thèmes, publics, enjeux et objectifs</Link> ·{" "}
          <Link href="/couverture">Ce qui existe, ce qui manque</Link>
        </p>
      </section>
    </>
  );
}
