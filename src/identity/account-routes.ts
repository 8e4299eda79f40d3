import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { DomainError } from '../kernel/index.ts';
import type { Caller } from './caller.ts';
import type { Identity } from './identity.ts';
import {
  AccountView,
  OneTimeCode,
  Password,
  Phone,
  RegistrationConfirmation,
  RegistrationRequest,
  RegistrationStarted,
} from './model.ts';

export interface AccountRoutesOptions {
  readonly identity: Identity;
  /** The signed-in caller; throws UNAUTHENTICATED when there is none. */
  readonly caller: (request: FastifyRequest) => Promise<Caller>;
}

const closed = { additionalProperties: false } as const;
const PersonalIdText = Type.String({ pattern: '^\\d{12}$' });
const Sent = Type.Object({ sentTo: Type.String() }, closed);
const Consent = Type.Object(
  {
    grantId: Type.String(),
    clientId: Type.String(),
    clientName: Type.String(),
    organisation: Type.String(),
    purpose: Type.String(),
    scopes: Type.Array(Type.Object({ scope: Type.String(), vi: Type.String(), en: Type.String() })),
    grantedAt: Type.Union([Type.String(), Type.Null()]),
  },
  closed,
);

/**
 * eID accounts for their holders, under `/api/v1`: self-registration, unlocking and the first password
 * (no sign-in needed), and `me/…` for the signed-in holder.
 */
