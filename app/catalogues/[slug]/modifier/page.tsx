import type { Metadata } from "next";
import { Link } from "@/components/ui/Link";
import { ActionButton } from "@/components/catalogue/ActionButton";
import { AddFicheForm, AddModuleForm } from "@/components/catalogue/AddToCatalogueForms";
import { CatalogueForm } from "@/components/catalogue/CatalogueForm";
import { CatalogueOwners } from "@/components/catalogue/CatalogueOwners";
import { CatalogueStructureEditor, type EditorModule } from "@/components/catalogue/CatalogueStructureEditor";
import { DeleteCatalogueForm } from "@/components/catalogue/DeleteCatalogueForm";
import type { CatalogueDetail } from "@/db/queries/catalogue";
import { displayTitre } from "@/lib/fiche/labels";
import { CATALOGUE_ITEMS_MAX, CATALOGUE_MODULES_MAX } from "@/lib/schemas/catalogue";
import { publicUrl } from "@/server/config";
import { addOwnerAction, deleteCatalogueAction, removeOwnerAction, setCatalogueStatutAction, updateCatalogueAction } from "../actions";
import { getEditorAccess } from "../access";
import {
  addFicheAction,
  addModuleAction,
  moveItemAction,
  moveModuleAction,
  removeItemAction,
  removeModuleAction,
  renameModuleAction,
  updateItemAction,
} from "../structure-actions";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Modifier un catalogue" };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

function editorModules(catalogue: CatalogueDetail): EditorModule[] {
  return catalogue.modules.map((m) => ({
    id: m.id,
    titre: m.titre,
    description: m.description,
    items: m.items.map((i) => ({ id: i.id, titre: i.fiche ? displayTitre(i.fiche.titre) : "Fiche indisponible", slug: i.fiche?.slug ?? null, note: i.note, duree: i.duree })),
  }));
}

