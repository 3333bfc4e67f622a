import type { Role } from "@/db/schema";

/** Who is acting: a signed-in, enabled account, with the acteurs it is a member of. */
export type Actor = {
  id: number;
  name: string;
  role: Role;
  acteurIds: number[];
};

export function isModerator(actor: Actor | null): boolean {
  return actor?.role === "moderateur" || actor?.role === "admin";
}

export function isAdmin(actor: Actor | null): boolean {
  return actor?.role === "admin";
}
