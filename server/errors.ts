const DOMAIN_ERROR = Symbol.for("wiki-solidarite-numerique.DomainError");

/**
 * A refusal that the UI can show: a French message, optionally tied to a form field, and an
 * English one for the API and the CLI.
 */
export class DomainError extends Error {
  // Next's bundle and the collaboration server's module graph each load this file: a refusal thrown by
  // the document service must still be recognised, as a DomainError, by Next's mutation wrapper.
  static [Symbol.hasInstance](value: unknown): boolean {
    return typeof value === "object" && value !== null && (value as { [DOMAIN_ERROR]?: unknown })[DOMAIN_ERROR] === true;
  }

  readonly [DOMAIN_ERROR] = true;

  constructor(
    readonly code: string,
    readonly messageFr: string,
    readonly field?: string,
    messageEn?: string,
  ) {
    super(messageEn ?? messageFr);
    this.name = "DomainError";
  }
}
