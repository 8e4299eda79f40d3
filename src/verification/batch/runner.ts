/**
 * Chạy lô — checking a staged batch chunk by chunk. A chunk's results, its access-log group and the job's
 * progress are written in one transaction, which first checks that the job's cursor is still where the chunk
 * began: a chunk done twice (a crash before its commit, two runners) is kept, logged and billed once.
 */
import { type CsvValue, csvLine, type Database } from '../../db/index.ts';
import { type Clock, vietnamDate } from '../../kernel/index.ts';
import type { AccessContext, BatchFacts, Registry } from '../../registry/index.ts';
import { compare, flagsOf, personNotFound } from '../check.ts';
import { ATTRIBUTES, type StatusFlags, type VerificationRequest } from '../model.ts';
import { PURPOSES, type PurposeCodeOf } from '../purposes.ts';
import { batchStore, COLUMN_OF, type JobRow, type STAGED_FIELDS, type StagedRow } from './store.ts';

type StagedField = (typeof STAGED_FIELDS)[number];

export interface RunnerDeps {
  readonly db: Database;
  readonly clock: Clock;
  readonly registry: Pick<Registry, 'verificationFactsForBatch'>;
  /** The eID account status of the people who have one (`Identity.accountStatuses`), one read per chunk. */
  readonly accountStatuses: (personalIds: readonly string[]) => Promise<ReadonlyMap<string, 'active' | 'locked'>>;
  /** The partner's name, shown to the citizen in "who accessed my data". */
  readonly partnerName: (partnerId: string) => Promise<string>;
}

/** Hooks for tests and the command line. */
export interface RunOptions {
  /** Run this job only (the command line's own upload). */
  readonly jobId?: string;
  /** Rows per chunk for this run (default: the service's setting). */
  readonly chunkRows?: number;
  /** After each committed chunk, with the job as it then stands. */
  readonly onChunk?: (job: JobRow) => void;
  /** Inside a chunk's transaction, before it commits: a test throws here to abort the chunk, as a crash would. */
  readonly beforeCommit?: (job: JobRow, chunk: number) => void;
}

const FLAGS: readonly (keyof StatusFlags)[] = ['deceased', 'missing', 'cardExpired', 'cardRevoked', 'eidLocked'];

/** The results file's columns (docs/verification.md). */
export const RESULT_COLUMNS = [
  'line',
  'personalId',
  'status',
  'rowError',
  'errorColumn',
  ...ATTRIBUTES.flatMap((attribute) => [`${attribute}Result`, `${attribute}Reasons`]),
  ...FLAGS,
];

/**
 * Rows checked per chunk by default. A chunk's people are read by index in one statement, and the more ID
 * numbers one statement looks up, the less each costs (PostgreSQL 15, 1,000,000 people: 15 µs a person at
 * 1,000, 11 µs at 5,000, 9 µs at 20,000, the index's upper pages shared); its access is one group entry
 * whatever its size. A 1,000,000-row batch ran in 24.5 s with chunks of 1,000 and in 20.9 s with 10,000,
 * with 20,000 no faster (bench/RESULTS.md, verification, group entries). What a larger chunk costs: memory
 * (peak heap 212 MiB at 1,000, 271 MiB at 10,000, 372 MiB at 20,000), a crash redoes more, and the lane of
 * its access-log group stays locked until it commits.
 */
export const DEFAULT_CHUNK_ROWS = 10_000;

/**
 * Chunks read and checked ahead of the one being written. With one, a chunk's read and the previous chunk's
 * write overlapped but the machine still idled a fifth of the run (both cores at 80 %): the main thread's
 * comparisons and the server's reads waited for each other. Two gave a 1,000,000-row run of 16.8–16.9 s
 * against 18.8 s; three no faster, and each chunk ahead holds 30–40 MiB more heap (bench/RESULTS.md).
 */
const READ_AHEAD = 2;

