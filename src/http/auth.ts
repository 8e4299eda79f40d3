import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { AccessChannel } from '../audit/index.ts';
import type { BootstrapTokens } from '../identity/index.ts';
import { DomainError } from '../kernel/index.ts';
import type { AccessContext } from '../registry/index.ts';

/** Turns a request into the access context of its caller; refuses one that carries no valid credential. */
export type AccessResolver = (request: FastifyRequest, purpose: string) => Promise<AccessContext>;

/**
 * Callers authenticate with `Authorization: Bearer <token>`. Until accounts and sign-in exist, the only
 * credential is the bootstrap administrator token printed on first start.
 */
export function bearerAccess(tokens: BootstrapTokens, channel: AccessChannel = 'api'): AccessResolver {
  return async (request, purpose) => {
    const header = request.headers.authorization;
    const match = header ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new DomainError('UNAUTHENTICATED', 'Send the access token as "Authorization: Bearer <token>".');
    }
    const actor = await tokens.verify(match[1]);
    return { actor, purpose, channel, requestId: request.id };
  };
}

const Session = Type.Object({
  actor: Type.Object({ id: Type.String(), kind: Type.String(), name: Type.Optional(Type.String()) }),
});

/**
 * `GET /api/v1/session`: who the presented credential stands for (401 when none is valid). Reads no
 * personal data, so nothing is logged: the web app uses it to check a token at sign-in.
 */
export async function sessionRoutes(app: FastifyInstance, options: { access: AccessResolver }): Promise<void> {
  app.get(
    '/session',
    {
      schema: {
        tags: ['session'],
        security: [{ bearer: [] }],
        summary: 'The caller behind the presented access token',
        response: { 200: Session },
      },
    },
    async (request) => {
      const { actor } = await options.access(request, 'session');
      return { actor: { id: actor.id, kind: actor.kind, ...(actor.name ? { name: actor.name } : {}) } };
    },
  );
}
