/**
 * Hạn mức — the limits of a partner's contract on this node: the monthly quota, counted from the access log
 * (`countChecks`) and the checks admitted here, and the rate per second.
 */
import { type Clock, DomainError } from '../kernel/index.ts';
import { monthOf, secondsToNextMonth } from './metering.ts';

/** A partner's count for a month on this node. */
interface QuotaEntry {
  readonly month: string;
  /** Checks in the log and rows reserved by batch jobs when they were last read. */
  readonly base: number;
  /** Checks counted on top of `base`: those in flight at the read, and those admitted here since. */
  admitted: number;
  readonly seededAt: number;
}

/** What a partner has used of a month's quota: its checks in the log and the rows its unfinished jobs reserve. */
export type QuotaUse = (partnerId: string, month: string) => Promise<number>;

/**
 * Monthly quotas, enforced per node: the count is seeded from what the partner used (`QuotaUse`: the access
 * log's checks of the month and the rows reserved by its batch jobs) and refreshed every `refreshMs`; between
 * refreshes the node adds the checks it admits. Checks admitted by other nodes since the last refresh are not
 * seen, so with N nodes a partner may pass its quota by at most what the others admit in one refresh period.
 *
 * Only a partner's first check of a month on this node waits for the read; a refresh is read in the background
 * while checks go on against the count held (when every check in flight waited for it, the online checks
 * stalled together every 10 s).
 */
export class QuotaCounter {
  readonly #counts = new Map<string, QuotaEntry>();
  /** Checks admitted here and not yet in the log (nor given back), per partner: counted on top of a read. */
  readonly #inFlight = new Map<string, number>();
  /** Concurrent callers share one read of the log per partner. */
  readonly #seeding = new Map<string, Promise<QuotaEntry>>();

  constructor(
    private readonly used: QuotaUse,
    private readonly clock: Clock,
    private readonly refreshMs = 10_000,
  ) {}

  #seed(partnerId: string, month: string, at: number): Promise<QuotaEntry> {
    const pending = this.#seeding.get(partnerId);
    if (pending) return pending;
    const seeding = this.used(partnerId, month)
      .then((base) => {
        const entry = { month, base, admitted: this.#inFlight.get(partnerId) ?? 0, seededAt: at };
        const held = this.#counts.get(partnerId);
        // A read that started in an earlier month never replaces the new month's count.
        if (!held || held.month <= month) this.#counts.set(partnerId, entry);
        return entry;
      })
      .finally(() => this.#seeding.delete(partnerId));
    this.#seeding.set(partnerId, seeding);
    return seeding;
  }

  /**
   * Admits one check of the partner this month, or refuses it. Call `done` once the check is in the log, or
   * `release` when it will not be made after all (its place is given back).
   * @throws DomainError QUOTA_EXCEEDED with `details.retryAfterSeconds` (until the next month starts)
   */
  async admit(partnerId: string, quota: number): Promise<{ done(): void; release(): void }> {
    const now = this.clock.now();
    const month = monthOf(now);
    let entry = this.#counts.get(partnerId);
    if (!entry || entry.month !== month) {
      entry = await this.#seed(partnerId, month, now.getTime());
    } else if (now.getTime() - entry.seededAt >= this.refreshMs) {
      // A failed refresh leaves the count held; the next check past the period tries again.
      this.#seed(partnerId, month, now.getTime()).catch(() => undefined);
    }
    if (entry.base + entry.admitted >= quota) {
      const retryAfterSeconds = secondsToNextMonth(now);
      throw new DomainError('QUOTA_EXCEEDED', `The contract allows ${quota} checks a month; this month's are used.`, {
        quota,
        month,
        retryAfterSeconds,
      });
    }
    const admitted = entry;
    admitted.admitted += 1;
    this.#inFlight.set(partnerId, (this.#inFlight.get(partnerId) ?? 0) + 1);
    let settled = false;
    const landed = () => {
      this.#inFlight.set(partnerId, Math.max(0, (this.#inFlight.get(partnerId) ?? 0) - 1));
    };
    return {
      done: () => {
        if (settled) return;
        settled = true;
        landed();
      },
      release: () => {
        if (settled) return;
        settled = true;
        landed();
        admitted.admitted = Math.max(0, admitted.admitted - 1);
      },
    };
  }
}

/**
 * Rate limits per partner and node: a token bucket holding one second's worth of checks, refilled
 * continuously by the injected clock.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly clock: Clock) {}

  /** @throws DomainError RATE_LIMITED with `details.retryAfterSeconds` */
  take(partnerId: string, perSecond: number): void {
    const now = this.clock.now().getTime();
    const bucket = this.#buckets.get(partnerId) ?? { tokens: perSecond, at: now };
    const tokens = Math.min(perSecond, bucket.tokens + ((now - bucket.at) / 1000) * perSecond);
    if (tokens < 1) {
      this.#buckets.set(partnerId, { tokens, at: now });
      throw new DomainError('RATE_LIMITED', `The contract allows ${perSecond} checks a second.`, {
        perSecond,
        retryAfterSeconds: Math.max(1, Math.ceil((1 - tokens) / perSecond)),
      });
    }
    this.#buckets.set(partnerId, { tokens: tokens - 1, at: now });
  }
}
