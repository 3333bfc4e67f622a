"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => undefined;
// Shown in place of the page that failed, retrying means loading that address again.
const retryHref = () => (window.location.pathname === "/hors-ligne" ? "/" : window.location.href);

export function RetryLink() {
  const href = useSyncExternalStore(subscribe, retryHref, () => "/");
  return <a href={href}>Réessayer</a>;
}
