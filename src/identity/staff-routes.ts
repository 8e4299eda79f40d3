import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { DomainError } from '../kernel/index.ts';
import { type Caller, isAdmin, officerRoles } from './caller.ts';
import type { Identity } from './identity.ts';
import { Agency, Level2Evidence, RoleAssignment } from './model.ts';
import { ClientRegistration, ClientView } from './oidc/clients.ts';

export interface StaffRoutesOptions {
  readonly identity: Identity;
  readonly caller: (request: FastifyRequest) => Promise<Caller>;
}

const closed = { additionalProperties: false } as const;
const PersonalIdText = Type.String({ pattern: '^\\d{12}$' });

/**
 * Officers' and administrators' work on accounts, under `/api/v1`: level-2 activation and police locks
 * (`officer/…`); roles and OpenID clients (`admin/…`).
 */
export async function staffRoutes(app: FastifyInstance, options: StaffRoutesOptions): Promise<void> {
  const { identity, caller } = options;
  const admin = async (request: FastifyRequest) => {
    const who = await caller(request);
    if (!isAdmin(who)) throw new DomainError('FORBIDDEN', 'Only administrators may do this.');
    return who;
  };
  const police = async (request: FastifyRequest) => {
    const who = await caller(request);
    // The bootstrap token may attest level 2 (first setup); people need a police officer's role.
    if (!(who.via === 'token' && isAdmin(who))) officerRoles(who, 'police');
    return who;
  };

  app.post(
    '/officer/level2-activations',
    {
      schema: {
        tags: ['officer'],
        summary: 'Activate level 2 in person: the officer attests the card, face and fingerprint checks',
        body: Level2Evidence,
        response: { 201: Type.Object({ accountId: Type.String(), created: Type.Boolean() }, closed) },
      },
    },
    async (request, reply) => {
      const outcome = await identity.activateLevel2(await police(request), request.body as Level2Evidence);
      reply.code(201);
      return outcome;
    },
  );

  app.post(
    '/officer/accounts/:personalId/lock',
    {
      schema: {
        tags: ['officer'],
        summary: 'Police lock or unlock a person’s eID account',
        params: Type.Object({ personalId: PersonalIdText }, closed),
        body: Type.Object({ locked: Type.Boolean() }, closed),
      },
    },
    async (request, reply) => {
      const { personalId } = request.params as { personalId: string };
      await identity.policeSetLock(await police(request), personalId, (request.body as { locked: boolean }).locked);
      return reply.code(204).send();
    },
  );

  app.get(
    '/admin/roles',
    {
      schema: {
        tags: ['admin'],
        summary: 'Every live role',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Intersect([RoleAssignment, Type.Object({ accountId: Type.String(), personalId: Type.String() })]),
            ),
          }),
        },
      },
    },
    async (request) => {
      await admin(request);
      return { items: await identity.listRoles() };
    },
  );

  app.post(
    '/admin/roles',
    {
      schema: {
        tags: ['admin'],
        summary: 'Give a role to the eID account of a person',
        body: Type.Object(
          {
            personalId: PersonalIdText,
            role: Type.Union([Type.Literal('officer'), Type.Literal('admin')]),
            agency: Type.Optional(Agency),
            communeId: Type.Optional(Type.String({ maxLength: 40 })),
            provinceId: Type.Optional(Type.String({ maxLength: 40 })),
          },
          closed,
        ),
        response: { 201: RoleAssignment },
      },
    },
    async (request, reply) => {
      const by = await admin(request);
      const { personalId, ...grant } = request.body as {
        personalId: string;
        role: 'officer' | 'admin';
        agency?: Agency;
      };
      const accountId = await identity.accountIdOf(personalId);
      if (!accountId) throw new DomainError('ACCOUNT_NOT_FOUND', 'This person has no eID account.');
      reply.code(201);
      return identity.grantRole(accountId, grant, by);
    },
  );

  app.delete(
    '/admin/roles/:roleId',
    {
      schema: {
        tags: ['admin'],
        summary: 'Take a role back',
        params: Type.Object({ roleId: Type.Integer({ minimum: 1 }) }, closed),
      },
    },
    async (request, reply) => {
      await identity.revokeRole((request.params as { roleId: number }).roleId, await admin(request));
      return reply.code(204).send();
    },
  );

  app.get(
    '/admin/clients',
    {
      schema: {
        tags: ['admin'],
        summary: 'Registered relying parties',
        response: { 200: Type.Object({ items: Type.Array(ClientView) }) },
      },
    },
    async (request) => {
      await admin(request);
      return { items: await identity.clients.list() };
    },
  );

  app.post(
    '/admin/clients',
    {
      schema: {
        tags: ['admin'],
        summary: 'Register a relying party',
        body: ClientRegistration,
        response: { 201: ClientView },
      },
    },
    async (request, reply) => {
      const by = await admin(request);
      reply.code(201);
      return identity.clients.register(request.body as ClientRegistration, by.actor.id);
    },
  );

  app.post(
    '/admin/clients/:clientId/disable',
    {
      schema: {
        tags: ['admin'],
        summary: 'Disable a relying party',
        params: Type.Object({ clientId: Type.String({ maxLength: 64 }) }, closed),
        body: Type.Object({}, closed),
      },
    },
    async (request, reply) => {
      await admin(request);
      await identity.clients.disable((request.params as { clientId: string }).clientId);
      return reply.code(204).send();
    },
  );
}
