"use client";

import { Link } from "@/components/ui/Link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition, type KeyboardEvent, type ReactNode } from "react";
import { completeVerificationAction, decideVerificationAction } from "@/app/moderation/a-verifier/actions";
import type { ActionResult } from "@/lib/action-result";
import { ACTEUR_ROLE_LABELS, displayTitre } from "@/lib/fiche/labels";
import type { FicheActeurRole } from "@/lib/fiche/values";
import type { VerificationDecision } from "@/lib/schemas/verification";
import type { VerificationFiche } from "@/server/verification";
import { reviewItemsOf, type ReviewItem, type ReviewMark } from "./items";
import { ReviewItemRow } from "./ReviewItemRow";
import { ShortcutsHelp } from "./ShortcutsHelp";
import styles from "./verification.module.css";

const PATH = "/moderation/a-verifier";
const GROUPS: { kind: ReviewItem["kind"]; title: string }[] = [
  { kind: "titre", title: "Titre" },
  { kind: "commune", title: "Commune" },
  { kind: "acteur", title: "Acteurs et rôles" },
  { kind: "public", title: "Publics" },
  { kind: "theme", title: "Thèmes suggérés" },
];

function confirmMessage(item: ReviewItem): string {
  switch (item.kind) {
    case "titre":
      return "Titre confirmé.";
    case "commune":
      return "Commune confirmée.";
    case "acteur":
      return `Acteur ${item.acteur.nom} confirmé.`;
    case "public":
      return `Public « ${item.term.label} » confirmé.`;
    case "theme":
      return `Thème « ${item.term.label} » confirmé.`;
  }
}

type Failure = Extract<ActionResult<unknown>, { ok: false }>;

/**
 * The review of one imported fiche: each item confirmed, rejected or corrected with one click or one
 * key (shortcuts work while the focus is in this part of the page, and never in a text field).
 * Confirming needs no request; the last decision, or « Tout confirmer », ends the fiche's review.
 */
