import type { MetadataRoute } from "next";

// PNG icons, rendered once from app/icon.svg with sharp: Chromium's install prompt and older Android
// launchers want bitmaps of 192 and 512 px; the maskable one keeps the mark inside the 80 % safe zone.
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: "Wiki de la Solidarité numérique",
    short_name: "Solidarité numérique",
    description: "Les pratiques, les idées et les acteurs de l'inclusion numérique, lisibles aussi hors ligne.",
    lang: "fr",
    start_url: "/",
    scope: "/",
    display: "standalone",
    // --color-primary and --color-surface of app/styles/tokens.css.
    theme_color: "#005a70",
    background_color: "#ffffff",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
