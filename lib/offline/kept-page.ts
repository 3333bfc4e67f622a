/**
 * Asks the service worker to keep this editor page on the device (or to forget it), so that the
 * fiche kept with « Garder cette fiche sur cet appareil » also opens offline. Resolves with whether
 * the worker answered: without one (a shared computer, an old browser) only the document is kept.
 */
export function keepPageOffline(path: string, keep: boolean): Promise<boolean> {
  const worker = typeof navigator === "undefined" ? null : navigator.serviceWorker?.controller;
  if (!worker) return Promise.resolve(false);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    const timer = setTimeout(() => resolve(false), 10_000);
    channel.port1.onmessage = () => {
      clearTimeout(timer);
      resolve(true);
    };
    worker.postMessage({ type: "keep-page", path, keep }, [channel.port2]);
  });
}
