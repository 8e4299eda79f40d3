import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../kernel/index.ts';
import { findProblem, PROBLEMS, type ProblemCode } from './problem-catalogue.ts';

/** An RFC 9457 problem document with dancu's stable `code`. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance: string;
  code: string;
  requestId: string;
  errors?: ProblemFieldError[];
  [extension: string]: unknown;
}

export interface ProblemFieldError {
  /** JSON pointer into the request part, e.g. `/body/fullName`. */
  readonly path: string;
  readonly message: string;
}

const PROBLEM_TYPE_PREFIX = 'urn:dancu:problem:';

/** Sends a problem response for `code`; `detail` says what was wrong and what to do. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  code: ProblemCode | string,
  detail: string,
  extensions: Record<string, unknown> = {},
): FastifyReply {
  const kind = findProblem(code) ?? PROBLEMS.INTERNAL_ERROR;
  const problem: Problem = {
    ...extensions,
    type: `${PROBLEM_TYPE_PREFIX}${code}`,
    title: prefersVietnamese(request) ? kind.vi : kind.en,
    status: kind.status,
    detail,
    instance: request.url.split('?')[0] ?? request.url,
    code,
    requestId: request.id,
  };
  return reply.code(kind.status).type('application/problem+json; charset=utf-8').send(problem);
}

/** Vietnamese first: English only when the caller asks for it before Vietnamese. */
function prefersVietnamese(request: FastifyRequest): boolean {
  const header = request.headers['accept-language'];
  if (!header) return true;
  const en = header.search(/\ben\b/i);
  const vi = header.search(/\bvi\b/i);
  return en === -1 || (vi !== -1 && vi < en);
}

/** Fastify's own error codes for what the caller sent wrong, mapped to ours. */
const FASTIFY_CODES: Record<string, ProblemCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
};

/**
 * Installs the one error handler (the not-found handler lives with the web app's fallback): domain errors become their catalogued
 * problem, malformed input a 4xx, anything else a 500 that says nothing of the internals (the log has it).
 */
export function installProblemHandlers(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof DomainError) {
      if (!findProblem(error.code)) {
        request.log.error({ code: error.code }, 'domain error code missing from the problem catalogue');
        return sendProblem(request, reply, 'INTERNAL_ERROR', 'An unexpected error occurred.');
      }
      if (error.code === 'UNAUTHENTICATED') reply.header('www-authenticate', 'Bearer realm="dancu"');
      const retryAfter = error.details?.retryAfterSeconds;
      if (typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return sendProblem(request, reply, error.code, error.message, error.details ? { details: error.details } : {});
    }
    if (error.validation) {
      const errors = error.validation.map((issue) => ({
        path: `/${error.validationContext ?? 'body'}${issue.instancePath ?? ''}`,
        message: issue.message ?? 'invalid value',
      }));
      return sendProblem(request, reply, 'VALIDATION_FAILED', describeValidation(errors), { errors });
    }
    const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
    if (mapped) return sendProblem(request, reply, mapped, transportDetail(mapped));
    if (error instanceof SyntaxError || error.statusCode === 400) {
      return sendProblem(request, reply, 'MALFORMED_JSON', transportDetail('MALFORMED_JSON'));
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 'INTERNAL_ERROR', 'An unexpected error occurred. Quote the request id.');
  });
}

function describeValidation(errors: readonly ProblemFieldError[]): string {
  const first = errors[0];
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
  return first ? `${first.path}: ${first.message}${more}` : 'The request is not valid.';
}

function transportDetail(code: ProblemCode): string {
  switch (code) {
    case 'PAYLOAD_TOO_LARGE':
      return 'The request body is larger than this endpoint accepts.';
    case 'UNSUPPORTED_MEDIA_TYPE':
      return 'Send the body as application/json.';
    case 'MALFORMED_JSON':
      return 'The body is not valid JSON.';
    default:
      return 'The request is not valid.';
  }
}
