/**
 * Domain errors. A service throws a `DomainError` with a code such as `PERSON_NOT_FOUND`; only the `http` module knows
 * that the code becomes a 404. Every code is listed in `docs/errors.md` and in the HTTP problem catalogue,
 * and a test keeps the three in step.
 */

/** Extra facts about an error that are safe to show to the caller (never personal data). */
export type ErrorDetails = Readonly<Record<string, unknown>>;

export class DomainError extends Error {
  override readonly name = 'DomainError';

  /**
   * @param code stable, upper-snake-case code (`INVALID_PERSONAL_ID`); callers may branch on it.
   * @param message what was wrong and what to do, for a person to read.
   * @param details optional machine-readable facts (a field name, a limit), never personal data.
   */
  constructor(
    readonly code: string,
    message: string,
    readonly details?: ErrorDetails,
  ) {
    super(message);
  }
}

/** True when `error` is a {@link DomainError}, optionally with the given code. */
export function isDomainError(error: unknown, code?: string): error is DomainError {
  return error instanceof DomainError && (code === undefined || error.code === code);
}
