/**
 * The 404 of a per-fiche export: the same answer for an unknown fiche, a draft, a hidden or a
 * merged one, so that a draft's existence is not disclosed. English for the API, French beside it.
 */
export function notExportable(slug: string): Response {
  const shown = slug.slice(0, 200);
  return Response.json(
    {
      error: {
        code: "not_found",
        message: `No public fiche at /fiches/${shown}: it does not exist, is a draft, or was hidden or merged by a moderator.`,
        messageFr: `Aucune fiche publique à l'adresse /fiches/${shown} : elle n'existe pas, c'est un brouillon, ou la modération l'a masquée ou fusionnée.`,
      },
    },
    { status: 404, headers: { "cache-control": "no-store" } },
  );
}
