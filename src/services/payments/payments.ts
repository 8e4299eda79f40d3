/** Lệ phí — paying a dossier's fee through the payment port, and the provider's signed callback. */
import { randomUUID } from 'node:crypto';
import type { Caller } from '../../identity/index.ts';
import { DomainError, vietnamDate } from '../../kernel/index.ts';
import { getDossier, type ServicesDeps } from '../context.ts';
import { asApplicant } from '../dossiers.ts';
import { type PaymentRow, store } from '../store.ts';
import { receive, recordHistory } from '../workflow/engine.ts';
import type { PaymentCallback, PaymentProvider, SandboxPaymentProvider } from './provider.ts';

export interface PaymentsDeps extends ServicesDeps {
  readonly payments: PaymentProvider;
}

/**
 * Starts paying the fee of one of the applicant's dossiers: a pending payment and where to pay it.
 * @throws DomainError DOSSIER_NOT_FOUND, PAYMENT_ALREADY_MADE, PAYMENT_NOT_DUE
 */
export async function startPayment(
  deps: PaymentsDeps,
  caller: Caller,
  dossierId: string,
): Promise<{ paymentId: string; redirectUrl: string }> {
  const applicant = asApplicant(caller);
  const own = await getDossier(deps.db, dossierId);
  if (own.applicant_account_id !== applicant.accountId)
    throw new DomainError('DOSSIER_NOT_FOUND', 'No dossier has this id.');
  return deps.db.transaction(async (tx) => {
    const dossier = await store.findDossier(tx, dossierId, true);
    const payments = await store.paymentsOf(tx, dossierId);
    if (payments.some((payment) => payment.state === 'paid' || payment.state === 'refunded')) {
      throw new DomainError('PAYMENT_ALREADY_MADE', 'The fee of this dossier is already paid.');
    }
    if (dossier?.state !== 'awaiting_payment' || dossier.fee_vnd === 0) {
      throw new DomainError('PAYMENT_NOT_DUE', 'No fee is due for this dossier.');
    }
    const id = randomUUID();
    await store.insertPayment(tx, {
      id,
      dossier_id: dossierId,
      provider: deps.payments.name,
      amount_vnd: dossier.fee_vnd,
      state: 'pending',
      created_at: deps.clock.now(),
      provider_reference: null,
      paid_at: null,
      receipt_number: null,
      refunded_at: null,
    });
    return { paymentId: id, redirectUrl: deps.payments.redirectUrl(id) };
  });
}

/**
 * The provider's callback: with a valid signature, a paid payment settles the fee (the dossier is received and
 * its time limit starts) and a cancelled one ends. The same callback twice is answered the same way.
 * @throws DomainError PAYMENT_SIGNATURE_INVALID, PAYMENT_NOT_FOUND, PAYMENT_AMOUNT_MISMATCH, PAYMENT_ALREADY_MADE
 */
export async function handleCallback(
  deps: PaymentsDeps,
  callback: PaymentCallback,
): Promise<{ state: PaymentRow['state'] }> {
  if (!deps.payments.verify(callback)) {
    throw new DomainError('PAYMENT_SIGNATURE_INVALID', 'The callback is not signed by the payment provider.');
  }
  return deps.db.transaction(async (tx) => {
    const payment = await store.findPayment(tx, callback.paymentId, true);
    if (!payment) throw new DomainError('PAYMENT_NOT_FOUND', 'No payment has this id.');
    if (payment.amount_vnd !== callback.amountVnd) {
      throw new DomainError('PAYMENT_AMOUNT_MISMATCH', 'The amount paid is not the fee asked.');
    }
    if (payment.state !== 'pending') {
      const same =
        payment.state === 'paid' &&
        callback.status === 'paid' &&
        payment.provider_reference === callback.providerReference;
      if (same || (payment.state === 'cancelled' && callback.status === 'cancelled')) return { state: payment.state };
      throw new DomainError('PAYMENT_ALREADY_MADE', 'This payment is already settled.');
    }
    const dossier = await store.findDossier(tx, payment.dossier_id, true);
    if (!dossier) throw new DomainError('PAYMENT_NOT_FOUND', 'No payment has this id.');
    if (callback.status === 'cancelled') {
      await store.updatePayment(tx, payment.id, { state: 'cancelled', provider_reference: callback.providerReference });
      return { state: 'cancelled' as const };
    }
    const settled = (await store.paymentsOf(tx, dossier.id)).some(
      (row) => row.state === 'paid' || row.state === 'refunded',
    );
    if (settled || dossier.state !== 'awaiting_payment') {
      throw new DomainError('PAYMENT_ALREADY_MADE', 'The fee of this dossier is already paid.');
    }
    const now = deps.clock.now();
    await store.updatePayment(tx, payment.id, {
      state: 'paid',
      provider_reference: callback.providerReference,
      paid_at: now,
      receipt_number: `BL-${vietnamDate(now).replaceAll('-', '')}-${payment.id.slice(0, 8).toUpperCase()}`,
    });
    await recordHistory(deps, tx, dossier, {
      kind: 'paid',
      state: dossier.state,
      actor: { id: `payment:${payment.provider}`, name: 'Cổng thanh toán' },
      details: { amountVnd: payment.amount_vnd },
    });
    await receive(deps, tx, dossier, await store.stepsOf(tx, dossier.id, true));
    return { state: 'paid' as const };
  });
}

/** What the sandbox payment page shows. @throws DomainError PAYMENT_NOT_FOUND (also for another's payment) */
export async function sandboxPayment(deps: PaymentsDeps, caller: Caller, paymentId: string) {
  const { payment, dossier } = await ownPayment(deps, caller, paymentId);
  return {
    paymentId,
    amountVnd: payment.amount_vnd,
    merchant: 'Cổng Dịch vụ công – dancu',
    description: `Lệ phí hồ sơ ${dossier.receipt_code}`,
    state: payment.state,
    dossierId: dossier.id,
  };
}

/**
 * The sandbox bank settles (or the payer cancels) a payment: its signed callback is delivered as the bank's
 * server would deliver it. Returns where the payer goes back to.
 */
export async function completeSandboxPayment(
  deps: PaymentsDeps & { payments: SandboxPaymentProvider },
  caller: Caller,
  paymentId: string,
  outcome: 'paid' | 'cancelled',
): Promise<{ returnUrl: string; state: PaymentRow['state'] }> {
  const { payment, dossier } = await ownPayment(deps, caller, paymentId);
  const reference = `SBX-${payment.id.slice(0, 8).toUpperCase()}`;
  const callback = deps.payments.callback({ id: payment.id, amountVnd: payment.amount_vnd }, outcome, reference);
  const { state } = await handleCallback(deps, callback);
  return { returnUrl: `/citizen/dossiers/${dossier.id}`, state };
}

async function ownPayment(deps: PaymentsDeps, caller: Caller, paymentId: string) {
  const applicant = asApplicant(caller);
  const payment = /^[0-9a-f-]{36}$/.test(paymentId) ? await store.findPayment(deps.db, paymentId) : undefined;
  const dossier = payment && (await getDossier(deps.db, payment.dossier_id));
  if (!payment || !dossier || dossier.applicant_account_id !== applicant.accountId) {
    throw new DomainError('PAYMENT_NOT_FOUND', 'No payment has this id.');
  }
  return { payment, dossier };
}
