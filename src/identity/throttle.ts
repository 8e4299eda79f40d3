import type { Database } from '../db/index.ts';
import { type Clock, DomainError } from '../kernel/index.ts';
import type { IdentityTables } from './tables.ts';

/** Limits of failed sign-ins in a window, after which the key is blocked for the same time. */
export interface ThrottleLimits {
  readonly perAccount: number;
  readonly perAddress: number;
  readonly windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleLimits = { perAccount: 5, perAddress: 20, windowMs: 15 * 60_000 };

/**
 * Throttles failed sign-ins per account and per client address, so that neither one password against many
 * accounts nor many passwords against one account gets far. Counts live in the database, shared by all nodes.
 */
export class SignInThrottle {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
    private readonly limits: ThrottleLimits = DEFAULT_THROTTLE,
  ) {}

  /**
   * @throws DomainError SIGN_IN_THROTTLED (with `retryAfterSeconds`) while the account or address is blocked
   */
  async assertAllowed(accountKey: string, address: string): Promise<void> {
    const now = this.clock.now().getTime();
    const rows = await this.tables
      .selectFrom('identity.sign_in_throttle')
      .select(['key', 'blocked_until'])
      .where('key', 'in', [accountKey, addressKey(address)])
      .execute();
    const until = Math.max(0, ...rows.map((row) => row.blocked_until?.getTime() ?? 0));
    if (until > now) {
      throw new DomainError('SIGN_IN_THROTTLED', 'Too many failed sign-ins: wait before trying again.', {
        retryAfterSeconds: Math.ceil((until - now) / 1000),
      });
    }
  }

  /** Counts a failure against the account and the address. */
  async recordFailure(accountKey: string, address: string): Promise<void> {
    await this.bump(accountKey, this.limits.perAccount);
    await this.bump(addressKey(address), this.limits.perAddress);
  }

  /** A successful sign-in clears the account's count (not the address's). */
  async recordSuccess(accountKey: string): Promise<void> {
    await this.tables.deleteFrom('identity.sign_in_throttle').where('key', '=', accountKey).execute();
  }

  private get tables() {
    return this.db.kysely.withTables<IdentityTables>();
  }

  private async bump(key: string, limit: number): Promise<void> {
    const now = this.clock.now();
    const windowStart = new Date(now.getTime() - this.limits.windowMs);
    const blockUntil = new Date(now.getTime() + this.limits.windowMs);
    // One statement: a new window when the old one is over, otherwise one more failure; block at the limit.
    await this.db.query(
      `insert into identity.sign_in_throttle as t (key, failures, window_started_at, blocked_until)
       values ($1, 1, $2, case when 1 >= $4 then $5::timestamptz end)
       on conflict (key) do update set
         failures = case when t.window_started_at < $3 then 1 else t.failures + 1 end,
         window_started_at = case when t.window_started_at < $3 then $2 else t.window_started_at end,
         blocked_until = case
           when (case when t.window_started_at < $3 then 1 else t.failures + 1 end) >= $4 then $5::timestamptz
           else t.blocked_until end`,
      [key, now, windowStart, limit, blockUntil],
    );
  }
}

/** The throttle key of a client address. */
function addressKey(address: string): string {
  return `address:${address}`;
}

/** The throttle key of an account, by the personal ID number typed at sign-in (known account or not). */
export function accountKey(personalId: string): string {
  return `account:${personalId}`;
}
