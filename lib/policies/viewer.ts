import type { Role } from "@/lib/roles";

/** Who is acting: a signed-in, enabled account, with the acteurs it is a member of. */
export type Viewer = {
  id: number;
  name: string;
  role: Role;
  acteurIds: number[];
};

export function isModerator(viewer: Viewer | null): boolean {
  return viewer?.role === "moderateur" || viewer?.role === "admin";
}

export function isAdmin(viewer: Viewer | null): boolean {
  return viewer?.role === "admin";
}
