import { telHref } from "@/lib/carte/item";
import { openingHoursToFrench } from "@/lib/lieu/opening-hours";
import { PARIS_TIME_ZONE } from "@/lib/lieu/paris-time";
import { siteLabel } from "@/lib/orientation/contact";
import { formatDistance } from "@/lib/orientation/distance";
import type { Need } from "@/lib/orientation/needs";
import type { OrientationMatch } from "./orientation";
import { BLUE, GREY, TaggedPdf, type StructElement, type TextStyle } from "./pdf/document";

/** What the sheet carries: the need, the lieux the mediator chose, the day, and whether distances are from a point. */
export type OrientationSheet = { need: Need; matches: OrientationMatch[]; date: Date; fromPoint: boolean };

const dateFormat = new Intl.DateTimeFormat("fr-FR", { dateStyle: "long", timeZone: PARIS_TIME_ZONE });

// Large type, as on the printed sheet: the person reads it later, often without glasses at hand.
const LABEL: TextStyle = { font: "bold", size: 13, color: BLUE, gap: 1 };
const VALUE: TextStyle = { size: 16, gap: 8, lineGap: 2 };
const STRONG: TextStyle = { ...VALUE, font: "bold" };

function writeLinks(pdf: TaggedPdf, body: StructElement, links: { text: string; url: string; description: string }[], style: TextStyle): void {
  links.forEach(({ text, url, description }, i) => pdf.linkText(body, { url }, description, text, i === links.length - 1 ? style : { ...style, gap: 0 }));
}

function writeLieu(pdf: TaggedPdf, sheet: OrientationSheet, { lieu, distanceKm, contact }: OrientationMatch): void {
  pdf.keepRoom(160);
  pdf.doc.outline.addItem(lieu.nom);
  const section = pdf.element(pdf.root, "Sect");
  pdf.text(section, "H2", lieu.nom, { font: "bold", size: 20, gap: 2 });
  pdf.text(section, "P", lieu.acteur.nom, { size: 14, color: GREY, gap: 10 });
  const rows = pdf.element(section, "L");
  const row = (label: string, body: string | ((body: StructElement) => void), style: TextStyle = VALUE) =>
    pdf.item(rows, [label, LABEL], typeof body === "string" ? [body, style] : body);
  const of = (from: "lieu" | "acteur") => (from === "acteur" ? ` de ${lieu.acteur.nom}` : "");

  const distance = sheet.fromPoint && distanceKm !== null ? `\nà ${formatDistance(distanceKm)}` : "";
  row("Adresse", [lieu.adresse, lieu.complementAdresse, `${lieu.codePostal} ${lieu.commune}`].filter(Boolean).join("\n") + distance);
  const { telephone, courriels, siteWeb } = contact;
  if (telephone) {
    row(`Téléphone${of(telephone.from)}`, (body) => writeLinks(pdf, body, [{ text: telephone.number, url: telHref(telephone.number), description: `Appeler le ${telephone.number}` }], STRONG));
  }
  if (courriels) {
    const links = courriels.addresses.map((email) => ({ text: email, url: `mailto:${email}`, description: `Écrire à ${email}` }));
    row(`Courriel${of(courriels.from)}`, (body) => writeLinks(pdf, body, links, VALUE));
  }
  if (siteWeb) {
    const label = siteLabel(siteWeb.url);
    row(`Site web${of(siteWeb.from)}`, (body) => writeLinks(pdf, body, [{ text: label, url: siteWeb.url, description: `Site web ${label}` }], VALUE));
  }
  const hours = lieu.horaires ? (openingHoursToFrench(lieu.horaires) ?? [lieu.horaires]) : ["Non indiqués."];
  row("Horaires", hours.join("\n"));
  row("En cas de doute", contact.sentence);
  if (lieu.modalitesAcces.length > 0) row("Pour y aller", lieu.modalitesAcces.join(", "));
  if (lieu.fraisACharge.length > 0) row("Coût", lieu.fraisACharge.join(", "));
  const welcomes = [...lieu.publicsSpecifiquementAdresses, ...lieu.priseEnChargeSpecifique];
  if (welcomes.length > 0) row("Accueille", welcomes.join(", "));
  pdf.doc.moveDown(0.6);
}

/**
 * The orientation sheet as a tagged A4 PDF (PDF/UA, embedded font, French), in large type: the
 * need, then each chosen lieu with its address, how to reach it (links to call, write or visit) and
 * its hours, with a bookmark per lieu. Nothing about the person is written in it.
 */
export function renderOrientationPdf(sheet: OrientationSheet): Promise<Buffer> {
  const title = `Où trouver de l'aide : ${sheet.need.label}`;
  const day = dateFormat.format(sheet.date);
  const pdf = new TaggedPdf({ title, author: "Wiki de la Solidarité numérique", subject: `Fiche d'orientation du ${day}` });
  const intro = pdf.element(pdf.root, "Sect");
  pdf.text(intro, "P", `Fiche d'orientation du ${day}`, { size: 12, color: GREY, gap: 6 });
  pdf.text(intro, "H1", title, { font: "bold", size: 24, gap: 10 });
  const count = sheet.matches.length;
  pdf.text(
    intro,
    "P",
    `${count > 1 ? `Voici ${count} lieux` : "Voici un lieu"} où l'on peut vous aider, avec la façon de ${count > 1 ? "les" : "le"} joindre avant de vous déplacer.`,
    { size: 16, gap: 16, lineGap: 2 },
  );
  for (const match of sheet.matches) writeLieu(pdf, sheet, match);
  pdf.keepRoom(60);
  pdf.text(pdf.root, "P", "Fiche préparée avec le Wiki de la Solidarité numérique. Aucune information sur vous n'a été enregistrée.", { size: 12, color: GREY });
  pdf.writeFooters((page, pages) => `Fiche d'orientation du ${day} · page ${page} sur ${pages}`);
  return pdf.finish();
}
