"use client";

import { useEffect, type RefObject } from "react";

/**
 * After each submission, brings focus back into the form if it was lost meanwhile: the pressed
 * button was disabled while pending, or replaced (Désactiver ↔ Réactiver). Focus the person moved
 * elsewhere is left alone.
 */
export function useKeepFocus(form: RefObject<HTMLFormElement | null>, state: unknown): void {
  useEffect(() => {
    const element = form.current;
    if (!state || !element) return;
    const active = document.activeElement;
    if (active && active !== document.body && active.isConnected) return;
    element.querySelector<HTMLElement>("button:not([disabled])")?.focus();
  }, [form, state]);
}
