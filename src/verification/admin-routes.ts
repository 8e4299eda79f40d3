/**
 * Administrators' routes of the verification service (`/api/v1/admin/partners/…`): partners, their contracts,
 * their usage and invoices, and the members of their staff.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Caller } from '../identity/index.ts';
import {
  Contract,
  Month,
  NewContract,
  NewPartner,
  NewPartnerStaffMember,
  Partner,
  PartnerChanges,
  PartnerDetail,
  PartnerSlug,
  PartnerStaffMember,
} from './model.ts';
import { Invoice, UsageQuery, UsageReport } from './usage-model.ts';
import type { Verification } from './verification.ts';

export interface AdminPartnerRoutesOptions {
  readonly verification: Verification;
  /** The administrator making the call; throws UNAUTHENTICATED or FORBIDDEN. */
  readonly admin: (request: FastifyRequest) => Promise<Caller>;
}

const closed = { additionalProperties: false } as const;
const security = [{ bearer: [] }];
const PartnerParams = Type.Object({ id: PartnerSlug }, closed);
const StatusChange = Type.Object({ reason: Type.String({ minLength: 3, maxLength: 500, pattern: '\\S' }) }, closed);

export async function adminPartnerRoutes(app: FastifyInstance, options: AdminPartnerRoutesOptions): Promise<void> {
  const { verification, admin } = options;
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

function listOf<T extends ReturnType<typeof Type.Object>>(item: T) {
  return Type.Object({ items: Type.Array(item) }, closed);
}
