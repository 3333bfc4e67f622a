import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
// Atkinson Hyperlegible, drawn for low-vision readers, served from this site: no font request leaves it.
import "@fontsource/atkinson-hyperlegible/400.css";
import "@fontsource/atkinson-hyperlegible/400-italic.css";
import "@fontsource/atkinson-hyperlegible/700.css";
import "./globals.css";
import { getDb } from "@/db/client";
import { getContentLicence } from "@/server/licence";
import { getCurrentViewer } from "@/server/session";
import { SiteHeader } from "@/components/layout/SiteHeader";
import { SiteFooter } from "@/components/layout/SiteFooter";
import { IdleSignOut } from "@/components/pwa/IdleSignOut";
import { ServiceWorkerRegistration } from "@/components/pwa/ServiceWorkerRegistration";
import { idleSignOutMinutes } from "@/lib/offline/idle";

export const metadata: Metadata = {
  title: { default: "Wiki de la Solidarité numérique", template: "%s · Wiki de la Solidarité numérique" },
  description:
    "Le wiki des acteurs de la Solidarité numérique : pratiques observées, idées à explorer, fiches pratiques et annuaire des acteurs de l'inclusion numérique.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1 };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // The licence is an admin setting: read it at request time, never frozen into a prerendered page.
  await connection();
  const viewer = await getCurrentViewer();
  const licence = getContentLicence(getDb());
  return (
    <html lang="fr">
      <body>
        <a className="skip-link" href="#contenu">
          Aller au contenu
        </a>
        <SiteHeader viewer={viewer} />
        <main id="contenu" className="site-main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter licence={licence} />
        <ServiceWorkerRegistration />
        {viewer && <IdleSignOut minutes={idleSignOutMinutes(process.env.IDLE_SIGNOUT_MINUTES)} />}
      </body>
    </html>
  );
}
