/** One invalid field of a `VALIDATION_FAILED` problem. */
export interface ProblemFieldError {
  /** JSON pointer into the request part, e.g. `/querystring/birthDate`. */
  readonly path: string;
  readonly message: string;
}

/**
 * An RFC 9457 problem the API answered (docs/errors.md lists every `code`), or one the app makes up when
 * the server could not be reached (`NETWORK_ERROR`) or answered something that is not a problem
 * (`UNEXPECTED_RESPONSE`). Branch on `code`, never on `title` or `detail`.
 */
export class ApiProblem extends Error {
  readonly code: string;
  readonly title: string;
  readonly detail: string;
  readonly status: number;
  readonly requestId: string | undefined;
  readonly errors: readonly ProblemFieldError[];
  /** What the code's entry in docs/errors.md says it carries (`attemptsLeft`, `retryAfterSeconds`, `reason`, …). */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(fields: {
    code: string;
    title: string;
    detail: string;
    status: number;
    requestId?: string | undefined;
    errors?: readonly ProblemFieldError[];
    details?: Readonly<Record<string, unknown>>;
  }) {
    super(`${fields.code}: ${fields.detail}`);
    this.name = 'ApiProblem';
    this.code = fields.code;
    this.title = fields.title;
    this.detail = fields.detail;
    this.status = fields.status;
    this.requestId = fields.requestId;
    this.errors = fields.errors ?? [];
    this.details = fields.details ?? {};
  }
}

/** Reads the problem document of a failed response; falls back to the status line when there is none. */
export async function problemFrom(response: Response): Promise<ApiProblem> {
  const body: unknown = await response.json().catch(() => undefined);
  if (typeof body === 'object' && body !== null) {
    const { code, title, detail, requestId, errors, details } = body as Record<string, unknown>;
    if (typeof code === 'string') {
      return new ApiProblem({
        code,
        title: typeof title === 'string' ? title : code,
        detail: typeof detail === 'string' ? detail : '',
        status: response.status,
        requestId: typeof requestId === 'string' ? requestId : undefined,
        errors: Array.isArray(errors) ? errors.filter(isFieldError) : [],
        details: typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : {},
      });
    }
  }
  return new ApiProblem({
    code: 'UNEXPECTED_RESPONSE',
    title: `HTTP ${response.status}`,
    detail: response.statusText,
    status: response.status,
  });
}

/** Whatever a call threw, as a problem: an abort stays an abort, a failed fetch becomes `NETWORK_ERROR`. */
export function asProblem(error: unknown): ApiProblem {
  if (error instanceof ApiProblem) return error;
  return new ApiProblem({
    code: 'NETWORK_ERROR',
    title: 'Network error',
    detail: error instanceof Error ? error.message : String(error),
    status: 0,
  });
}

function isFieldError(value: unknown): value is ProblemFieldError {
  if (typeof value !== 'object' || value === null) return false;
  const { path, message } = value as Record<string, unknown>;
  return typeof path === 'string' && typeof message === 'string';
}
