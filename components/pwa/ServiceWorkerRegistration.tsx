"use client";

import { useEffect } from "react";
import { isSharedDevice } from "@/lib/offline/local-data";

async function forgetServiceWorker(): Promise<void> {
  const registrations = await navigator.serviceWorker.getRegistrations();
  await Promise.all(registrations.map((registration) => registration.unregister()));
  await Promise.all((await caches.keys()).map((name) => caches.delete(name)));
}

/**
 * Installs the service worker that keeps visited fiches readable offline, except on a shared
 * computer, which keeps nothing: there it removes any worker and cache left from before.
 * Development builds get none: their files are not content-hashed, so a cached one would go stale.
 */
export function ServiceWorkerRegistration() {
  useEffect(() => {
    if (process.env.NODE_ENV !== "production" || !("serviceWorker" in navigator)) return;
    const done = isSharedDevice() ? forgetServiceWorker() : navigator.serviceWorker.register("/sw.js", { scope: "/", updateViaCache: "none" });
    // Reading offline is a convenience: the page works the same without it.
    done.catch((error: unknown) => console.warn("Service worker:", error));
  }, []);
  return null;
}
