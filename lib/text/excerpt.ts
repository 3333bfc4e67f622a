/** The opening of a text for a card: whole if it is short enough, else cut at the last word boundary, with « … ». */
export function excerptOf(text: string, maxLength = 220): string {
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(" ");
  return `${lastSpace > 0 ? cut.slice(0, lastSpace) : cut}…`;
}
