import type { Database, Tx } from '../db/index.ts';
import { type Clock, DomainError, parsePersonalId } from '../kernel/index.ts';
import { DEFAULT_LANES, GENESIS_HASH, rowHash } from './chain.ts';
import { type CheckedTexts, type PreparedEntry, type PreparedGroup, prepareEntry, prepareGroup } from './entry.ts';
import { GroupCommit } from './group-commit.ts';
import { decodeCursor, encodeCursor, toItem } from './history.ts';
import { subjectPage } from './history-store.ts';
import type {
  AccessEntry,
  AccessGroup,
  AccessLogPage,
  ChainReport,
  CountFilter,
  PageRequest,
  UsageFilter,
  UsageRow,
} from './model.ts';
import { AuditStore, type LaneHead, type SealedRow } from './store.ts';
import { UsageStore } from './usage-store.ts';
import { verifyChains } from './verify.ts';

export interface AccessLogOptions {
  /**
   * Chain lanes: appends to different lanes never wait for each other (default 16, the lanes the migration
   * creates; more are created on first use). Every process sharing a database must use the same number.
   */
  readonly lanes?: number;
  /**
   * Transactions that may append at once for calls made without a transaction; calls arriving meanwhile are
   * committed together (see `group-commit.ts`). Default 1: one transaction at a time gathers the most calls,
   * and each transaction costs round trips and a commit whatever it carries (API lookups by ID number on
   * PostgreSQL 15 with 32 callers, bench/RESULTS.md: about 2,000 per second with 1, 1,500 with 2, 1,100
   * to 1,700 with 4, 800 with 16). More may pay where a commit waits long for the disk.
   */
  readonly writers?: number;
}

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;
/** Rows per insert statement, so that a very large batch never becomes one enormous statement. */
const INSERT_CHUNK = 5000;
/** Entries that group commit puts in one transaction at most. */
const GROUP_LIMIT = 1000;
/**
 * Appends tried as a statement of their own before falling back to a transaction: the second try seals after
 * the heads the first returned, which only another node's append in between can move again.
 */
const STATEMENT_TRIES = 2;

/**
 * Nhật ký truy cập — the access log (DESIGN §3: every read of a person's data is logged). Append-only and
 * hash-chained; the citizen reads their history from it and partner metering counts it.
 *
 * @example
 * await log.record({ actorId: 'bank-acb', actorKind: 'partner', actorName: 'ACB', purpose: 'Mở tài khoản',
 *   channel: 'api', action: 'verify', subjectId: '001095012345', requestId }, tx);
 */
export class AccessLog {
  readonly #db: Database;
  readonly #clock: Clock;
  readonly #store: AuditStore;
  readonly #usage: UsageStore;
  readonly #lanes: number;
  readonly #writers: number;
  readonly #group: GroupCommit<PreparedEntry>;
  /**
   * Each lane's head as this process last wrote or was told it (a lane not here is guessed to be at its
   * start). Only a guess: `audit.append()` checks it under the head's lock and returns the true head when
   * another node or a caller's transaction has moved it, so a stale guess costs a round trip, never the chain.
   */
  readonly #heads = new Map<number, LaneHead>();

