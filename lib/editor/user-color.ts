/**
 * A colour per user for carets and presence avatars: stable for a given user id, spread around the
 * colour wheel, and dark enough for white text on it to reach WCAG AA (4.5:1).
 */

const GOLDEN_ANGLE = 137.508;

function hslToRgb(h: number, s: number, l: number): [number, number, number] {
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => {
    const k = (n + h / 30) % 12;
    return Math.round(255 * (l - a * Math.max(-1, Math.min(k - 3, 9 - k, 1))));
  };
  return [f(0), f(8), f(4)];
}

function channel(value: number): number {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance([r, g, b]: [number, number, number]): number {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** Contrast ratio of white text on a "#rrggbb" colour. */
export function contrastWithWhite(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  return 1.05 / (relativeLuminance([(n >> 16) & 255, (n >> 8) & 255, n & 255]) + 0.05);
}

const toHex = (rgb: [number, number, number]) => `#${rgb.map((c) => c.toString(16).padStart(2, "0")).join("")}`;

/** The "#rrggbb" colour of a user (or of an anonymous reader's client id). */
export function colorForUser(id: number): string {
  const hue = (Math.abs(Math.trunc(id)) * GOLDEN_ANGLE) % 360;
  // Yellows and greens need a lower lightness than blues to keep the same contrast.
  for (let lightness = 0.42; lightness > 0.1; lightness -= 0.02) {
    const hex = toHex(hslToRgb(hue, 0.75, lightness));
    if (contrastWithWhite(hex) >= 4.6) return hex;
  }
  return "#000091";
}

/** Up to two initials of a name, for an avatar: "Anne-Marie Dupont" → "AD". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/[\s-]+/).filter(Boolean);
  if (words.length === 0) return "?";
  const letters = words.length === 1 ? [words[0][0]] : [words[0][0], words[words.length - 1][0]];
  return letters.join("").toLocaleUpperCase("fr");
}
