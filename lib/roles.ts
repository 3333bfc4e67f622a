/** A user's role; db/schema's user.role column takes its values from here. */
export const ROLES = ["contributeur", "moderateur", "admin"] as const;
export type Role = (typeof ROLES)[number];

/** How roles are named in the interface. */
export const ROLE_LABELS: Record<Role, string> = {
  contributeur: "Contributeur",
  moderateur: "Modérateur",
  admin: "Administrateur",
};
