import type { Tx } from '../db/index.ts';
import type { ServicesDeps } from './context.ts';
import type { DossierState } from './model.ts';
import { type DossierRow, store } from './store.ts';

/** Thông báo — what the applicant is told when their dossier changes, in the app and by SMS. */
const STATE_TEXT: Record<DossierState, string> = {
  awaiting_payment: 'đang chờ nộp lệ phí',
  received: 'đã được tiếp nhận',
  in_progress: 'đang được giải quyết',
  supplement_requested: 'cần bổ sung giấy tờ',
  done: 'đã giải quyết xong',
  refused: 'bị từ chối',
  withdrawn: 'đã được rút',
};

/**
 * Tells the applicant, in the transaction of the change: an in-app notice and an SMS through the messages
 * outbox. The text names the receipt code and the state, never personal data.
 */
export async function notifyApplicant(
  deps: Pick<ServicesDeps, 'identity' | 'messages' | 'clock'>,
  tx: Tx,
  dossier: Pick<DossierRow, 'id' | 'receipt_code' | 'applicant_account_id'>,
  state: DossierState,
  detail?: string,
): Promise<void> {
  const title = `Hồ sơ ${dossier.receipt_code} ${STATE_TEXT[state]}`;
  const body = detail ? `${title}. ${detail}` : `${title}.`;
  await store.insertNotification(tx, {
    account_id: dossier.applicant_account_id,
    dossier_id: dossier.id,
    title,
    body,
    created_at: deps.clock.now(),
    read_at: null,
  });
  const phone = await deps.identity.noticePhone(dossier.applicant_account_id, tx);
  if (phone) {
    await deps.messages.enqueue(tx, {
      channel: 'sms',
      recipient: phone,
      kind: 'dossier.changed',
      body: `dancu: ${body}`.slice(0, 2000),
      ttlSeconds: 86_400,
    });
  }
}
