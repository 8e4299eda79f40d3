import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** OpenAPI 3.1 built from the route schemas: the document at `/api/docs/json`, a browsable page at `/api/docs`. */
export async function apiDocs(app: FastifyInstance, options: { version: string }): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'dancu API',
        version: options.version,
        description:
          'Population registry, electronic identity and once-only public services. Errors are RFC 9457 problems ' +
          'with a stable `code` (see docs/errors.md).',
      },
      components: {
        securitySchemes: {
          bearer: {
            type: 'http',
            scheme: 'bearer',
            description: 'Access token (the bootstrap administrator token for now)',
          },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
}
