import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { OutboxMessage } from './model.ts';
import type { Messages } from './outbox.ts';

/**
 * `GET /api/v1/dev/inbox`: the developer inbox of the embedded mode, where one-time codes and notices can be
 * read instead of reaching a phone. Registered only when the configuration enables it (never in production).
 */
export async function devInboxRoutes(app: FastifyInstance, options: { messages: Messages }): Promise<void> {
  app.get(
    '/dev/inbox',
    {
      schema: {
        tags: ['developer'],
        summary: 'Messages the platform sent (embedded mode only)',
        querystring: Type.Object(
          {
            recipient: Type.Optional(Type.String({ minLength: 3, maxLength: 254 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(OutboxMessage) }) },
      },
    },
    async (request, reply) => {
      const { recipient, limit } = request.query as { recipient?: string; limit?: number };
      reply.header('cache-control', 'no-store');
      return { items: await options.messages.latest(limit ?? 50, recipient) };
    },
  );
}
