import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type Provider from 'oidc-provider';

/**
 * Mounts the OpenID provider at `/oidc`. The provider reads its own request bodies, so this scope parses
 * none, and answers on the raw response (Fastify steps aside).
 */
export async function providerRoutes(app: FastifyInstance, options: { provider: Provider }): Promise<void> {
  const callback = options.provider.callback();
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', (_request, _payload, done) => done(null));
  const handler = async (request: FastifyRequest, reply: FastifyReply) => {
    reply.hijack();
    const raw = request.raw as typeof request.raw & { originalUrl?: string };
    raw.originalUrl = raw.url;
    raw.url = (raw.url ?? '/').slice('/oidc'.length) || '/';
    await callback(raw, reply.raw);
  };
  const config = { streamBody: true, securityHeaders: false as const };
  // The provider writes its own answers (and its pages set their own CSP): the app's header hooks would only
  // compute headers that are never sent.
  const route = { method: ['GET', 'POST', 'OPTIONS'], handler, config, schema: { hide: true } };
  app.route({ ...route, url: '/oidc' });
  app.route({ ...route, url: '/oidc/*' });
}
