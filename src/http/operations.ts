import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import { Type } from 'typebox';
import type { Database } from '../db/index.ts';
import { sendProblem } from './problems.ts';

const Health = Type.Object({ status: Type.Literal('ok'), version: Type.String() });
const Ready = Type.Object({ status: Type.Literal('ready'), database: Type.String() });

export interface OperationsOptions {
  readonly db: Database;
  readonly version: string;
  /** True once shutdown has begun: `/ready` then answers 503 so the load balancer stops sending. */
  readonly isClosing: () => boolean;
}

/**
 * `/health` (the process is alive), `/ready` (it can serve: database reachable, not shutting down) and
 * `/metrics` (Prometheus text: process metrics and request durations by route and status).
 */
export async function operationsRoutes(app: FastifyInstance, options: OperationsOptions): Promise<void> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const durations = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'HTTP request duration by route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    durations.observe(
      { method: request.method, route: request.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  app.get(
    '/health',
    { schema: { tags: ['operations'], summary: 'Liveness', response: { 200: Health } } },
    async () => ({ status: 'ok' as const, version: options.version }),
  );

  app.get(
    '/ready',
    { schema: { tags: ['operations'], summary: 'Readiness', response: { 200: Ready } } },
    async (request, reply) => {
      if (options.isClosing())
        return sendProblem(request, reply, 'SERVICE_UNAVAILABLE', 'The server is shutting down.');
      try {
        await options.db.query('select 1');
      } catch {
        return sendProblem(request, reply, 'SERVICE_UNAVAILABLE', 'The database cannot be reached.');
      }
      return { status: 'ready' as const, database: options.db.engine };
    },
  );

  app.get('/metrics', { schema: { tags: ['operations'], summary: 'Prometheus metrics' } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
