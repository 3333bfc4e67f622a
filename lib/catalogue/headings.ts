/**
 * A fiche's projected HTML with its headings moved `by` levels down (h2 → h4 for by = 2, at most
 * h6), so that inside a catalogue, under the module's h2 and the fiche's h3, the outline stays in
 * order. The HTML comes from the server's renderer: its heading tags carry no attribute.
 */
export function demoteHeadings(html: string, by: number): string {
  return html.replace(/<(\/?)h([1-6])>/g, (_tag, closing: string, level: string) => `<${closing}h${Math.min(Number(level) + by, 6)}>`);
}
