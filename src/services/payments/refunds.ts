import type { Tx } from '../../db/index.ts';
import type { ServicesDeps } from '../context.ts';
import { store } from '../store.ts';

/**
 * Refunds the fee paid for a dossier whose work was not done (the compensation of the payment when the
 * dossier is refused or withdrawn). Returns whether there was a fee to refund.
 */
export async function refundPaid(deps: Pick<ServicesDeps, 'clock'>, tx: Tx, dossierId: string): Promise<boolean> {
  const paid = (await store.paymentsOf(tx, dossierId)).find((payment) => payment.state === 'paid');
  if (!paid) return false;
  await store.updatePayment(tx, paid.id, { state: 'refunded', refunded_at: deps.clock.now() });
  return true;
}
