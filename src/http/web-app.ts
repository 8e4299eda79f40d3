import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { sendProblem } from './problems.ts';

/** Paths the web app never owns: they answer with problems, not with the app shell. */
const SERVER_PATHS = /^\/(api|oidc|auth|health|ready|metrics)(\/|$)/;

/**
 * Serves the built React app (`dist/web`) and answers every other GET that wants HTML with its
 * `index.html`, so that the app's router handles deep links and shows its own not-found page.
 */
export async function webAppRoutes(app: FastifyInstance, options: { root: string }): Promise<void> {
  const built = existsSync(join(options.root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: options.root, wildcard: false, index: false, maxAge: '1h' });
  }

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const wantsHtml = request.method === 'GET' && (request.headers.accept ?? '').includes('text/html');
    if (!wantsHtml || SERVER_PATHS.test(path) || /\.[a-z0-9]+$/i.test(path)) {
      return sendProblem(request, reply, 'ROUTE_NOT_FOUND', `${request.method} ${path} does not exist.`);
    }
    if (!built) {
      return sendProblem(request, reply, 'WEB_APP_NOT_BUILT', 'Run `npm run build:web`, then reload.');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
