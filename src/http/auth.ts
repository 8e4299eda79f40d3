import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { type Caller, type Identity, isAdmin, readCookie, SESSION_COOKIE } from '../identity/index.ts';
import { DomainError } from '../kernel/index.ts';
import type { AccessContext } from '../registry/index.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Turns a request into its caller; refuses one that carries no valid credential. */
export type CallerResolver = (request: FastifyRequest) => Promise<Caller & { csrfToken?: string }>;

/** Turns a request into the access context of a registry read; refuses callers without the right. */
export type AccessResolver = (request: FastifyRequest, purpose: string) => Promise<AccessContext>;

/**
 * Callers are people signed in to the web app (the session cookie, whose unsafe requests must echo the CSRF
 * token in `x-csrf-token`), or the bootstrap administrator token of first setup
 * (`Authorization: Bearer <token>`).
 */
export function callerResolver(identity: Identity): CallerResolver {
  return async (request) => {
    const header = request.headers.authorization;
    if (header) {
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match?.[1])
        throw new DomainError('UNAUTHENTICATED', 'Send the access token as "Authorization: Bearer <token>".');
      const actor = await identity.bootstrap.verify(match[1]);
      return { actor, roles: [BOOTSTRAP_ROLE], via: 'token' };
    }
    const token = readCookie(request, SESSION_COOKIE);
    if (!token) throw new DomainError('UNAUTHENTICATED', 'Sign in first.');
    const caller = await identity.callerFromSession(token);
    if (!caller) throw new DomainError('UNAUTHENTICATED', 'The session has ended: sign in again.');
    if (UNSAFE.has(request.method) && request.headers['x-csrf-token'] !== caller.csrfToken) {
      throw new DomainError('CSRF_TOKEN_INVALID', 'Send the x-csrf-token header given by GET /api/v1/session.');
    }
    return caller;
  };
}

const BOOTSTRAP_ROLE = {
  id: 0,
  role: 'admin' as const,
  agency: null,
  provinceId: null,
  communeId: null,
  grantedBy: 'bootstrap',
  grantedAt: new Date(0).toISOString(),
};

/**
 * Registry reads are for officers (any agency) and administrators; each read is logged with the caller,
 * the purpose given and the channel (`web` for the web app's session, `api` for a token).
 */
export function registryAccess(resolve: CallerResolver): AccessResolver {
  return async (request, purpose) => {
    const caller = await resolve(request);
    if (!isAdmin(caller) && !caller.roles.some((role) => role.role === 'officer')) {
      throw new DomainError('FORBIDDEN', 'Only officers and administrators may read the population registry.');
    }
    return { actor: caller.actor, purpose, channel: caller.via === 'session' ? 'web' : 'api', requestId: request.id };
  };
}

const Session = Type.Object({
  actor: Type.Object({ id: Type.String(), kind: Type.String(), name: Type.Optional(Type.String()) }),
  via: Type.Union([Type.Literal('session'), Type.Literal('token')]),
  account: Type.Optional(Type.Object({ id: Type.String(), personalId: Type.String(), acr: Type.String() })),
  roles: Type.Array(
    Type.Object({
      id: Type.Integer(),
      role: Type.String(),
      agency: Type.Union([Type.String(), Type.Null()]),
      communeId: Type.Union([Type.String(), Type.Null()]),
      provinceId: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  /** Echo it in `x-csrf-token` on POST, PUT, PATCH and DELETE (session callers only). */
  csrfToken: Type.Optional(Type.String()),
});

/**
 * `GET /api/v1/session`: who the presented credential stands for (401 when none is valid). Reads no
 * personal data, so nothing is logged: the web app uses it to learn who is signed in.
 */
export async function sessionRoutes(app: FastifyInstance, options: { caller: CallerResolver }): Promise<void> {
  app.get(
    '/session',
    {
      schema: {
        tags: ['session'],
        security: [{ bearer: [] }],
        summary: 'The caller behind the session cookie or access token',
        response: { 200: Session },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const caller = await options.caller(request);
      const { actor } = caller;
      return {
        actor: { id: actor.id, kind: actor.kind, ...(actor.name ? { name: actor.name } : {}) },
        via: caller.via,
        ...(caller.accountId && caller.personalId
          ? { account: { id: caller.accountId, personalId: caller.personalId, acr: caller.acr ?? '' } }
          : {}),
        roles: caller.roles.map(({ id, role, agency, communeId, provinceId }) => ({
          id,
          role,
          agency,
          communeId,
          provinceId,
        })),
        ...(caller.csrfToken ? { csrfToken: caller.csrfToken } : {}),
      };
    },
  );
}
