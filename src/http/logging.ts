import type { FastifyRequest, FastifyServerOptions } from 'fastify';
import type { LogLevel } from '../config/index.ts';
import { maskPersonalId } from '../kernel/index.ts';

/**
 * Logger settings for Fastify: JSON lines with the request id on each, and no personal data: personal ID
 * numbers and former identity numbers in URLs are masked, credentials and cookies never written.
 */
export function loggerOptions(level: LogLevel): FastifyServerOptions['logger'] {
  return {
    level,
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
      censor: '[redacted]',
    },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: maskPersonalId(request.url),
        remoteAddress: request.ip,
      }),
    },
  };
}
