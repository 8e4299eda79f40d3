import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Caller } from '../identity/index.ts';
import { Decision, Dossier, QueueItem, StepState } from './model.ts';
import type { PublicServices } from './public-services.ts';

export interface AgencyRoutesOptions {
  readonly services: PublicServices;
  readonly caller: (request: FastifyRequest) => Promise<Caller>;
}

const closed = { additionalProperties: false } as const;
const security = [{ bearer: [] }];
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) }, closed);
const StepParams = Type.Object(
  { id: Type.String({ maxLength: 64 }), step: Type.String({ pattern: '^[a-z][a-z0-9_]{0,59}$' }) },
  closed,
);
type StepParams = { id: string; step: string };

/** Under `/api/v1/agency`: the officers' work queue and their acts on dossiers. */
export async function agencyRoutes(app: FastifyInstance, options: AgencyRoutesOptions): Promise<void> {
  const { services, caller } = options;

  app.get(
    '/queue',
    {
      schema: {
        tags: ['agency'],
        security,
        summary: "The steps waiting for the officer's agencies in their jurisdiction, most urgent first",
        querystring: Type.Object({ state: Type.Optional(StepState), overdue: Type.Optional(Type.Boolean()) }, closed),
        response: { 200: Type.Object({ items: Type.Array(QueueItem) }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const query = request.query as { state?: StepState; overdue?: boolean };
      return { items: await services.queue(await caller(request), query) };
    },
  );

  app.get(
    '/dossiers/:id',
    {
      schema: {
        tags: ['agency'],
        security,
        summary: 'A dossier one of whose steps the officer handles (logged)',
        params: IdParams,
        response: { 200: Dossier },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return services.officerView(await caller(request), (request.params as { id: string }).id, request.id);
    },
  );

  app.post(
    '/dossiers/:id/steps/:step/claim',
    {
      schema: {
        tags: ['agency'],
        security,
        summary: 'Take a step from the queue',
        params: StepParams,
        body: Type.Object({}, closed),
        response: { 200: Dossier },
      },
    },
    async (request) => {
      const { id, step } = request.params as StepParams;
      return services.claim(await caller(request), id, step);
    },
  );

  app.post(
    '/dossiers/:id/steps/:step/hand-on',
    {
      schema: {
        tags: ['agency'],
        security,
        summary: "Hand a step on: back to the queue, or to a colleague's account",
        params: StepParams,
        body: Type.Object(
          {
            toAccountId: Type.Optional(Type.String({ format: 'uuid' })),
            note: Type.Optional(Type.String({ maxLength: 1000 })),
          },
          closed,
        ),
        response: { 200: Dossier },
      },
    },
    async (request) => {
      const { id, step } = request.params as StepParams;
      const body = request.body as { toAccountId?: string; note?: string };
      return services.handOn(await caller(request), id, step, {
        ...(body.toAccountId ? { accountId: body.toAccountId } : {}),
        ...(body.note ? { note: body.note } : {}),
      });
    },
  );

  app.post(
    '/dossiers/:id/steps/:step/decision',
    {
      schema: {
        tags: ['agency'],
        security,
        summary: 'Approve, refuse or ask for a supplement; the same decision twice changes nothing',
        params: StepParams,
        body: Decision,
        response: { 200: Dossier },
      },
    },
    async (request) => {
      const { id, step } = request.params as StepParams;
      return services.decide(await caller(request), id, step, request.body as Decision);
    },
  );
}