/**
 * Checks a claimed job's remaining chunks. Returns false when the job was lost to another runner.
 *
 * Chunks go through two stages: reading and checking (the staged rows, the people's facts, their accounts,
 * the comparisons and result lines), which needs no lock, and writing, one transaction that checks the
 * job's cursor. The next chunks ({@link READ_AHEAD}) are read and checked while the current one is written,
 * so the runner waits on the longer of the two rather than on both; only the writes stay one after another,
 * in file order. A chunk read ahead of a write that fails or finds the job lost is dropped unwritten:
 * nothing is logged or billed before its own transaction commits.
 */
export async function runJob(
  deps: RunnerDeps,
  claimed: JobRow,
  runner: string,
  settings: { chunkRows: number; leaseMs: number },
  options: RunOptions = {},
): Promise<boolean> {
  const access: AccessContext = {
    actor: { id: claimed.partner_id, kind: 'partner', name: await deps.partnerName(claimed.partner_id) },
    purpose: PURPOSES[claimed.purpose as PurposeCodeOf] ?? claimed.purpose,
    channel: 'batch',
  };
  const context = chunkContext(claimed);
  const readFrom = (after: number) => readAhead(prepareChunk(deps, context, access, after, settings.chunkRows));
  let cursor = claimed.rows_done;
  // Chunks read ahead, in file order; a job's rows are numbered 1 to rows_total, so each chunk's start is known.
  const ahead: Promise<PreparedChunk>[] = [];
  let readUpTo = cursor;
  // Started outside the write's transaction: a read inside it would need a second connection.
  const fill = () => {
    while (ahead.length < READ_AHEAD && readUpTo < claimed.rows_total) {
      ahead.push(readFrom(readUpTo));
      readUpTo = Math.min(readUpTo + settings.chunkRows, claimed.rows_total);
    }
  };
  const drop = () => Promise.all(ahead.splice(0).map((read) => read.catch(() => undefined)));
  try {
    fill();
    for (let chunk = 1; ; chunk++) {
      let prepared: PreparedChunk | undefined = await ahead.shift();
      if (prepared?.after !== cursor) {
        await drop();
        prepared = await prepareChunk(deps, context, access, cursor, settings.chunkRows);
        readUpTo = prepared.rows.at(-1)?.seq ?? claimed.rows_total;
      }
      fill();
      const committed = await writeChunk(deps, claimed.id, runner, cursor, prepared, access, settings, (job) =>
        options.beforeCommit?.(job, chunk),
      );
      if (!committed) return false;
      options.onChunk?.(committed);
      if (committed.status !== 'running') return true;
      cursor = committed.rows_done;
    }
  } finally {
    // Never leave a read running behind the job (the caller may record a failure, or close the database).
    await drop();
  }
}

/** A chunk read and checked, not yet written: the rows after `after`, their result lines and log group. */
interface PreparedChunk extends CheckedChunk {
  readonly after: number;
  readonly rows: readonly StagedRow[];
}

/** A promise whose failure is reported where it is awaited, not as unhandled while the runner is busy. */
function readAhead<T>(promise: Promise<T>): Promise<T> {
  promise.catch(() => undefined);
  return promise;
}

async function prepareChunk(
  deps: RunnerDeps,
  context: ChunkContext,
  access: AccessContext,
  after: number,
  limit: number,
): Promise<PreparedChunk> {
  const rows = await batchStore.stagedRows(deps.db, context.job.id, after, limit);
  return { after, rows, ...(await checkRows(deps, context, rows, access)) };
}

/**
 * The chunk's transaction: under the job's row lock, checks that the job is still this runner's and its
 * cursor still where the chunk begins; then writes the results, the access-log group, the chunk's count
 * for invoices and the progress. Returns the job as committed, or undefined when it was lost.
 */
