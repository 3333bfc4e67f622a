import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { getDb } from "@/db/client";
import { listTermsByTaxonomy } from "@/db/queries/taxonomy";
import { TAXONOMIES } from "@/lib/taxonomy/values";
import { TAXONOMY_LABELS } from "@/db/taxonomies";

export const metadata: Metadata = { title: "Thèmes, publics, enjeux et objectifs" };
export const dynamic = "force-dynamic";

const INTRODUCTIONS = {
  theme: "Les neuf thèmes du Livre blanc de la Solidarité numérique classent les fiches et les acteurs.",
  public: "Les publics auxquels s'adressent les actions.",
  enjeu: "Les trois enjeux retenus par le Livre blanc pour la Solidarité numérique.",
  objectif: "Les objectifs qui regroupent les fiches pratiques, du premier pas à l'évaluation.",
} as const;

export default function TaxonomiesPage() {
  const db = getDb();
  return (
    <>
      <h1>Thèmes, publics, enjeux et objectifs</h1>
      <p>Ces listes partagées permettent de classer les fiches et les acteurs, et de les retrouver.</p>
      {TAXONOMIES.map((taxonomy) => {
        const terms = listTermsByTaxonomy(db, taxonomy);
        return (
          <section key={taxonomy} aria-labelledby={`titre-${taxonomy}`}>
            <h2 id={`titre-${taxonomy}`}>{TAXONOMY_LABELS[taxonomy].plural}</h2>
            <p className="muted">{INTRODUCTIONS[taxonomy]}</p>
            <dl className="details">
              {terms.map((term) => (
                <div key={term.id} style={{ display: "contents" }}>
                  <dt>{taxonomy === "theme" ? <Link href={`/themes/${term.slug}`}>{term.label}</Link> : term.label}</dt>
                  <dd>{term.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        );
      })}
    </>
  );
}