export function VerificationReview({ fiche, arrived, children }: { fiche: VerificationFiche; arrived: boolean; children: ReactNode }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [marks, setMarks] = useState<ReadonlyMap<string, ReviewMark>>(new Map());
  const [editing, setEditing] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const busyRef = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  const items = reviewItemsOf(fiche);
  const pending = items.filter((item) => !marks.has(item.key));
  const skipHref = `${PATH}?apres=${fiche.id}&passee=${fiche.id}`;

  useEffect(() => {
    if (arrived) headingRef.current?.focus();
  }, [arrived]);
  useEffect(() => {
    if (!focusKey) return;
    const target = rootRef.current?.querySelector<HTMLElement>(`[data-item-key="${focusKey}"] [data-primary]`);
    if (target) {
      target.focus();
      setFocusKey(null);
    }
  }, [focusKey, fiche]);
  useEffect(() => {
    if (editing) rootRef.current?.querySelector<HTMLElement>(`[data-item-key="${editing}"] form [data-edit]`)?.focus();
  }, [editing]);

  /** The next item left to review after `key`, in list order, wrapping round. */
  function nextAfter(key: string): string | null {
    const index = items.findIndex((item) => item.key === key);
    const rest = pending.filter((item) => item.key !== key);
    return (rest.find((item) => items.indexOf(item) > index) ?? rest[0])?.key ?? null;
  }

  async function complete(confirmThemes: number[]): Promise<void> {
    const result = await completeVerificationAction({ ficheId: fiche.id, confirmThemes });
    if (!result.ok) return setFailure(result);
    setAnnouncement("Fiche vérifiée. Chargement de la fiche suivante…");
    router.push(`${PATH}?apres=${fiche.id}&verifiee=${fiche.id}`);
  }

  /** Sends a decision (none for a plain confirmation), marks the item, then moves on or ends the review. */
  async function settle(item: ReviewItem, decision: VerificationDecision | null, message: string, mark: ReviewMark | null): Promise<void> {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy(item.key);
    setFailure(null);
    try {
      if (decision) {
        const result = await decideVerificationAction(decision);
        if (!result.ok) return setFailure(result);
      }
      setEditing(null);
      if (mark) setMarks((current) => new Map(current).set(item.key, mark));
      const next = nextAfter(item.key);
      if (next === null) return await complete([]);
      setAnnouncement(message);
      setFocusKey(next);
      if (decision) startTransition(() => router.refresh());
    } finally {
      busyRef.current = false;
      setBusy(null);
    }
  }

  const ficheId = fiche.id;
  const handlers = {
    onConfirm(item: ReviewItem) {
      if (item.kind === "theme") return settle(item, { action: "confirmer-theme", ficheId, termId: item.term.id }, `Thème « ${item.term.label} » confirmé.`, null);
      return settle(item, null, confirmMessage(item), "confirme");
    },
    onReject(item: ReviewItem) {
      switch (item.kind) {
        case "theme":
          return settle(item, { action: "rejeter-theme", ficheId, termId: item.term.id }, `Thème « ${item.term.label} » rejeté.`, null);
        case "public":
          return settle(item, { action: "rejeter-public", ficheId, termId: item.term.id }, `Public « ${item.term.label} » retiré de la fiche.`, null);
        case "acteur":
          return settle(item, { action: "retirer-acteur", ficheId, acteurId: item.acteur.acteurId }, `Acteur ${item.acteur.nom} retiré de la fiche.`, null);
        case "commune":
          if (item.value) return settle(item, { action: "corriger-commune", ficheId, commune: "" }, "Commune effacée.", "corrige");
          return;
        case "titre":
          setAnnouncement("Le titre ne se rejette pas : corrigez-le.");
      }
    },
    onEdit(item: ReviewItem) {
      if (item.kind === "titre" || item.kind === "commune") setEditing(item.key);
      else if (item.kind === "acteur") rootRef.current?.querySelector<HTMLElement>(`[data-item-key="${item.key}"] select`)?.focus();
    },
    onCancelEdit(item: ReviewItem) {
      setEditing(null);
      setFailure(null);
      setFocusKey(item.key);
    },
    onSave(item: ReviewItem, value: string) {
      if (item.kind === "titre") return settle(item, { action: "corriger-titre", ficheId, titre: value }, "Titre corrigé.", "corrige");
      if (item.kind === "commune") return settle(item, { action: "corriger-commune", ficheId, commune: value }, value.trim() ? "Commune corrigée." : "Commune effacée.", "corrige");
    },
    onChangeRole(item: ReviewItem, role: FicheActeurRole) {
      if (item.kind !== "acteur") return;
      if (role === item.acteur.role) return settle(item, null, `Acteur ${item.acteur.nom} confirmé.`, "confirme");
      const label = ACTEUR_ROLE_LABELS[role].singular.toLowerCase();
      return settle(item, { action: "changer-role", ficheId, acteurId: item.acteur.acteurId, role }, `${item.acteur.nom} est maintenant ${label}.`, "corrige");
    },
  };

  function confirmAll(): void {
    if (busyRef.current) return;
    busyRef.current = true;
    setBusy("*");
    setFailure(null);
    const themes = pending.flatMap((item) => (item.kind === "theme" ? [item.term.id] : []));
    void complete(themes).finally(() => {
      busyRef.current = false;
      setBusy(null);
    });
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    const target = event.target as HTMLElement;
    if (target.closest("input, select, textarea, [contenteditable]")) return;
    const key = target.closest("[data-item-key]")?.getAttribute("data-item-key");
    const item = items.find((i) => i.key === key) ?? pending[0] ?? items[0];
    const command = event.key.toLowerCase();
    if (command === "c") void handlers.onConfirm(item);
    else if (command === "r") void handlers.onReject(item);
    else if (command === "e") handlers.onEdit(item);
    else if (command === "t") confirmAll();
    else if (command === "p") router.push(skipHref);
    else return;
    event.preventDefault();
  }

  const errorsFor = (item: ReviewItem) => (failure && editing === item.key ? failure.fieldErrors?.[item.kind === "titre" ? "titre" : "commune"] : undefined);

  return (
    // Shortcuts only while the focus is in the review (WCAG 2.1.4): they never fire elsewhere on the page.
    <div ref={rootRef} onKeyDown={onKeyDown}>
      <div className={styles.header}>
        <h2 ref={headingRef} tabIndex={-1}>
          {displayTitre(fiche.titre)}
        </h2>
        <Link href={`/fiches/${fiche.slug}`}>Voir la fiche</Link>
      </div>
      {!fiche.aVerifier && (
        <p className="alert">Cette fiche n&apos;est plus « à vérifier » : un autre modérateur l&apos;a vérifiée. Vos décisions s&apos;ajoutent aux siennes.</p>
      )}
      <div className={`actions ${styles.toolbar}`}>
        <button type="button" aria-keyshortcuts="T" onClick={confirmAll} aria-describedby="verification-reste">
          Tout confirmer et passer à la suivante
        </button>
        <Link href={skipHref} className="button button--secondary" aria-keyshortcuts="P">
          Passer cette fiche
        </Link>
        <span id="verification-reste" className="muted">
          {pending.length === 0 ? "Tout est vérifié." : `${pending.length} élément${pending.length > 1 ? "s" : ""} à vérifier.`}
        </span>
      </div>
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      {failure && (
        <div role="alert" className="alert alert--error">
          <p>{[failure.message, ...(editing ? [] : Object.values(failure.fieldErrors ?? {}).flat())].join(" ")}</p>
        </div>
      )}
      <div className={styles.layout}>
        {children}
        <section aria-labelledby="verification-decisions" className={styles.review}>
          <h3 id="verification-decisions">Ce que l&apos;import a lu</h3>
          {GROUPS.map(({ kind, title }) => {
            const group = items.filter((item) => item.kind === kind);
            if (group.length === 0 && (kind === "titre" || kind === "commune")) return null;
            return (
              <section key={kind} aria-labelledby={`verification-groupe-${kind}`} className={styles.group}>
                <h4 id={`verification-groupe-${kind}`}>{title}</h4>
                {group.length === 0 ? (
                  <p className="muted">{kind === "theme" ? "Aucun thème suggéré n'attend." : kind === "acteur" ? "Aucun acteur." : "Aucun public."}</p>
                ) : (
                  <ul>
                    {group.map((item) => (
                      <ReviewItemRow
                        key={item.key}
                        item={item}
                        mark={marks.get(item.key)}
                        roles={fiche.roles}
                        editing={editing === item.key}
                        busy={busy === item.key || busy === "*"}
                        errors={errorsFor(item)}
                        {...handlers}
                      />
                    ))}
                  </ul>
                )}
                {kind === "theme" && fiche.themes.length > 0 && <p className="muted">Thèmes déjà confirmés : {fiche.themes.map((t) => t.label).join(", ")}.</p>}
              </section>
            );
          })}
        </section>
      </div>
      <ShortcutsHelp />
    </div>
  );
}
