// The licences an admin may choose for the wiki's content: open licences that allow reuse, so that
// the fiches, the directory and the lieux can be shared with other territories and open-data portals.

export const LICENCE_IDS = ["etalab-2.0", "cc-by-4.0", "cc-by-sa-4.0", "cc0-1.0"] as const;
export type LicenceId = (typeof LICENCE_IDS)[number];

/** A licence as exports and pages cite it: a stable id (SPDX-like), its name and its official text. */
export type Licence = { id: LicenceId; name: string; url: string; summary: string };

export const LICENCES: Record<LicenceId, Licence> = {
  "etalab-2.0": {
    id: "etalab-2.0",
    name: "Licence Ouverte 2.0 (Etalab)",
    url: "https://www.etalab.gouv.fr/licence-ouverte-open-licence/",
    summary: "Réutilisation libre, y compris commerciale, en citant la source. La licence des données publiques françaises.",
  },
  "cc-by-4.0": {
    id: "cc-by-4.0",
    name: "Creative Commons Attribution 4.0 International (CC BY 4.0)",
    url: "https://creativecommons.org/licenses/by/4.0/deed.fr",
    summary: "Réutilisation libre, y compris commerciale, en citant les auteurs.",
  },
  "cc-by-sa-4.0": {
    id: "cc-by-sa-4.0",
    name: "Creative Commons Attribution - Partage dans les mêmes conditions 4.0 International (CC BY-SA 4.0)",
    url: "https://creativecommons.org/licenses/by-sa/4.0/deed.fr",
    summary: "Réutilisation libre en citant les auteurs ; les versions modifiées gardent la même licence.",
  },
  "cc0-1.0": {
    id: "cc0-1.0",
    name: "Creative Commons Zéro 1.0 (CC0, domaine public)",
    url: "https://creativecommons.org/publicdomain/zero/1.0/deed.fr",
    summary: "Aucune condition : le contenu est versé dans le domaine public.",
  },
};

/** The licence of a new wiki: the one of French public open data, which the national lieux standard uses too. */
export const DEFAULT_LICENCE_ID: LicenceId = "etalab-2.0";

export function isLicenceId(value: unknown): value is LicenceId {
  return typeof value === "string" && (LICENCE_IDS as readonly string[]).includes(value);
}

/** The licence with this id, or the default one for an unknown or missing id. */
export function licenceOf(id: string | null | undefined): Licence {
  return isLicenceId(id) ? LICENCES[id] : LICENCES[DEFAULT_LICENCE_ID];
}

/** "Licence Ouverte 2.0 (Etalab) <https://…>": how a plain-text export cites the licence. */
export function licenceCitation(licence: Licence): string {
  return `${licence.name} <${licence.url}>`;
}
