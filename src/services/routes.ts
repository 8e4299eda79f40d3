import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Caller } from '../identity/index.ts';
import { Dossier, DossierSummary, Form, NewDossier, Notification, Procedure } from './model.ts';
import type { PublicServices } from './public-services.ts';

export interface ServiceRoutesOptions {
  readonly services: PublicServices;
  /** Resolves the signed-in caller; throws UNAUTHENTICATED. */
  readonly caller: (request: FastifyRequest) => Promise<Caller>;
}

const closed = { additionalProperties: false } as const;
const security = [{ bearer: [] }];
const CodeParams = Type.Object({ code: Type.String({ pattern: '^[a-z0-9-]{1,60}$' }) }, closed);
const IdParams = Type.Object({ id: Type.String({ maxLength: 64 }) }, closed);
const NoticeParams = Type.Object({ id: Type.Integer({ minimum: 1 }) }, closed);
const Reason = Type.String({ minLength: 1, maxLength: 1000, pattern: '\\S' });

/**
 * Under `/api/v1`: the procedure catalogue (public), and the signed-in citizen's dossiers and notices.
 */
export async function serviceRoutes(app: FastifyInstance, options: ServiceRoutesOptions): Promise<void> {
  const { services, caller } = options;

  app.get(
    '/services/procedures',
    {
      schema: {
        tags: ['services'],
        summary: 'The procedure catalogue; `q` searches names without minding accents',
        querystring: Type.Object({ q: Type.Optional(Type.String({ maxLength: 100 })) }, closed),
        response: { 200: Type.Object({ items: Type.Array(Procedure) }) },
      },
    },
    async (request) => ({ items: services.catalogue.list((request.query as { q?: string }).q ?? '') }),
  );

  app.get(
    '/services/procedures/:code',
    {
      schema: {
        tags: ['services'],
        summary: 'One procedure: form, documents, steps',
        params: CodeParams,
        response: { 200: Procedure },
      },
    },
    async (request) => services.catalogue.get((request.params as { code: string }).code),
  );

  app.get(
    '/services/procedures/:code/prefill',
    {
      schema: {
        tags: ['services'],
        security,
        summary: "The procedure's form pre-filled from the registry for the signed-in citizen",
        params: CodeParams,
        response: { 200: Type.Object({ form: Form }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { form: await services.prefill(await caller(request), (request.params as { code: string }).code) };
    },
  );

  app.post(
    '/dossiers',
    {
      schema: { tags: ['services'], security, summary: 'File a dossier', body: NewDossier, response: { 201: Dossier } },
    },
    async (request, reply) => {
      const dossier = await services.submit(await caller(request), request.body as NewDossier);
      return reply.code(201).header('cache-control', 'no-store').send(dossier);
    },
  );

  app.get(
    '/dossiers',
    {
      schema: {
        tags: ['services'],
        security,
        summary: "The signed-in citizen's dossiers",
        response: { 200: Type.Object({ items: Type.Array(DossierSummary) }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { items: await services.listMine(await caller(request)) };
    },
  );

  app.get(
    '/dossiers/:id',
    {
      schema: {
        tags: ['services'],
        security,
        summary: 'One of my dossiers',
        params: IdParams,
        response: { 200: Dossier },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return services.getMine(await caller(request), (request.params as { id: string }).id);
    },
  );

  app.post(
    '/dossiers/:id/supplement',
    {
      schema: {
        tags: ['services'],
        security,
        summary: 'Answer a supplement request',
        params: IdParams,
        body: Type.Object({ note: Reason, form: Type.Optional(Form) }, closed),
        response: { 200: Dossier },
      },
    },
    async (request) => {
      const body = request.body as { note: string; form?: Form };
      return services.answerSupplement(await caller(request), (request.params as { id: string }).id, body);
    },
  );

  app.post(
    '/dossiers/:id/withdraw',
    {
      schema: {
        tags: ['services'],
        security,
        summary: 'Withdraw a dossier no agency has settled a step of',
        params: IdParams,
        body: Type.Object({ reason: Reason }, closed),
        response: { 200: Dossier },
      },
    },
    async (request) =>
      services.withdraw(
        await caller(request),
        (request.params as { id: string }).id,
        (request.body as { reason: string }).reason,
      ),
  );

  app.get(
    '/notifications',
    {
      schema: {
        tags: ['services'],
        security,
        summary: "The signed-in citizen's notices about their dossiers",
        response: { 200: Type.Object({ items: Type.Array(Notification) }) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      return { items: await services.notifications(await caller(request)) };
    },
  );

  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags: ['services'],
        security,
        summary: 'Mark a notice read',
        params: NoticeParams,
        body: Type.Object({}, closed),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      await services.markRead(await caller(request), (request.params as { id: number }).id);
      return reply.code(204).send();
    },
  );
}
