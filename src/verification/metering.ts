/**
 * Đo đếm — metering: usage and invoices, counted from the access log, where each check is one `verify` entry
 * of the partner (one write, three uses: DESIGN §3); nothing else is stored. Quotas and rates: `limits.ts`.
 */
import type { AccessLog } from '../audit/index.ts';
import { DomainError, vietnamDate } from '../kernel/index.ts';
import { CHECK_TYPES, type CheckType, type Contract } from './model.ts';
import { contractOn, type PartnerTerms } from './partners.ts';
import { purposeOfLabel } from './purposes.ts';
import type { CheckTypeCounts, Invoice, InvoiceLine, UsageChannel, UsageLine, UsageReport } from './usage-model.ts';

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
 * Checks one partner made in a month, counted from the log: one number, not the usage report's groups (it is
 * read every few seconds for the quota).
 */
export function countChecks(accessLog: AccessLog, partnerId: string, month: string): Promise<number> {
  const { from, to } = monthBounds(month);
  return accessLog.count({ actorId: partnerId, actorKind: 'partner', action: VERIFY_ACTION, from, to });
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
