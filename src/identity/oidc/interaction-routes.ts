import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { OneTimeCode, Password } from '../model.ts';
import type { Interactions } from './interactions.ts';

const closed = { additionalProperties: false } as const;
const Params = Type.Object({ uid: Type.String({ pattern: '^[A-Za-z0-9_-]{10,64}$' }) }, closed);
const Redirect = Type.Object({ redirectTo: Type.String() });
const Step = Type.Union([
  Redirect,
  Type.Object({
    next: Type.Literal('second_factor'),
    method: Type.Union([Type.Literal('sms'), Type.Literal('totp')]),
    sentTo: Type.Optional(Type.String()),
  }),
]);
const tags = ['sign-in'];

/**
 * The JSON endpoints behind the web app's sign-in and consent pages (`/interaction/:uid`). The provider's
 * interaction cookie is scoped to that path, so these live under it.
 */
export async function interactionRoutes(app: FastifyInstance, options: { interactions: Interactions }): Promise<void> {
  const { interactions } = options;
  const origin = (request: FastifyRequest) => ({ address: request.ip, requestId: request.id });

  app.get(
    '/interaction/:uid/details',
    { schema: { tags, summary: 'What the sign-in or consent page shows', params: Params } },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return interactions.view(request.raw, reply.raw);
    },
  );

  app.post(
    '/interaction/:uid/password',
    {
      schema: {
        tags,
        summary: 'Sign in with personal ID number and password',
        params: Params,
        body: Type.Object({ personalId: Type.String({ minLength: 1, maxLength: 20 }), password: Password }, closed),
        response: { 200: Step },
      },
    },
    async (request, reply) => {
      const { personalId, password } = request.body as { personalId: string; password: string };
      return interactions.password(request.raw, reply.raw, personalId, password, origin(request));
    },
  );

  app.post(
    '/interaction/:uid/second-factor',
    {
      schema: {
        tags,
        summary: 'The one-time code of a level-2 sign-in',
        params: Params,
        body: Type.Object({ code: OneTimeCode }, closed),
        response: { 200: Step },
      },
    },
    async (request, reply) =>
      interactions.secondFactor(request.raw, reply.raw, (request.body as { code: string }).code, origin(request)),
  );

  app.post(
    '/interaction/:uid/resend-code',
    { schema: { tags, summary: 'Send a new sign-in code', params: Params, body: Type.Object({}, closed) } },
    async (request, reply) => interactions.resendCode(request.raw, reply.raw),
  );

  app.post(
    '/interaction/:uid/consent',
    {
      schema: {
        tags,
        summary: 'Approve sharing what the application asked for',
        params: Params,
        body: Type.Object({}, closed),
        response: { 200: Redirect },
      },
    },
    async (request, reply) => interactions.consent(request.raw, reply.raw),
  );

  app.post(
    '/interaction/:uid/abort',
    {
      schema: {
        tags,
        summary: 'Decline: the application gets access_denied',
        params: Params,
        body: Type.Object({}, closed),
        response: { 200: Redirect },
      },
    },
    async (request, reply) => interactions.abort(request.raw, reply.raw),
  );
}
