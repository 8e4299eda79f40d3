/**
 * Security headers (CSP, HSTS, no-sniff, frame and referrer policies, …) on every answer, from helmet's
 * middleware built once at start. `@fastify/helmet` built the whole middleware again for every request —
 * parsing the CSP directives each time — which took about 5 % of the server thread's time in a CPU profile of API lookups by ID number.
 */
import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false` for routes that write their own answers and headers (the OpenID provider). */
    securityHeaders?: false;
  }
}

export function securityHeaders(app: FastifyInstance, options: HelmetOptions): void {
  const apply = helmet(options);
  app.addHook('onRequest', (request, reply, done) => {
    if (request.routeOptions.config.securityHeaders === false) return done();
    apply(request.raw, reply.raw, (error?: unknown) => done(error as Error | undefined));
  });
}
