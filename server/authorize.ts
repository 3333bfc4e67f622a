import type { Viewer } from "@/lib/policies/viewer";
import { DomainError } from "./errors";

/**
 * The importer, the CLI and the seed act as the system: no policy applies to them. A symbol, so
 * that nothing read from a request can stand for it.
 */
export const SYSTEM: unique symbol = Symbol("system");

/** Who asks a domain command: a viewer (null when nobody is signed in), or the system. */
export type Actor = Viewer | null | typeof SYSTEM;

/** Throws the "forbidden" DomainError unless the actor is the system or the policy lets the viewer act. */
export function authorize(actor: Actor, allowed: (viewer: Viewer | null) => boolean, messageFr: string, messageEn: string): void {
  if (actor === SYSTEM) return;
  if (!allowed(actor)) throw new DomainError("forbidden", messageFr, undefined, messageEn);
}
