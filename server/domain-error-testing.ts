import { DomainError } from "./errors";

/** The DomainError that `run` throws; any other outcome fails the test. */
export function domainErrorOf(run: () => unknown): DomainError {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError, nothing was thrown");
}

/** The DomainError that `promise` rejects with; any other outcome fails the test. */
export async function domainRefusalOf(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError, the promise was fulfilled");
}
