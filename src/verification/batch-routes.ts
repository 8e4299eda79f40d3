import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { DomainError } from '../kernel/index.ts';
import { BatchJob } from './batch/model.ts';
import { PurposeCode } from './model.ts';
import type { PartnerTerms } from './partners.ts';
import { BATCH_SCOPE, type Verification } from './verification.ts';

const closed = { additionalProperties: false } as const;
const security = [{ bearer: [] }];
const BatchParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,15}$' }) }, closed);
const UploadQuery = Type.Object({ purpose: Type.Optional(PurposeCode) }, closed);
const ListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    before: Type.Optional(Type.String({ pattern: '^[0-9]{1,15}$' })),
  },
  closed,
);
/** The header that may carry the purpose instead of the query. */
const PURPOSE_HEADER = 'x-verification-purpose';

/** Who called a partner's route: the partner, and its machine client or the member of its staff. */
export interface PartnerCaller {
  readonly terms: PartnerTerms;
  /** `client:<client id>` or `account:<account id>`. */
  readonly by: string;
}

/**
 * Resolves a partner's caller: a client-credentials access token (`Authorization: Bearer`) with `scope`; or,
 * without one, the web app's session of a member of the partner's staff signed in at level 2 (whose unsafe
 * requests echo the CSRF token). The online check is for machine clients only and does not use this.
 */
export type PartnerResolver = (request: FastifyRequest, scope?: string) => Promise<PartnerCaller>;

/**
 * Under `/api/v1`: a partner's batch jobs (`verification-batches`), for a client-credentials access token with
 * scope `verification.batch` or a member of the partner's staff (`PartnerResolver`). The upload is a raw
 * `text/csv` stream, never held in memory.
 */
export async function batchRoutes(
  app: FastifyInstance,
  options: { verification: Verification; partner: PartnerResolver },
): Promise<void> {
  const { verification } = options;
  const partner = (request: FastifyRequest) => options.partner(request, BATCH_SCOPE);
  // The file is read as it arrives: the route gets the request stream itself.
  app.addContentTypeParser('text/csv', (_request, payload, done) => done(null, payload));

  app.post(
    '/verification-batches',
    {
      config: { streamBody: true },
      schema: {
        tags: ['verification'],
        security,
        summary: 'Upload a CSV file of declarations to check (text/csv); the same file again answers its job',
        querystring: UploadQuery,
        response: { 200: BatchJob, 202: BatchJob },
      },
    },
    async (request, reply) => {
      const { terms, by } = await partner(request);
      const header = request.headers[PURPOSE_HEADER];
      const purpose = (request.query as { purpose?: string }).purpose ?? (typeof header === 'string' ? header : '');
      if (purpose === '') {
        throw new DomainError('VALIDATION_FAILED', `Give the purpose as ?purpose= or the ${PURPOSE_HEADER} header.`);
      }
      if (!/^text\/csv\b/i.test(request.headers['content-type'] ?? '')) {
        throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the file as text/csv.');
      }
      const body = request.body as AsyncIterable<Uint8Array> | undefined;
      const { job, created } = await verification.batches.upload(terms, purpose, body ?? emptyBody(), by);
      reply.code(created ? 202 : 200).header('location', `/api/v1/verification-batches/${job.id}`);
      return job;
    },
  );

  app.get(
    '/verification-batches',
    {
      schema: {
        tags: ['verification'],
        security,
        summary: 'The calling partner’s batch jobs, newest first (`before`: the last id of the previous page)',
        querystring: ListQuery,
        response: { 200: Type.Object({ items: Type.Array(BatchJob) }, closed) },
      },
    },
    async (request, reply) => {
      const { terms } = await partner(request);
      reply.header('cache-control', 'no-store');
      return { items: await verification.batches.list(terms.partner.id, request.query as { limit?: number }) };
    },
  );

  app.get(
    '/verification-batches/:id',
    {
      schema: {
        tags: ['verification'],
        security,
        summary: 'A batch job: status, rows read, matched, mismatched, unreadable, progress',
        params: BatchParams,
        response: { 200: BatchJob },
      },
    },
    async (request, reply) => {
      const { terms } = await partner(request);
      reply.header('cache-control', 'no-store');
      return verification.batches.get(terms.partner.id, (request.params as { id: string }).id);
    },
  );

  app.get(
    '/verification-batches/:id/results',
    {
      schema: {
        tags: ['verification'],
        security,
        summary: 'The results file (text/csv, streamed): one line per uploaded row, in file order',
        params: BatchParams,
      },
    },
    async (request, reply) => {
      const { terms } = await partner(request);
      const { id } = request.params as { id: string };
      const lines = await verification.batches.results(terms.partner.id, id);
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="batch-${id}-results.csv"`)
        .header('cache-control', 'no-store');
      return reply.send(Readable.from(lines));
    },
  );
}

async function* emptyBody(): AsyncIterable<Uint8Array> {}
