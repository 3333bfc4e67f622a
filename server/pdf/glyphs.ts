// The embedded face covers Latin-1 and French typography (œ ’ « » – — … €) but not every character
// a fiche may hold. A missing character would be drawn with the .notdef glyph, which PDF/UA forbids
// and which extracts as nothing: text is folded to what the font can show first.

const REPLACEMENTS: Record<string, string> = {
  // French puts a narrow no-break space before ; ! ? and inside « »: the face has none, the
  // ordinary no-break space keeps the same promise (never a line break between the word and its sign).
  "\u202f": "\u00a0",
  "\u2007": "\u00a0",
  "\u2002": " ",
  "\u2003": " ",
  "\u2004": " ",
  "\u2005": " ",
  "\u2006": " ",
  "\u2008": " ",
  "\u2009": " ",
  "\u200a": " ",
  "\t": " ",
  "\u2010": "-",
  "\u2011": "-",
  "\u2012": "-",
  "\u2032": "'",
  "\u2033": '"',
  "\u2192": "->",
  "\u2190": "<-",
  "\u2265": ">=",
  "\u2264": "<=",
};

/**
 * Text that a font with these glyphs can show: what it covers is kept; other spaces and dashes become
 * their plain forms; other accented letters lose their accent (ŵ → w); any letter or digit left is
 * shown as "?" and other symbols (emoji…) are dropped.
 */
export function foldToGlyphs(text: string, covers: (codePoint: number) => boolean): string {
  let out = "";
  for (const char of text.normalize("NFC")) {
    const code = char.codePointAt(0)!;
    if (char === "\n" || (code >= 0x20 && covers(code))) out += char;
    else if (char in REPLACEMENTS) out += REPLACEMENTS[char];
    else {
      const bare = char.normalize("NFD").replace(/\p{M}/gu, "");
      if (bare && [...bare].every((c) => covers(c.codePointAt(0)!))) out += bare;
      else if (/\p{L}|\p{N}/u.test(char)) out += "?";
    }
  }
  return out;
}