function writeChunk(
  deps: RunnerDeps,
  jobId: number,
  runner: string,
  cursor: number,
  prepared: PreparedChunk,
  access: AccessContext,
  settings: { leaseMs: number },
  beforeCommit: (job: JobRow) => void,
): Promise<JobRow | undefined> {
  const { rows, lines, facts, counts } = prepared;
  return deps.db.transaction(
    async (tx) => {
      const job = await batchStore.findJob(tx, jobId, true);
      if (job?.status !== 'running' || job.runner !== runner || job.rows_done !== cursor) return undefined;
      const done = rows.length > 0 ? (rows[rows.length - 1] as StagedRow).seq : job.rows_total;
      if (rows.length > 0) {
        await batchStore.insertResults(tx, job.id, (rows[0] as StagedRow).seq, done, lines.join(''));
      }
      await facts?.record(tx);
      const now = deps.clock.now();
      const checks = counts.matched + counts.mismatched;
      if (checks > 0) {
        await batchStore.insertChunk(tx, {
          jobId: job.id,
          lastSeq: done,
          partnerId: job.partner_id,
          purpose: access.purpose,
          day: vietnamDate(now),
          checks,
          price: job.batch_price_vnd,
        });
      }
      beforeCommit(job);
      await batchStore.progress(tx, job.id, { done, ...counts }, new Date(now.getTime() + settings.leaseMs), now);
      return batchStore.findJob(tx, job.id);
    },
    { retries: 0 },
  );
}

interface CheckedChunk {
  readonly lines: string[];
  readonly facts: BatchFacts | undefined;
  readonly counts: { matched: number; mismatched: number; unreadable: number };
}

/** What every row of a job shares, worked out once per job rather than once per row. */
interface ChunkContext {
  readonly job: JobRow;
  readonly batchId: string;
  readonly withAddresses: boolean;
}

function chunkContext(job: JobRow): ChunkContext {
  return { job, batchId: String(job.id), withAddresses: job.check_types.includes('address') };
}

/** The declared columns of a staged row, as `[request field, staged field]`. */
const DECLARED = Object.entries(COLUMN_OF) as [string, StagedField][];
/** The cells after `errorColumn` of an unreadable row's line: all empty. */
const UNREAD_CELLS: readonly CsvValue[] = RESULT_COLUMNS.slice(5).map(() => null);

/** Reads the facts of a chunk's readable rows set-wise and compares each with the online check's functions. */
async function checkRows(
  deps: RunnerDeps,
  context: ChunkContext,
  rows: readonly StagedRow[],
  access: AccessContext,
): Promise<CheckedChunk> {
  const { job } = context;
  const readable = rows.filter((row) => row.error === null && row.personal_id !== null);
  const facts =
    readable.length === 0
      ? undefined
      : await deps.registry.verificationFactsForBatch(
          readable.map((row) => ({ personalId: row.personal_id as string, line: row.line })),
          access,
          { withAddresses: context.withAddresses, details: { batchId: context.batchId, checkTypes: job.check_types } },
        );
  const accounts = facts?.facts.size
    ? await deps.accountStatuses([...facts.facts.keys()])
    : new Map<string, 'active' | 'locked'>();
  const counts = { matched: 0, mismatched: 0, unreadable: 0 };
  const lines = rows.map((row) => {
    if (row.error !== null || row.personal_id === null) {
      counts.unreadable++;
      const cells = [row.line, row.personal_id || null, 'unreadable', row.error, row.error_column, ...UNREAD_CELLS];
      return csvLine(cells);
    }
    const request = declaration(row, job.purpose);
    const found = facts?.facts.get(row.personal_id);
    const attributes = found ? compare(request, found) : personNotFound(request);
    const flags = flagsOf(found, accounts.get(row.personal_id) ?? 'none');
    // An empty cell is null, written bare (`a,,b`); `csvLine` would quote an empty string.
    const cells: CsvValue[] = [row.line, row.personal_id, '', null, null];
    let outcome: 'matched' | 'mismatched' = 'matched';
    for (const attribute of ATTRIBUTES) {
      const { result, reasons } = attributes[attribute];
      if (result === 'mismatch') outcome = 'mismatched';
      cells.push(result, reasons.length === 0 ? null : reasons.join(' '));
    }
    for (const flag of FLAGS) cells.push(flags[flag] ? 'true' : 'false');
    cells[2] = outcome;
    counts[outcome]++;
    return csvLine(cells);
  });
  return { lines, facts, counts };
}

/** A staged row as the online check's request: the same fields, so the same comparison. */
function declaration(row: StagedRow, purpose: string): VerificationRequest {
  const request: Record<string, string> = { purpose };
  for (const [column, field] of DECLARED) {
    const value = row[field];
    if (value !== null) request[column] = value;
  }
  return request as unknown as VerificationRequest;
}