export async function accountRoutes(app: FastifyInstance, options: AccountRoutesOptions): Promise<void> {
  const { identity, caller } = options;
  const tags = ['accounts'];
  const origin = (request: FastifyRequest) => ({ address: request.ip, requestId: request.id });
  const holder = async (request: FastifyRequest) => {
    const who = await caller(request);
    if (!who.accountId) throw new DomainError('FORBIDDEN', 'Sign in with an eID account to do this.');
    return who as Caller & { accountId: string };
  };

  app.post(
    '/accounts/registrations',
    {
      schema: {
        tags,
        summary: 'Start a level-1 registration: the details are matched with the registry; a code goes to the phone',
        body: RegistrationRequest,
        response: { 201: RegistrationStarted },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return identity.startRegistration(request.body as RegistrationRequest, origin(request));
    },
  );

  app.post(
    '/accounts/registrations/:registrationId/confirmation',
    {
      schema: {
        tags,
        summary: 'Confirm the phone with the code and set the password: the level-1 account is created',
        params: Type.Object({ registrationId: Type.String({ format: 'uuid' }) }, closed),
        body: RegistrationConfirmation,
        response: { 201: Type.Object({ accountId: Type.String() }, closed) },
      },
    },
    async (request, reply) => {
      const { registrationId } = request.params as { registrationId: string };
      reply.code(201);
      return identity.confirmRegistration(registrationId, request.body as RegistrationConfirmation);
    },
  );

  app.post(
    '/accounts/registrations/:registrationId/code',
    {
      schema: {
        tags,
        summary: 'Send a new code for a registration (at most once a minute)',
        params: Type.Object({ registrationId: Type.String({ format: 'uuid' }) }, closed),
        body: Type.Object({}, closed),
        response: { 202: RegistrationStarted },
      },
    },
    async (request, reply) => {
      reply.code(202);
      return identity.resendRegistrationCode((request.params as { registrationId: string }).registrationId);
    },
  );

  app.post(
    '/accounts/first-password',
    {
      schema: {
        tags,
        summary: 'Set the first password of an account made at the police station',
        body: Type.Object({ personalId: PersonalIdText, code: OneTimeCode, password: Password }, closed),
      },
    },
    async (request, reply) => {
      const { personalId, code, password } = request.body as { personalId: string; code: string; password: string };
      await identity.setFirstPassword(personalId, code, password);
      return reply.code(204).send();
    },
  );

  app.post(
    '/accounts/unlock-requests',
    {
      schema: {
        tags,
        summary: 'Ask for a code to unlock an account its holder locked',
        body: Type.Object({ personalId: PersonalIdText, phone: Phone }, closed),
        response: { 202: Sent },
      },
    },
    async (request, reply) => {
      const { personalId, phone } = request.body as { personalId: string; phone: string };
      reply.code(202);
      return identity.requestUnlock(personalId, phone);
    },
  );

  app.post(
    '/accounts/unlock',
    {
      schema: {
        tags,
        summary: 'Unlock with the code',
        body: Type.Object({ personalId: PersonalIdText, code: OneTimeCode }, closed),
      },
    },
    async (request, reply) => {
      const { personalId, code } = request.body as { personalId: string; code: string };
      await identity.confirmUnlock(personalId, code);
      return reply.code(204).send();
    },
  );

  app.get('/me', { schema: { tags, summary: 'My eID account', response: { 200: AccountView } } }, async (request) =>
    identity.view(await holder(request)),
  );

  app.post(
    '/me/lock',
    { schema: { tags, summary: 'Lock my account', body: Type.Object({}, closed) } },
    async (request, reply) => {
      await identity.lockOwn((await holder(request)).accountId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/me/password',
    {
      schema: { tags, summary: 'Change my password', body: Type.Object({ current: Password, next: Password }, closed) },
    },
    async (request, reply) => {
      const { current, next } = request.body as { current: string; next: string };
      await identity.changePassword((await holder(request)).accountId, current, next);
      return reply.code(204).send();
    },
  );

  app.post(
    '/me/totp',
    {
      schema: {
        tags,
        summary: 'Start enrolling an authenticator app',
        body: Type.Object({}, closed),
        response: { 200: Type.Object({ secret: Type.String(), uri: Type.String() }, closed) },
      },
    },
    async (request) => identity.beginTotp((await holder(request)).accountId),
  );

  app.post(
    '/me/totp/confirmation',
    {
      schema: {
        tags,
        summary: 'Confirm the authenticator app with a code it shows',
        body: Type.Object({ secret: Type.String({ pattern: '^[A-Z2-7]{16,64}$' }), code: OneTimeCode }, closed),
      },
    },
    async (request, reply) => {
      const { secret, code } = request.body as { secret: string; code: string };
      await identity.confirmTotp((await holder(request)).accountId, secret, code);
      return reply.code(204).send();
    },
  );

  app.get(
    '/me/consents',
    {
      schema: {
        tags,
        summary: 'The applications I let see my data',
        response: { 200: Type.Object({ items: Type.Array(Consent) }, closed) },
      },
    },
    async (request) => ({
      items: await identity.listConsents((await holder(request)).accountId),
    }),
  );

  app.delete(
    '/me/consents/:grantId',
    {
      schema: {
        tags,
        summary: 'Withdraw a consent: the application gets no more data',
        params: Type.Object({ grantId: Type.String({ minLength: 1, maxLength: 100 }) }, closed),
      },
    },
    async (request, reply) => {
      await identity.revokeConsent((await holder(request)).accountId, (request.params as { grantId: string }).grantId);
      return reply.code(204).send();
    },
  );

  app.post(
    '/me/children',
    {
      schema: {
        tags,
        summary: 'Register an account for my child under 14',
        body: Type.Object({ personalId: PersonalIdText }, closed),
        response: { 201: Type.Object({ accountId: Type.String() }, closed) },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return identity.createChildAccount(await holder(request), (request.body as { personalId: string }).personalId);
    },
  );

  app.post(
    '/me/children/:accountId/lock',
    {
      schema: {
        tags,
        summary: "Lock or unlock my child's account",
        params: Type.Object({ accountId: Type.String({ format: 'uuid' }) }, closed),
        body: Type.Object({ locked: Type.Boolean() }, closed),
      },
    },
    async (request, reply) => {
      const { accountId } = request.params as { accountId: string };
      await identity.setChildLock(await holder(request), accountId, (request.body as { locked: boolean }).locked);
      return reply.code(204).send();
    },
  );
}
