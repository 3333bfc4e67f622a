/**
 * A refusal that the UI can show: a French message, optionally tied to a form field, and an
 * English one for the API and the CLI.
 */
export class DomainError extends Error {
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
