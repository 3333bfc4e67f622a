import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/db/client";
import { getLinkedActeurs } from "@/db/queries/acteur-suggestion";
import { getFicheBySlug } from "@/db/queries/fiche";
import { listTermsByTaxonomy } from "@/db/queries/taxonomy";
import { FicheEditor } from "@/components/editor/FicheEditor";
import { GovernancePanel } from "@/components/fiche/GovernancePanel";
import type { FicheContent } from "@/lib/fiche/document";
import { displayTitre, FICHE_TYPE_LABELS } from "@/lib/fiche/labels";
import type { FicheType } from "@/lib/fiche/values";
import { canEditFiche, canManageFiche, canReadFiche } from "@/lib/policies/fiche";
import { getFicheDocuments } from "@/server/collab/write";
import { nextFicheStatuts } from "@/server/fiche";
import { getCurrentViewer } from "@/server/session";
import { signInHref } from "@/lib/auth/return-path";

export const dynamic = "force-dynamic";

/** The fields of a fiche whose document was never stored. */
function emptyContent(type: FicheType): FicheContent {
  return { type, titre: "", commune: "", quartier: "", lienWeb: "", source: "", etat: null, ebauche: false, objectif: null, acteurs: [], themes: [], publics: [], enjeux: [], lieux: [], themesSuggeres: [] };
}

export const metadata: Metadata = { title: "Modifier la fiche" };

export default async function EditFichePage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const viewer = await getCurrentViewer();
  if (!viewer) redirect(signInHref(`/fiches/${slug}/modifier`));
  const db = getDb();
  const fiche = getFicheBySlug(db, slug);
  if (!fiche || !canReadFiche(viewer, fiche.access)) notFound();

  // The live state when editors are on it, so that the editor's first paint is current. The
  // collaboration server reads it with its own Yjs: this render only passes bytes and plain fields on.
  const current = getFicheDocuments(db).read(fiche.id);
  const state = current?.state ?? new Uint8Array();
  const content = current?.content ?? emptyContent(fiche.type);

  const termOptions = (taxonomy: "theme" | "public" | "enjeu" | "objectif") => listTermsByTaxonomy(db, taxonomy).map((t) => ({ id: t.id, label: t.label }));
  const canEdit = canEditFiche(viewer, fiche.access);

  return (
    <>
      <p className="fiche__type">{FICHE_TYPE_LABELS[fiche.type].singular}</p>
      <h1>{canEdit ? "Modifier la fiche" : "Fiche en lecture seule"}</h1>
      <p>
        <Link href={`/fiches/${fiche.slug}`}>
          Voir la fiche « {displayTitre(fiche.titre)} »
        </Link>
      </p>
      {canEdit && (
        <p className="hint">
          Vos modifications sont enregistrées au fur et à mesure et visibles tout de suite par les personnes présentes sur la fiche.
        </p>
      )}
      <GovernancePanel
        ficheId={fiche.id}
        statut={fiche.statut}
        nextStatuts={nextFicheStatuts(viewer, fiche.statut)}
        verrouillee={fiche.verrouillee}
        aVerifier={fiche.aVerifier}
        canManage={canManageFiche(viewer, fiche.access)}
      />
      <FicheEditor
        // One document per fiche: moving to another fiche's editor starts afresh.
        key={fiche.id}
        ficheId={fiche.id}
        type={fiche.type}
        initialState={Buffer.from(state).toString("base64")}
        initialContent={content}
        user={{ id: viewer.id, name: viewer.name }}
        canEdit={canEdit}
        canManage={canManageFiche(viewer, fiche.access)}
        ownActeurIds={viewer.acteurIds}
        terms={{ theme: termOptions("theme"), public: termOptions("public"), enjeu: termOptions("enjeu"), objectif: termOptions("objectif") }}
        initialActeurs={getLinkedActeurs(db, content.acteurs.map((a) => a.acteurId))}
      />
    </>
  );
}
