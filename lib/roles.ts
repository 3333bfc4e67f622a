import type { Role } from "@/db/schema";

/** How roles are named in the interface. */
export const ROLE_LABELS: Record<Role, string> = {
  contributeur: "Contributeur",
  moderateur: "Modérateur",
  admin: "Administrateur",
};
