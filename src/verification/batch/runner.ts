/**
 * Chạy lô — checking a staged batch chunk by chunk. A chunk's results, its access-log entries and the job's
 * progress are written in one transaction, which first checks that the job's cursor is still where the chunk
 * began: a chunk done twice (a crash before its commit, two runners) is kept, logged and billed once.
 */
import { type CsvValue, csvLine, type Database } from '../../db/index.ts';
import { type Clock, vietnamDate } from '../../kernel/index.ts';
import type { AccessContext, BatchFacts, Registry } from '../../registry/index.ts';
import { compare, flagsOf, personNotFound } from '../check.ts';
import { ATTRIBUTES, type StatusFlags, type VerificationRequest } from '../model.ts';
import { PURPOSES, type PurposeCodeOf } from '../purposes.ts';
import { batchStore, COLUMN_OF, type JobRow, type StagedRow } from './store.ts';

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

/** Rows checked per chunk by default. */
export const DEFAULT_CHUNK_ROWS = 1000;

/** Checks a claimed job's remaining chunks. Returns false when the job was lost to another runner. */
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
  let cursor = claimed.rows_done;
  for (let chunk = 1; ; chunk++) {
    const rows = await batchStore.stagedRows(deps.db, claimed.id, cursor, settings.chunkRows);
    const read = await checkRows(deps, claimed, rows, access);
    const committed = await deps.db.transaction(
      async (tx) => {
        const job = await batchStore.findJob(tx, claimed.id, true);
        if (job?.status !== 'running' || job.runner !== runner || job.rows_done !== cursor) return undefined;
        if (read.lines.length > 0) {
          await tx.copyFrom(
            { table: 'verification.batch_result', columns: ['job_id', 'seq', 'outcome', 'csv'] },
            once(read.lines.join('')),
          );
        }
        await read.facts?.record(tx);
        const now = deps.clock.now();
        const done = rows.length > 0 ? (rows[rows.length - 1] as StagedRow).seq : job.rows_total;
        const checks = read.counts.matched + read.counts.mismatched;
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
        options.beforeCommit?.(job, chunk);
        await batchStore.progress(
          tx,
          job.id,
          { done, ...read.counts },
          new Date(now.getTime() + settings.leaseMs),
          now,
        );
        return batchStore.findJob(tx, job.id);
      },
      { retries: 0 },
    );
    if (!committed) return false;
    options.onChunk?.(committed);
    if (committed.status !== 'running') return true;
    cursor = committed.rows_done;
  }
}

interface CheckedChunk {
  readonly lines: string[];
  readonly facts: BatchFacts | undefined;
  readonly counts: { matched: number; mismatched: number; unreadable: number };
}

/** Reads the facts of a chunk's readable rows set-wise and compares each with the online check's functions. */
async function checkRows(
  deps: RunnerDeps,
  job: JobRow,
  rows: readonly StagedRow[],
  access: AccessContext,
): Promise<CheckedChunk> {
  const readable = rows.filter((row) => row.error === null && row.personal_id !== null);
  const facts =
    readable.length === 0
      ? undefined
      : await deps.registry.verificationFactsForBatch(
          readable.map((row) => ({
            personalId: row.personal_id as string,
            details: { batchId: String(job.id), line: row.line, checkTypes: job.check_types },
          })),
          access,
          { withAddresses: job.check_types.includes('address') },
        );
  const accounts = facts?.facts.size
    ? await deps.accountStatuses([...facts.facts.keys()])
    : new Map<string, 'active' | 'locked'>();
  const counts = { matched: 0, mismatched: 0, unreadable: 0 };
  const lines = rows.map((row) => {
    if (row.error !== null || row.personal_id === null) {
      counts.unreadable++;
      const cells: CsvValue[] = [row.line, row.personal_id ?? '', 'unreadable', row.error, row.error_column ?? ''];
      return resultLine(job.id, row.seq, 'unreadable', [...cells, ...RESULT_COLUMNS.slice(cells.length).map(() => '')]);
    }
    const request = declaration(row, job.purpose);
    const found = facts?.facts.get(row.personal_id);
    const attributes = found ? compare(request, found) : personNotFound(request);
    const flags = flagsOf(found, accounts.get(row.personal_id) ?? 'none');
    const outcome = Object.values(attributes).some((each) => each.result === 'mismatch') ? 'mismatched' : 'matched';
    counts[outcome]++;
    return resultLine(job.id, row.seq, outcome, [
      row.line,
      row.personal_id,
      outcome,
      '',
      '',
      ...ATTRIBUTES.flatMap((attribute) => [attributes[attribute].result, attributes[attribute].reasons.join(' ')]),
      ...FLAGS.map((flag) => String(flags[flag])),
    ]);
  });
  return { lines, facts, counts };
}

/** A staged row as the online check's request: the same fields, so the same comparison. */
function declaration(row: StagedRow, purpose: string): VerificationRequest {
  const request: Record<string, string> = { purpose };
  for (const [column, field] of Object.entries(COLUMN_OF)) {
    const value = row[field];
    if (value !== null) request[column] = value;
  }
  return request as unknown as VerificationRequest;
}

/** A staging row for `batch_result`: its results line, an empty cell written bare (`a,,b`). */
function resultLine(jobId: number, seq: number, outcome: string, cells: readonly CsvValue[]): string {
  return csvLine([jobId, seq, outcome, csvLine(cells.map((cell) => (cell === '' ? null : cell)))]);
}

async function* once(text: string): AsyncIterable<string> {
  yield text;
}
