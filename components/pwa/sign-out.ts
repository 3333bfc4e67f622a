"use client";

import { signOut } from "next-auth/react";
import { clearLocalData } from "@/lib/offline/local-data";

/**
 * Clears everything this browser keeps of the wiki, always: the pages seen while signed in and the
 * editor's copies belong to the person leaving, whether or not they ticked « Ordinateur partagé ».
 * Signs out even if clearing failed, then goes home; answers false, without leaving the page,
 * when something could not be deleted, so that the caller can say so.
 */
export async function signOutClearingLocalData(): Promise<boolean> {
  const cleared = await clearLocalData().then(
    () => true,
    () => false,
  );
  await signOut({ redirect: false });
  if (cleared) window.location.assign("/");
  return cleared;
}
