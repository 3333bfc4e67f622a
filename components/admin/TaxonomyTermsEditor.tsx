"use client";

import { useActionState, useEffect, useRef } from "react";
import { deleteTaxonomyTerm } from "@/app/admin/taxonomies/actions";
import { FormMessage } from "@/components/ui/FormMessage";
import type { Taxonomy } from "@/lib/taxonomy/values";
import { ConfirmSubmit } from "./ConfirmSubmit";
import { NewTermForm } from "./NewTermForm";
import { TermEditForm } from "./TermEditForm";

/** What the editor needs of a term; `usage` is "" when no acteur or fiche uses it. */
export type EditableTerm = { id: number; slug: string; label: string; description: string; rank: number; usage: string };

type Props = { taxonomy: Taxonomy; singular: string; terms: EditableTerm[] };

/**
 * The terms of one taxonomy, each with its form, then the form to add one. Deletion is handled here
 * rather than in the item: the item disappears, its outcome must not.
 */
export function TaxonomyTermsEditor({ taxonomy, singular, terms }: Props) {
  const [deleted, deleteAction] = useActionState(deleteTaxonomyTerm, null);
  const outcome = useRef<HTMLDivElement>(null);

  // The confirm button went away with its term: put focus on the outcome instead of the page's start.
  useEffect(() => {
    if (deleted?.ok) outcome.current?.focus();
  }, [deleted]);

  return (
    <>
      <div ref={outcome} tabIndex={-1} className="admin-outcome">
        <FormMessage state={deleted} />
      </div>
      <ol className="admin-terms">
        {terms.map((term) => {
          const titleId = `terme-${term.id}-titre`;
          return (
            <li key={term.id} className="admin-term">
              <h3 id={titleId}>{term.label}</h3>
              <p className="muted">
                Identifiant : <code>{term.slug}</code>. {term.usage ? `Utilisé par ${term.usage}.` : "Utilisé par aucun acteur ni aucune fiche."}
              </p>
              <TermEditForm term={term} count={terms.length} labelledBy={titleId} />
              {term.usage ? (
                <p className="hint">Pour supprimer ce terme, retirez-le d&apos;abord des acteurs et des fiches qui l&apos;utilisent.</p>
              ) : (
                <form action={deleteAction} className="admin-term__delete">
                  <input type="hidden" name="termId" value={term.id} />
                  <ConfirmSubmit
                    question={`Supprimer définitivement « ${term.label} » ?`}
                    confirm={
                      <>
                        Confirmer la suppression<span className="visually-hidden"> du terme {term.label}</span>
                      </>
                    }
                  >
                    Supprimer<span className="visually-hidden"> le terme {term.label}</span>
                  </ConfirmSubmit>
                </form>
              )}
            </li>
          );
        })}
      </ol>
      <NewTermForm taxonomy={taxonomy} singular={singular} count={terms.length} />
    </>
  );
}