  constructor(db: Database, clock: Clock, options: AccessLogOptions = {}) {
    const lanes = options.lanes ?? DEFAULT_LANES;
    if (!Number.isInteger(lanes) || lanes < 1 || lanes > 1024) {
      throw new RangeError(`lanes must be a whole number from 1 to 1024, not ${lanes}`);
    }
    this.#db = db;
    this.#clock = clock;
    this.#store = new AuditStore(db);
    this.#usage = new UsageStore(db);
    this.#lanes = lanes;
    const writers = options.writers ?? 1;
    if (!Number.isInteger(writers) || writers < 1) {
      throw new RangeError(`writers must be a whole number from 1, not ${writers}`);
    }
    this.#writers = writers;
    this.#group = new GroupCommit((entries) => this.#appendAlone(db, entries), {
      queues: writers,
      maxBatch: GROUP_LIMIT,
    });
  }

  /**
   * Appends entries, all or none: in the caller's transaction when given one (they then commit or roll back
   * with it), else in a transaction shared with other calls made meanwhile (group commit); durable when the
   * returned promise resolves. Entries take the clock's time at the call.
   *
   * The lanes of the entries stay locked until that transaction ends: record once per transaction, as late
   * as possible, so that other writers to those lanes wait the least.
   *
   * @throws DomainError `AUDIT_ENTRY_INVALID` (see `details.index` and `details.field`) when any entry is
   *   invalid; nothing is then written.
   */
  async record(entries: AccessEntry | readonly AccessEntry[], tx?: Tx): Promise<void> {
    const list: readonly unknown[] = isEntryList(entries) ? entries : [entries];
    if (list.length === 0) return;
    const at = this.#clock.now();
    const checked: CheckedTexts = new Map();
    const timed = list.map((entry, index) => prepareEntry(entry, index, this.#lanes, at, checked));
    if (tx) return this.#append(tx, timed);
    // Queues by lane, so that this process's transactions do not wait for each other's lane locks.
    return this.#group.submit(timed, (timed[0]?.lane ?? 0) % this.#writers);
  }

  /**
   * Appends a group of accesses (a chunk of a batch file) as one chained entry and a row per subject: in the
   * caller's transaction when given one, else in a transaction of its own. Each subject then sees the access in
   * their history, and every count (usage, quotas) counts the group's subjects, as if each had its own entry.
   * Only the lane of the group's actor is locked, until the transaction ends.
   *
   * @throws DomainError `AUDIT_ENTRY_INVALID` (see `details.index`, the subject's place, and `details.field`)
   *   when a field or any subject is invalid; nothing is then written.
   */
  async recordGroup(group: AccessGroup, tx?: Tx): Promise<void> {
    const prepared = prepareGroup(group, this.#lanes, this.#clock.now());
    if (tx) return this.#appendGroup(tx, prepared);
    return this.#db.transaction((own) => this.#appendGroup(own, prepared));
  }

  /**
   * The citizen's "who accessed my data": the entries about one subject, newest first.
   *
   * @throws DomainError `INVALID_PERSONAL_ID` for a malformed subject; `AUDIT_QUERY_INVALID` for a limit that
   *   is not a whole number from 1 to 100 or a cursor this method did not give.
   */
  async listForSubject(subjectId: string, page: PageRequest = {}): Promise<AccessLogPage> {
    const subject = parsePersonalId(subjectId);
    const limit = page.limit ?? DEFAULT_PAGE;
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
      throw queryInvalid('limit', `The page size must be a whole number from 1 to ${MAX_PAGE}.`);
    }
    const before = page.before === undefined ? undefined : decodeCursor(page.before);
    const rows = await subjectPage(this.#db, subject, limit + 1, before);
    const items = rows.slice(0, limit).map(toItem);
    const last = rows.length > limit ? rows[limit - 1] : undefined;
    return last ? { items, next: encodeCursor(last) } : { items };
  }

  /**
   * Counts for metering and invoices: entries from `from` (inclusive) to `to` (exclusive) per Vietnamese day
   * or month, actor, action, purpose and channel, and per value of one key of the details when asked
   * (`detailKey`).
   *
   * @throws DomainError `AUDIT_QUERY_INVALID` when the period is empty or its ends are not valid instants, or
   *   the detail key is not a plain name.
   */
  async usage(filter: UsageFilter): Promise<UsageRow[]> {
    assertPeriod(filter);
    if (filter.groupBy !== 'day' && filter.groupBy !== 'month') {
      throw queryInvalid('groupBy', 'Usage is grouped by day or by month.');
    }
    if (filter.detailKey !== undefined && !/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(filter.detailKey)) {
      throw queryInvalid('detailKey', 'A detail key is a plain name: letters, digits and _.');
    }
    return this.#usage.usage(filter);
  }

  /**
   * How many entries one actor made with one action in a period: one number, read from the hourly counts
   * kept beside the rows (a partner's quota is re-read every few seconds; its month's entries are not).
   * @throws DomainError `AUDIT_QUERY_INVALID` when the period is empty or its ends are not valid instants.
   */
  async count(filter: CountFilter): Promise<number> {
    assertPeriod(filter);
    return this.#usage.count(filter);
  }

  /** Walks every lane in keyset pages and recomputes every hash; reports the first break of each lane. */
  async verifyChain(): Promise<ChainReport> {
    return verifyChains(this.#store);
  }

  /**
   * Appends outside any caller's transaction: as one statement that is its own transaction (one round trip),
   * sealed after the heads this process knows; in a transaction when other nodes keep moving those heads or
   * the entries are too many for one statement.
   */
  async #appendAlone(db: Database, entries: readonly PreparedEntry[]): Promise<void> {
    for (let attempt = 0; attempt < STATEMENT_TRIES && entries.length <= INSERT_CHUNK; attempt++) {
      const sealed = this.#seal(entries);
      const moved = await this.#store.append(sealed.rows);
      if (moved.length === 0) {
        for (const head of sealed.heads.values()) this.#heads.set(head.lane, head);
        return;
      }
      for (const head of moved) this.#heads.set(head.lane, head);
    }
    await db.transaction((tx) => this.#append(tx, entries));
  }

  /**
   * Appends in `tx`, in statements of at most `INSERT_CHUNK` rows. The first statement locks its lanes' heads
   * until `tx` ends; if it finds them elsewhere than this process thought, it writes nothing, and the second,
   * sealed after the heads it returned, cannot find them moved again. The rows written become the process's
   * guess of the heads at once: when `tx` commits (the common case, a batch chunk after chunk) the next append
   * continues from them in one statement; when it rolls back, the guess is stale and costs one retry, as another
   * node's append would, never a wrong chain.
   */
  async #append(tx: Tx, entries: readonly PreparedEntry[]): Promise<void> {
    const written = new Map<number, LaneHead>();
    for (let start = 0; start < entries.length; start += INSERT_CHUNK) {
      const chunk = entries.slice(start, start + INSERT_CHUNK);
      for (let attempt = 0; ; attempt++) {
        const sealed = this.#seal(chunk, written);
        const moved = await this.#store.append(sealed.rows, tx);
        if (moved.length === 0) {
          for (const head of sealed.heads.values()) {
            written.set(head.lane, head);
            this.#heads.set(head.lane, head);
          }
          break;
        }
        if (attempt > 0) throw new Error(`audit lanes ${moved.map((head) => head.lane)} moved while locked`);
        for (const head of moved) this.#heads.set(head.lane, head);
      }
    }
  }

  /** Appends a group in `tx`: sealed after its lane's head as this process knows it, again if that was stale. */
  async #appendGroup(tx: Tx, group: PreparedGroup): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const sealed = this.#seal([group]);
      const moved = await this.#store.appendGroup(sealed.rows[0] as SealedRow, group, tx);
      if (moved.length === 0) {
        for (const head of sealed.heads.values()) this.#heads.set(head.lane, head);
        return;
      }
      if (attempt > 0) throw new Error(`audit lane ${group.lane} moved while locked`);
      for (const head of moved) this.#heads.set(head.lane, head);
    }
  }

  /**
   * Chains each entry after its lane's head: as in `after`, else as this process knows it, else the lane's
   * start. Returns the rows and the lanes' new heads.
   */
  #seal(
    entries: readonly PreparedEntry[],
    after?: ReadonlyMap<number, LaneHead>,
  ): { rows: SealedRow[]; heads: Map<number, LaneHead> } {
    const heads = new Map<number, LaneHead>();
    const rows = entries.map((entry) => {
      const head =
        heads.get(entry.lane) ?? after?.get(entry.lane) ?? this.#heads.get(entry.lane) ?? startOfLane(entry.lane);
      const sealed = seal(entry, head);
      heads.set(entry.lane, { lane: entry.lane, seq: sealed.seq, hash: sealed.hash, at: sealed.at });
      return sealed;
    });
    return { rows, heads };
  }
}

