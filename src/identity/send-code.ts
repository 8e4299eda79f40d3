import type { Tx } from '../db/index.ts';
import { type IdentityDeps, maskPhone } from './context.ts';
import { CODE_TTL_MS, type CodePurpose } from './one-time-codes.ts';

// SMS one-time codes are written without diacritics, so that they fit one GSM-7 message (160 characters).
const TEXT: Record<CodePurpose, string> = {
  registration: 'Ma xac thuc dang ky tai khoan dinh danh dien tu',
  sign_in: 'Ma xac thuc dang nhap tai khoan dinh danh dien tu',
  unlock: 'Ma xac thuc mo khoa tai khoan dinh danh dien tu',
  first_password: 'Tai khoan dinh danh dien tu muc 2 da duoc kich hoat. Ma dat mat khau',
};

/**
 * Makes a one-time code for the subject and queues the SMS that carries it, in the caller's transaction.
 * Returns the masked phone and when the code expires.
 */
export async function sendCode(
  deps: Pick<IdentityDeps, 'codes' | 'messages'>,
  tx: Tx,
  purpose: CodePurpose,
  subject: string,
  phone: string,
): Promise<{ sentTo: string; expiresAt: Date }> {
  const { code, expiresAt } = await deps.codes.issue(tx, purpose, subject);
  await deps.messages.enqueue(tx, {
    channel: 'sms',
    recipient: phone,
    kind: `otp.${purpose}`,
    body: `${TEXT[purpose]}: ${code}. Hieu luc 5 phut. Khong cung cap ma nay cho bat ky ai.`,
    ttlSeconds: CODE_TTL_MS / 1000,
  });
  return { sentTo: maskPhone(phone), expiresAt };
}
