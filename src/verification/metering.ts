/**
 * Đo đếm — metering: quotas, rate limits, usage and invoices. Usage is counted from the access log, where
 * each check is one `verify` entry of the partner (one write, three uses: DESIGN §3); nothing else is stored.
 */
import type { AccessLog } from '../audit/index.ts';
import { type Clock, DomainError, vietnamDate } from '../kernel/index.ts';
import {
  CHECK_TYPES,
  type CheckType,
  type CheckTypeCounts,
  type Contract,
  type Invoice,
  type InvoiceLine,
  type UsageChannel,
  type UsageLine,
  type UsageReport,
} from './model.ts';
import { contractOn, type PartnerTerms } from './partners.ts';
import { purposeOfLabel } from './purposes.ts';

/** The access-log action of an online check. */
export const VERIFY_ACTION = 'verify';

const VIETNAM_OFFSET_MS = 7 * 3600_000;

/** The instants a Vietnamese calendar month (`YYYY-MM`) starts and ends (exclusive). */
export function monthBounds(month: string): { from: Date; to: Date } {
  const [year, number] = month.split('-').map(Number);
  if (!year || !number || number < 1 || number > 12) {
    throw new DomainError('VALIDATION_FAILED', 'A month is written YYYY-MM, e.g. 2026-03.', { field: 'month' });
  }
  return {
    from: new Date(Date.UTC(year, number - 1, 1) - VIETNAM_OFFSET_MS),
    to: new Date(Date.UTC(year, number, 1) - VIETNAM_OFFSET_MS),
  };
}

/** The Vietnamese month (`YYYY-MM`) an instant falls in. */
export function monthOf(at: Date): string {
  return vietnamDate(at).slice(0, 7);
}

/** Seconds from `now` until the next Vietnamese month starts (at least 1): when a used-up quota comes back. */
export function secondsToNextMonth(now: Date): number {
  return Math.max(1, Math.ceil((monthBounds(monthOf(now)).to.getTime() - now.getTime()) / 1000));
}

/**
 * Checks one partner made in a month, counted from the log. Only a count: without the check types, whose
 * reading from every entry's details made this read several times dearer (it runs every few seconds).
 */
export async function countChecks(accessLog: AccessLog, partnerId: string, month: string): Promise<number> {
  const { from, to } = monthBounds(month);
  const rows = await accessLog.usage({ actorId: partnerId, actorKind: 'partner', from, to, groupBy: 'month' });
  return rows.filter((row) => row.action === VERIFY_ACTION).reduce((sum, row) => sum + row.count, 0);
}

/** A partner's `verify` entries of a month, by period, purpose, channel and the check types in their details. */
async function monthRows(accessLog: AccessLog, partnerId: string, month: string, groupBy: 'day' | 'month') {
  const { from, to } = monthBounds(month);
  const rows = await accessLog.usage({
    actorId: partnerId,
    actorKind: 'partner',
    from,
    to,
    groupBy,
    detailKey: 'checkTypes',
  });
  return rows
    .filter((row) => row.action === VERIFY_ACTION)
    .map((row) => ({
      period: row.period,
      purpose: row.purpose,
      channel: (row.channel === 'batch' ? 'batch' : 'online') as UsageChannel,
      checkTypes: checkTypesOf(row.detail),
      count: row.count,
    }));
}

/** The check types an entry's details recorded, in the catalogue's order (none when it recorded none). */
function checkTypesOf(detail: unknown): CheckType[] {
  if (!Array.isArray(detail)) return [];
  return CHECK_TYPES.filter((type) => detail.includes(type));
}

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

/**
 * A partner's checks of a month by day or month, purpose, channel and combination of check types, from the
 * access log; with the month's count of checks that compared each check type.
 */