export default async function EditCataloguePage({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const { catalogue, viewer, allowed } = await getEditorAccess(slug);
  if (!allowed) {
    return (
      <>
        <h1>Accès refusé</h1>
        <div className="alert alert--error">
          <p>Seuls les responsables de « {catalogue.titre} » et les modérateurs peuvent le modifier (erreur 403).</p>
        </div>
        <p>
          Vous pouvez le <Link href={`/catalogues/${catalogue.slug}`}>dupliquer depuis sa page</Link> pour en faire votre propre
          version, ou demander à l&apos;un de ses responsables de vous ajouter.
        </p>
      </>
    );
  }
  const id = catalogue.id;
  const published = catalogue.statut === "public";
  const itemCount = catalogue.modules.reduce((n, m) => n + m.items.length, 0);
  const copied = query.copie === "1";
  const omitted = Number(query.omises) || 0;

  return (
    <>
      <p className="acteurs-back">
        <Link href={`/catalogues/${catalogue.slug}`}>Voir la page du catalogue</Link>
      </p>
      <h1>Modifier « {catalogue.titre} »</h1>
      {query.cree === "1" && (
        <div role="status" className="alert alert--success">
          Le catalogue a été créé. Ajoutez maintenant ses modules, puis les fiches de chaque module.
        </div>
      )}
      {copied && (
        <div role="status" className="alert alert--success">
          <p>
            Votre copie est prête. C&apos;est un brouillon que vous seul voyez : renommez-la ci-dessous, adaptez-la à votre
            public, puis publiez-la.
          </p>
          {omitted > 0 && (
            <p>
              {omitted === 1 ? "Une fiche de l'original n'a pas été copiée" : `${omitted} fiches de l'original n'ont pas été copiées`} : vous ne
              pouvez pas la lire (brouillon de quelqu&apos;un d&apos;autre ou fiche retirée par la modération).
            </p>
          )}
        </div>
      )}
      <nav aria-label="Sur cette page" className="toc">
        <ul>
          <li>
            <a href="#publication">Publication</a>
          </li>
          <li>
            <a href="#informations">Présentation</a>
          </li>
          <li>
            <a href="#structure">Modules et fiches</a>
          </li>
          <li>
            <a href="#responsables">Responsables</a>
          </li>
        </ul>
      </nav>

      <section aria-labelledby="titre-publication" id="publication">
        <h2 id="titre-publication">Publication</h2>
        {published ? (
          <p>
            Ce catalogue est <strong>public</strong> : tout le monde peut le lire, l&apos;imprimer et le dupliquer à
            l&apos;adresse <span className="catalogue-url">{`${publicUrl()}/catalogues/${catalogue.slug}`}</span>.
          </p>
        ) : (
          <p>
            Ce catalogue est un <strong>brouillon</strong> : seuls ses responsables le voient.
            {itemCount === 0 ? " Ajoutez au moins une fiche avant de le publier." : ""}
          </p>
        )}
        <ActionButton action={setCatalogueStatutAction.bind(null, id)} hidden={{ statut: published ? "brouillon" : "public" }} pendingLabel="Enregistrement…" className={published ? "button--secondary" : undefined}>
          {published ? "Repasser en brouillon" : "Publier le catalogue"}
        </ActionButton>
      </section>

      <section aria-labelledby="titre-informations" id="informations">
        <h2 id="titre-informations">Présentation</h2>
        <p className="muted">L&apos;adresse du catalogue (/catalogues/{catalogue.slug}) ne change pas si vous le renommez.</p>
        <CatalogueForm
          action={updateCatalogueAction.bind(null, id)}
          initial={{ titre: catalogue.titre, description: catalogue.description, publicVise: catalogue.publicVise, objectifs: catalogue.objectifs, duree: catalogue.duree }}
          submitLabel="Enregistrer la présentation"
          rename={copied}
        />
      </section>

      <section aria-labelledby="titre-structure" id="structure">
        <h2 id="titre-structure" tabIndex={-1}>
          Modules et fiches
        </h2>
        <CatalogueStructureEditor
          modules={editorModules(catalogue)}
          actions={{
            moveItem: moveItemAction.bind(null, id),
            moveModule: moveModuleAction.bind(null, id),
            removeItem: removeItemAction.bind(null, id),
            removeModule: removeModuleAction.bind(null, id),
            updateItem: updateItemAction.bind(null, id),
            renameModule: renameModuleAction.bind(null, id),
          }}
        />
        <h3>Ajouter une fiche</h3>
        {catalogue.modules.length === 0 ? (
          <p className="muted">Ajoutez d&apos;abord un module : les fiches se rangent dans les modules.</p>
        ) : catalogue.modules.reduce((total, m) => total + m.items.length, 0) >= CATALOGUE_ITEMS_MAX ? (
          <p className="muted">Ce catalogue a atteint sa limite de {CATALOGUE_ITEMS_MAX} fiches : retirez-en une pour en ajouter une autre.</p>
        ) : (
          <AddFicheForm action={addFicheAction.bind(null, id)} modules={catalogue.modules.map((m) => ({ id: m.id, titre: m.titre }))} />
        )}
        <h3>Ajouter un module</h3>
        {catalogue.modules.length >= CATALOGUE_MODULES_MAX ? (
          <p className="muted">Ce catalogue a atteint sa limite de {CATALOGUE_MODULES_MAX} modules : supprimez-en un pour en créer un autre.</p>
        ) : (
          <AddModuleForm action={addModuleAction.bind(null, id)} />
        )}
      </section>

      <section aria-labelledby="titre-responsables" id="responsables">
        <h2 id="titre-responsables">Responsables</h2>
        <p className="muted">Les responsables modifient, publient et suppriment le catalogue. Un catalogue garde au moins un responsable.</p>
        <CatalogueOwners owners={catalogue.owners} selfId={viewer.id} addAction={addOwnerAction.bind(null, id)} removeAction={removeOwnerAction.bind(null, id)} />
      </section>

      <section aria-labelledby="titre-suppression" className="danger-section">
        <h2 id="titre-suppression">Supprimer le catalogue</h2>
        <DeleteCatalogueForm action={deleteCatalogueAction.bind(null, id)} titre={catalogue.titre} />
      </section>
    </>
  );
}