function startOfLane(lane: number): LaneHead {
  return { lane, seq: 0, hash: GENESIS_HASH, at: null };
}

/**
 * The entry's row, right after its lane's head. Time never goes back within a lane (a node whose clock is
 * behind takes the head's time), so a time partition holds a contiguous run of every lane.
 */
function seal(entry: PreparedEntry, head: LaneHead): SealedRow {
  const at = head.at !== null && head.at > entry.at ? head.at : entry.at;
  // Written out field by field (a spread of the entry cost more than the hash, a batch chunk seals a thousand
  // rows); the hash reads the row's chained fields before it is filled in.
  const row: { -readonly [K in keyof SealedRow]: SealedRow[K] } = {
    lane: entry.lane,
    seq: head.seq + 1,
    at,
    actorId: entry.actorId,
    actorKind: entry.actorKind,
    actorName: entry.actorName,
    purpose: entry.purpose,
    channel: entry.channel,
    action: entry.action,
    subjectId: entry.subjectId,
    requestId: entry.requestId,
    detailsJson: entry.detailsJson,
    group: entry.group ?? null,
    prevHash: head.hash,
    hash: head.hash,
  };
  row.hash = rowHash(head.hash, row);
  return row;
}

function isEntryList(entries: AccessEntry | readonly AccessEntry[]): entries is readonly AccessEntry[] {
  return Array.isArray(entries);
}

/** @throws DomainError `AUDIT_QUERY_INVALID` when the period is empty or its ends are not valid instants. */
function assertPeriod({ from, to }: { readonly from: Date; readonly to: Date }): void {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime()) || from >= to) {
    throw queryInvalid('to', 'The period must end after it starts.');
  }
}

function queryInvalid(field: string, message: string): DomainError {
  return new DomainError('AUDIT_QUERY_INVALID', message, { field });
}