export async function usageReport(
  accessLog: AccessLog,
  partnerId: string,
  month: string,
  groupBy: 'day' | 'month',
): Promise<UsageReport> {
  const rows = await monthRows(accessLog, partnerId, month, groupBy);
  // Rows come in period order; entries whose details list the same types in another order share a line.
  const lines = new Map<string, UsageLine>();
  const byCheckType: CheckTypeCounts = { identity: 0, card: 0, phone: 0, address: 0 };
  for (const row of rows) {
    const key = `${row.period}\u0000${row.purpose}\u0000${row.channel}\u0000${row.checkTypes.join()}`;
    const line = lines.get(key) ?? {
      period: row.period,
      purpose: purposeOfLabel(row.purpose) ?? 'other',
      purposeLabel: row.purpose,
      channel: row.channel,
      checkTypes: row.checkTypes,
      checks: 0,
    };
    line.checks += row.count;
    lines.set(key, line);
    for (const type of row.checkTypes) byCheckType[type] += row.count;
  }
  const list = [...lines.values()];
  return { partnerId, month, groupBy, lines: list, total: list.reduce((sum, l) => sum + l.checks, 0), byCheckType };
}

/** Batch checks of one day, purpose (its label) and combination of check types at one price, from the chunks. */
export interface BatchChecks {
  readonly day: string;
  readonly purpose: string;
  readonly checkTypes: readonly string[];
  readonly unitPriceVnd: number;
  readonly checks: number;
}

/**
 * The month's invoice: each day's online checks (the access log's entries of channel `api`) priced by the
 * contract in force that day (a check made on a day without a contract is priced 0: it could not have been
 * admitted), and batch rows at the batch price of their job (the chunks written with their log entries);
 * summed per purpose, channel, combination of check types and unit price.
 */
export async function invoice(
  accessLog: AccessLog,
  terms: PartnerTerms,
  month: string,
  batches: readonly BatchChecks[] = [],
): Promise<Invoice> {
  const rows = await monthRows(accessLog, terms.partner.id, month, 'day');
  const lines = new Map<string, InvoiceLine>();
  const add = (channel: UsageChannel, purposeLabel: string, checkTypes: CheckType[], price: number, checks: number) => {
    if (checks <= 0) return;
    const purpose = purposeOfLabel(purposeLabel) ?? 'other';
    const key = `${purpose}\u0000${channel}\u0000${checkTypes.join()}\u0000${price}`;
    const line = lines.get(key) ?? {
      purpose,
      purposeLabel,
      channel,
      checkTypes,
      checks: 0,
      unitPriceVnd: price,
      amountVnd: 0,
    };
    line.checks += checks;
    line.amountVnd = line.checks * price;
    lines.set(key, line);
  };
  for (const row of rows) {
    if (row.channel !== 'online') continue;
    add('online', row.purpose, row.checkTypes, onlinePrice(contractOn(terms.contracts, row.period)), row.count);
  }
  for (const batch of batches) {
    add('batch', batch.purpose, checkTypesOf(batch.checkTypes), batch.unitPriceVnd, batch.checks);
  }
  const sorted = [...lines.values()].sort(
    (a, b) =>
      a.purpose.localeCompare(b.purpose) ||
      a.channel.localeCompare(b.channel) ||
      compareCheckTypes(a.checkTypes, b.checkTypes) ||
      a.unitPriceVnd - b.unitPriceVnd,
  );
  return {
    partnerId: terms.partner.id,
    partnerName: terms.partner.name,
    month,
    currency: 'VND',
    lines: sorted,
    totalVnd: sorted.reduce((sum, line) => sum + line.amountVnd, 0),
  };
}

/** Orders combinations of check types type by type in the catalogue's order: identity, identity+card, card, … */
function compareCheckTypes(a: readonly CheckType[], b: readonly CheckType[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = CHECK_TYPES.indexOf(a[i] as CheckType) - CHECK_TYPES.indexOf(b[i] as CheckType);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function onlinePrice(contract: Contract | undefined): number {
  return contract?.onlinePriceVnd ?? 0;
}
