import { createHmac, randomInt, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Tx } from '../db/index.ts';
import { type Clock, DomainError } from '../kernel/index.ts';
import type { IdentityTables } from './tables.ts';

export type CodePurpose = 'registration' | 'sign_in' | 'unlock' | 'first_password';

/** A code lives 5 minutes and allows 5 wrong tries. */
export const CODE_TTL_MS = 5 * 60_000;
const MAX_ATTEMPTS = 5;

/**
 * Mã OTP — one-time codes of six digits sent by SMS. Only an HMAC of the code (keyed by a platform secret
 * and bound to its purpose and subject) is stored; a new code for the same purpose replaces the old one.
 */
export class OneTimeCodes {
  constructor(
    private readonly pepper: Buffer,
    private readonly clock: Clock,
  ) {}

  /** Makes a code for the subject (a registration or an account) and returns it, to be sent. */
  async issue(tx: Tx, purpose: CodePurpose, subject: string): Promise<{ code: string; expiresAt: Date }> {
    const db = tx.kysely.withTables<IdentityTables>();
    const now = this.clock.now();
    await db
      .updateTable('identity.one_time_code')
      .set({ consumed_at: now })
      .where('purpose', '=', purpose)
      .where('subject', '=', subject)
      .where('consumed_at', 'is', null)
      .execute();
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(now.getTime() + CODE_TTL_MS);
    await db
      .insertInto('identity.one_time_code')
      .values({
        id: randomUUID(),
        purpose,
        subject,
        code_hash: this.digest(purpose, subject, code),
        created_at: now,
        expires_at: expiresAt,
        attempts: 0,
        consumed_at: null,
      })
      .execute();
    return { code, expiresAt };
  }

  /**
   * Checks and consumes the live code of the subject.
   * @throws DomainError OTP_INVALID (with `attemptsLeft`), OTP_EXPIRED when none is live or it expired,
   *   OTP_TOO_MANY_ATTEMPTS after five wrong tries
   */
  async consume(tx: Tx, purpose: CodePurpose, subject: string, code: string): Promise<void> {
    const db = tx.kysely.withTables<IdentityTables>();
    const now = this.clock.now();
    const live = await db
      .selectFrom('identity.one_time_code')
      .selectAll()
      .where('purpose', '=', purpose)
      .where('subject', '=', subject)
      .where('consumed_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    if (!live || live.expires_at.getTime() <= now.getTime()) {
      throw new DomainError('OTP_EXPIRED', 'The code has expired or was replaced: ask for a new one.');
    }
    if (live.attempts >= MAX_ATTEMPTS) {
      throw new DomainError('OTP_TOO_MANY_ATTEMPTS', 'Too many wrong codes: ask for a new one.');
    }
    const expected = Buffer.from(live.code_hash);
    const given = this.digest(purpose, subject, /^\d{6}$/.test(code) ? code : '');
    if (!timingSafeEqual(expected, given)) {
      await db
        .updateTable('identity.one_time_code')
        .set({ attempts: live.attempts + 1 })
        .where('id', '=', live.id)
        .execute();
      const attemptsLeft = MAX_ATTEMPTS - live.attempts - 1;
      throw new DomainError('OTP_INVALID', 'The code is not right.', { attemptsLeft });
    }
    await db.updateTable('identity.one_time_code').set({ consumed_at: now }).where('id', '=', live.id).execute();
  }

  private digest(purpose: string, subject: string, code: string): Buffer {
    return createHmac('sha256', this.pepper).update(`${purpose}\n${subject}\n${code}`).digest();
  }
}
