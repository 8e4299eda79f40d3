import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type Caller, isAdmin } from '../identity/index.ts';
import { DomainError } from '../kernel/index.ts';
import { batchRoutes, type PartnerResolver } from './batch-routes.ts';
import {
  Contract,
  Invoice,
  Month,
  NewContract,
  NewPartner,
  NewPartnerStaffMember,
  Partner,
  PartnerChanges,
  PartnerContract,
  PartnerDetail,
  PartnerSlug,
  PartnerStaffMember,
  UsageReport,
  VerificationAnswer,
  VerificationRequest,
} from './model.ts';
import type { PartnerTerms } from './partners.ts';
import type { Verification } from './verification.ts';

export interface VerificationRoutesOptions {
  readonly verification: Verification;
  /** Resolves a person or the bootstrap token (administrators' routes); throws UNAUTHENTICATED. */
  readonly caller: (request: FastifyRequest) => Promise<Caller>;
}

const closed = { additionalProperties: false } as const;
const security = [{ bearer: [] }];
const PartnerParams = Type.Object({ id: PartnerSlug }, closed);
const UsageQuery = Type.Object(
  { month: Month, groupBy: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('month')])) },
  closed,
);
const StatusChange = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 500, pattern: '\\S' }) }, closed);

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

  const adminTags = ['admin'];
  app.get(
    '/admin/partners',
    { schema: { tags: adminTags, security, summary: 'Verification partners', response: { 200: listOf(Partner) } } },
    async (request) => {
      await admin(request);
      return { items: await verification.partners.list() };
    },
  );

  app.post(
    '/admin/partners',
    {
      schema: {
        tags: adminTags,
        security,
        summary: 'Register a verification partner for a machine client',
        body: NewPartner,
        response: { 201: Partner },
      },
    },
    async (request, reply) => {
      const by = await admin(request);
      const created = await verification.partners.create(request.body as NewPartner, by.actor.id);
      reply.code(201);
      return created;
    },
  );

  app.get(
    '/admin/partners/:id',
    {
      schema: {
        tags: adminTags,
        security,
        summary: 'A partner with its contracts and history',
        params: PartnerParams,
        response: { 200: PartnerDetail },
      },
    },
    async (request) => {
      await admin(request);
      return verification.partners.get((request.params as { id: string }).id);
    },
  );

  app.patch(
    '/admin/partners/:id',
    {
      schema: {
        tags: adminTags,
        security,
        summary: 'Rename a partner or change its kind',
        params: PartnerParams,
        body: PartnerChanges,
        response: { 200: Partner },
      },
    },
    async (request) => {
      const by = await admin(request);
      const { id } = request.params as { id: string };
      return verification.partners.update(id, request.body as PartnerChanges, by.actor.id);
    },
  );

  for (const [path, status] of [
    ['suspension', 'suspended'],
    ['reactivation', 'active'],
  ] as const) {
    app.post(
      `/admin/partners/:id/${path}`,
      {
        schema: {
          tags: adminTags,
          security,
          summary: status === 'suspended' ? 'Suspend a partner: its checks are refused' : 'Reactivate a partner',
          params: PartnerParams,
          body: StatusChange,
          response: { 200: Partner },
        },
      },
      async (request) => {
        const by = await admin(request);
        const { id } = request.params as { id: string };
        const { reason } = request.body as { reason: string };
        return verification.partners.setStatus(id, status, reason, by.actor.id);
      },
    );
  }

  app.post(
    '/admin/partners/:id/contracts',
    {
      schema: {
        tags: adminTags,
        security,
        summary: 'Add a contract: purposes, check types, prices, quota, rate limit, validity',
        params: PartnerParams,
        body: NewContract,
        response: { 201: Contract },
      },
    },
    async (request, reply) => {
      const by = await admin(request);
      const { id } = request.params as { id: string };
      const contract = await verification.partners.addContract(id, request.body as NewContract, by.actor.id);
      reply.code(201);
      return contract;
    },
  );

  app.get(
    '/admin/partners/:id/usage',
    {
      schema: {
        tags: adminTags,
        security,
        summary: 'A partner’s checks of a month, by day or month, purpose, channel and check types',
        params: PartnerParams,
        querystring: UsageQuery,
        response: { 200: UsageReport },
      },
    },
    async (request) => {
      await admin(request);
      const { id } = request.params as { id: string };
      const query = request.query as { month: string; groupBy?: 'day' | 'month' };
      return verification.usage(id, query.month, query.groupBy ?? 'day');
    },
  );

  app.get(
    '/admin/partners/:id/invoices/:month',
    {
      schema: {
        tags: adminTags,
        security,
        summary: 'A partner’s invoice for a month, in đồng',
        params: Type.Object({ id: PartnerSlug, month: Month }, closed),
        response: { 200: Invoice },
      },
    },
    async (request) => {
      await admin(request);
      const { id, month } = request.params as { id: string; month: string };
      return verification.invoice(id, month);
    },
  );

  app.get(
    '/admin/partners/:id/staff',
    {
      schema: {
        tags: adminTags,
        security,
        summary: 'The members of a partner’s staff, who may use the partner console',
        params: PartnerParams,
        response: { 200: listOf(PartnerStaffMember) },
      },
    },
    async (request) => {
      await admin(request);
      const { id } = request.params as { id: string };
      await verification.partners.get(id);
      return { items: await verification.staff.list(id) };
    },
  );

  app.post(
    '/admin/partners/:id/staff',
    {
      schema: {
        tags: adminTags,
        security,
        summary: 'Make a person’s eID account a member of a partner’s staff (one partner per account)',
        params: PartnerParams,
        body: NewPartnerStaffMember,
        response: { 201: PartnerStaffMember },
      },
    },
    async (request, reply) => {
      const by = await admin(request);
      const { id } = request.params as { id: string };
      const { personalId } = request.body as NewPartnerStaffMember;
      const member = await verification.staff.add(id, personalId, by.actor.id);
      reply.code(201);
      return member;
    },
  );

  app.delete(
    '/admin/partners/:id/staff/:staffId',
    {
      schema: {
        tags: adminTags,
        security,
        summary: 'End a membership of a partner’s staff',
        params: Type.Object({ id: PartnerSlug, staffId: Type.Integer({ minimum: 1 }) }, closed),
      },
    },
    async (request, reply) => {
      const by = await admin(request);
      const { id, staffId } = request.params as { id: string; staffId: number };
      await verification.staff.remove(id, staffId, by.actor.id);
      return reply.code(204).send();
    },
  );
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

function listOf<T extends ReturnType<typeof Type.Object>>(item: T) {
  return Type.Object({ items: Type.Array(item) }, closed);
}
