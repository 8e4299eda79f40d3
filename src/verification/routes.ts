import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type Caller, isAdmin } from '../identity/index.ts';
import { DomainError } from '../kernel/index.ts';
import { adminPartnerRoutes } from './admin-routes.ts';
import { batchRoutes, type PartnerResolver } from './batch-routes.ts';
import { Month, PartnerContract, VerificationAnswer, VerificationRequest } from './model.ts';
import type { PartnerTerms } from './partners.ts';
import { Invoice, UsageQuery, UsageReport } from './usage-model.ts';
import type { Verification } from './verification.ts';

export interface VerificationRoutesOptions {
  readonly verification: Verification;
  /** Resolves a person or the bootstrap token (administrators' routes); throws UNAUTHENTICATED. */
  readonly caller: (request: FastifyRequest) => Promise<Caller>;
}

const closed = { additionalProperties: false } as const;
const security = [{ bearer: [] }];

/**
 * Under `/api/v1`: the online check (`verifications`, a client-credentials access token with scope
 * `verification`); the partners' own routes (`partner/…`, `verification-batches…`), for that token or a member
 * of the partner's staff signed in to the web app at level 2; and administrators' routes (`admin/partners/…`).
 */
export async function verificationRoutes(app: FastifyInstance, options: VerificationRoutesOptions): Promise<void> {
  const { verification } = options;
  const machine = async (request: FastifyRequest): Promise<PartnerTerms> => {
    const match = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? '');
    if (!match?.[1]) {
      throw new DomainError('UNAUTHENTICATED', 'Send a client-credentials access token as "Authorization: Bearer".');
    }
    return verification.partnerOfToken(match[1]);
  };
  const partner = partnerResolver(verification, options.caller);
  await app.register(batchRoutes, { verification, partner });
  const admin = async (request: FastifyRequest): Promise<Caller> => {
    const who = await options.caller(request);
    if (!isAdmin(who)) throw new DomainError('FORBIDDEN', 'Only administrators may manage partners.');
    return who;
  };

  app.post(
    '/verifications',
    {
      schema: {
        tags: ['verification'],
        security,
        summary: 'Check what a customer declared against the registry: results and reasons, never values',
        body: VerificationRequest,
        response: { 200: VerificationAnswer },
      },
    },
    async (request, reply) => {
      const terms = await machine(request);
      reply.header('cache-control', 'no-store');
      return verification.check(terms, request.body as VerificationRequest, request.id);
    },
  );

  app.get(
    '/partner/usage',
    {
      schema: {
        tags: ['verification'],
        security,
        summary: 'The calling partner’s checks of a month, by day or month, purpose, channel and check types',
        querystring: UsageQuery,
        response: { 200: UsageReport },
      },
    },
    async (request) => {
      const { terms } = await partner(request);
      const query = request.query as { month: string; groupBy?: 'day' | 'month' };
      return verification.usage(terms.partner.id, query.month, query.groupBy ?? 'day');
    },
  );

  app.get(
    '/partner/invoices/:month',
    {
      schema: {
        tags: ['verification'],
        security,
        summary: 'The calling partner’s invoice for a month, in đồng',
        params: Type.Object({ month: Month }, closed),
        response: { 200: Invoice },
      },
    },
    async (request) => {
      const { terms } = await partner(request);
      return verification.invoice(terms.partner.id, (request.params as { month: string }).month);
    },
  );

  app.get(
    '/partner/contract',
    {
      schema: {
        tags: ['verification'],
        security,
        summary: 'The calling partner, its contract in force today and this month’s quota: used, reserved, left',
        response: { 200: PartnerContract },
      },
    },
    async (request, reply) => {
      const { terms } = await partner(request);
      reply.header('cache-control', 'no-store');
      return verification.contract(terms);
    },
  );

  await app.register(adminPartnerRoutes, { verification, admin });
}

function partnerResolver(
  verification: Verification,
  caller: (request: FastifyRequest) => Promise<Caller>,
): PartnerResolver {
  return async (request, scope) => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1]) {
        throw new DomainError('UNAUTHENTICATED', 'Send a client-credentials access token as "Authorization: Bearer".');
      }
      const terms = await verification.partnerOfToken(match[1], scope);
      return { terms, by: `client:${terms.partner.clientId}` };
    }
    const who = await caller(request);
    return { terms: await verification.partnerOfStaff(who), by: `account:${who.accountId}` };
  };
}
