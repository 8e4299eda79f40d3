import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a payment provider tells the platform about a payment (its server calls back, signed). */
export interface PaymentCallback {
  readonly paymentId: string;
  readonly status: 'paid' | 'cancelled';
  readonly amountVnd: number;
  /** The provider's own reference of the transaction. */
  readonly providerReference: string;
  /** Hex HMAC-SHA256 of the other fields, with the secret shared with the provider. */
  readonly signature: string;
}

/** Cổng thanh toán — a payment provider: where the payer goes, and how its callbacks are checked. */
export interface PaymentProvider {
  readonly name: string;
  /** Where the applicant is sent to pay. */
  redirectUrl(paymentId: string): string;
  /** Whether the callback carries the provider's signature. */
  verify(callback: PaymentCallback): boolean;
}

/**
 * The built-in sandbox provider: a payment page of the platform's own (`/payments/sandbox/:id`) stands for the
 * bank's; completing it produces the callback the bank's server would send, signed with the shared secret.
 */
export class SandboxPaymentProvider implements PaymentProvider {
  readonly name = 'sandbox';

  constructor(
    private readonly secret: Buffer,
    private readonly publicUrl: string,
  ) {}

  redirectUrl(paymentId: string): string {
    return `${this.publicUrl}/payments/sandbox/${paymentId}`;
  }

  verify(callback: PaymentCallback): boolean {
    const expected = Buffer.from(this.sign(callback), 'hex');
    const given = /^[0-9a-f]{64}$/.test(callback.signature) ? Buffer.from(callback.signature, 'hex') : Buffer.alloc(0);
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  /** The callback the sandbox bank sends for a payment it settled or the payer cancelled. */
  callback(
    payment: { id: string; amountVnd: number },
    status: PaymentCallback['status'],
    reference: string,
  ): PaymentCallback {
    const fields = { paymentId: payment.id, status, amountVnd: payment.amountVnd, providerReference: reference };
    return { ...fields, signature: this.sign(fields) };
  }

  private sign(fields: Omit<PaymentCallback, 'signature'>): string {
    const text = [fields.paymentId, fields.status, String(fields.amountVnd), fields.providerReference].join('|');
    return createHmac('sha256', this.secret).update(text).digest('hex');
  }
}
