// PDFs written with the standard fonts (Helvetica…) encode text in WinAnsi: Latin-1 plus the
// typographic characters below. pdfkit writes any other character as garbage, so text is folded first.

// The characters WinAnsi adds in 0x80–0x9F (as pdfkit's WIN_ANSI_MAP lists them): ƒ – — ‘ ’ ‚ “ ” „ † ‡ • … € ‰ ‹ › ˆ ™ Œ œ ˜ Š š Ÿ Ž ž.
const EXTRA = new Set([402, 8211, 8212, 8216, 8217, 8218, 8220, 8221, 8222, 8224, 8225, 8226, 8230, 8364, 8240, 8249, 8250, 710, 8482, 338, 339, 732, 352, 353, 376, 381, 382]);

const REPLACEMENTS: Record<string, string> = {
  "\u202f": "\u00a0", // narrow no-break space, before ; : ! ? » in French typography
  "\u2007": "\u00a0",
  "\u2009": " ",
  "\u200a": " ",
  "\u2002": " ",
  "\u2003": " ",
  "\t": " ",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2212": "-",
  "\u2032": "'",
  "\u2033": '"',
  "\u2192": "->",
  "\u2190": "<-",
  "\u2265": ">=",
  "\u2264": "<=",
};

function isWinAnsi(code: number): boolean {
  return code === 10 || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || EXTRA.has(code);
}

/**
 * Text that Helvetica's WinAnsi encoding can show: accents, œ, typographic quotes and dashes are
 * kept; other spaces and dashes become their plain forms; other accented letters lose their accent
 * (ŵ → w); any letter left is shown as "?" and other symbols (emoji…) are dropped.
 */
export function toWinAnsi(text: string): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0)!;
    if (isWinAnsi(code)) out += char;
    else if (char in REPLACEMENTS) out += REPLACEMENTS[char];
    else if (char === "\r") continue;
    else {
      const bare = char.normalize("NFD").replace(/\p{M}/gu, "");
      if (bare && [...bare].every((c) => isWinAnsi(c.codePointAt(0)!))) out += bare;
      else if (/\p{L}|\p{N}/u.test(char)) out += "?";
    }
  }
  return out;
}
