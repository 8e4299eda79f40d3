import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Caller } from '../identity/index.ts';
import type { PaymentCallback } from './payments/provider.ts';
import type { PublicServices } from './public-services.ts';

export interface PaymentRoutesOptions {
  readonly services: PublicServices;
  readonly caller: (request: FastifyRequest) => Promise<Caller>;
}

const closed = { additionalProperties: false } as const;
const security = [{ bearer: [] }];
const Id = Type.String({ maxLength: 64 });
const PaymentState = Type.Union([
  Type.Literal('pending'),
  Type.Literal('paid'),
  Type.Literal('cancelled'),
  Type.Literal('refunded'),
]);

/**
 * Under `/api/v1`: paying a dossier's fee, the provider's signed callback, and the built-in sandbox provider's
 * payment page (which stands for a bank's).
 */
export async function paymentRoutes(app: FastifyInstance, options: PaymentRoutesOptions): Promise<void> {
  const { services, caller } = options;

  app.post(
    '/dossiers/:id/payments',
    {
      schema: {
        tags: ['payments'],
        security,
        summary: "Start paying a dossier's fee: where to pay",
        params: Type.Object({ id: Id }, closed),
        body: Type.Object({}, closed),
        response: { 201: Type.Object({ paymentId: Type.String(), redirectUrl: Type.String() }) },
      },
    },
    async (request, reply) => {
      const started = await services.startPayment(await caller(request), (request.params as { id: string }).id);
      return reply.code(201).send(started);
    },
  );

  app.post(
    '/payments/callback',
    {
      schema: {
        tags: ['payments'],
        summary: "The payment provider's signed callback",
        body: Type.Object(
          {
            paymentId: Type.String({ format: 'uuid' }),
            status: Type.Union([Type.Literal('paid'), Type.Literal('cancelled')]),
            amountVnd: Type.Integer({ minimum: 1 }),
            providerReference: Type.String({ minLength: 1, maxLength: 100 }),
            signature: Type.String({ maxLength: 128 }),
          },
          closed,
        ),
        response: { 200: Type.Object({ state: PaymentState }) },
      },
    },
    async (request) => services.handleCallback(request.body as PaymentCallback),
  );

  app.get(
    '/payments/sandbox/:paymentId',
    {
      schema: {
        tags: ['payments'],
        security,
        summary: "The sandbox provider's payment page: what is paid",
        params: Type.Object({ paymentId: Id }, closed),
        response: {
          200: Type.Object({
            paymentId: Type.String(),
            amountVnd: Type.Integer(),
            merchant: Type.String(),
            description: Type.String(),
            state: PaymentState,
            dossierId: Type.String(),
          }),
        },
      },
    },
    async (request) =>
      services.sandboxPayment(await caller(request), (request.params as { paymentId: string }).paymentId),
  );

  app.post(
    '/payments/sandbox/:paymentId/complete',
    {
      schema: {
        tags: ['payments'],
        security,
        summary: 'The sandbox bank settles the payment, or the payer cancels it',
        params: Type.Object({ paymentId: Id }, closed),
        body: Type.Object({ outcome: Type.Union([Type.Literal('paid'), Type.Literal('cancelled')]) }, closed),
        response: { 200: Type.Object({ returnUrl: Type.String(), state: PaymentState }) },
      },
    },
    async (request) => {
      const { paymentId } = request.params as { paymentId: string };
      const { outcome } = request.body as { outcome: 'paid' | 'cancelled' };
      return services.completeSandboxPayment(await caller(request), paymentId, outcome);
    },
  );
}
