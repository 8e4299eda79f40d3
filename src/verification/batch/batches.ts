import { randomUUID } from 'node:crypto';
import { MAX_GROUP_SUBJECTS } from '../../audit/index.ts';
import type { Database } from '../../db/index.ts';
import { type Clock, DomainError } from '../../kernel/index.ts';
import type { CheckType } from '../model.ts';
import type { PartnerTerms } from '../partners.ts';
import type { BatchJob } from './model.ts';
import { DEFAULT_CHUNK_ROWS, RESULT_COLUMNS, type RunnerDeps, type RunOptions, runJob } from './runner.ts';
import { type BatchDay, batchStore, type JobRow } from './store.ts';
import { receiveBatch, type UploadDeps } from './upload.ts';

export interface BatchesDeps extends RunnerDeps, UploadDeps {
  readonly db: Database;
  readonly clock: Clock;
  /** Rows per chunk (default `DEFAULT_CHUNK_ROWS`): each chunk is one transaction and one step of the job's progress. */
  readonly chunkRows?: number;
  /** How long a runner holds a job without committing a chunk before another may take it (default 60 s). */
  readonly leaseMs?: number;
}

/** Attempts after which a job that keeps failing is marked `failed`. */
const MAX_FAILURES = 5;

/**
 * Xác thực theo lô — batch jobs: a partner's CSV file staged by COPY, checked in chunks by any node
 * (`FOR UPDATE SKIP LOCKED`, leases), resumable after a crash, its results streamed out in file order.
 */
export class Batches {
  readonly #deps: BatchesDeps;
  /** This runner's name in the jobs it holds. */
  readonly #runner = randomUUID();
  #timer: NodeJS.Timeout | undefined;
  #running: Promise<number> | undefined;

  constructor(deps: BatchesDeps) {
    this.#deps = deps;
  }

  /**
   * Receives a file for the partner, or answers the job of the same file (`created: false`).
   * @param uploadedBy the machine client or staff member's account that sent it (kept with the job)
   * @throws DomainError see `receiveBatch`
   */
  async upload(
    terms: PartnerTerms,
    purpose: string,
    body: AsyncIterable<Uint8Array | string>,
    uploadedBy?: string,
  ): Promise<{ job: BatchJob; created: boolean }> {
    const { job, created } = await receiveBatch(this.#deps, terms, purpose, body, uploadedBy);
    return { job: jobView(job), created };
  }

  /**
   * The partner's jobs, newest first: `limit` (1 to 100) of them, older than job `before` when given.
   * @throws DomainError VALIDATION_FAILED for a limit out of range or a cursor that is not a job id
   */
  async list(partnerId: string, page: { limit?: number; before?: string } = {}): Promise<BatchJob[]> {
    const limit = page.limit ?? 20;
    if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
      throw new DomainError('VALIDATION_FAILED', 'Ask for 1 to 100 jobs.', { field: 'limit' });
    }
    if (page.before !== undefined && !/^\d{1,15}$/.test(page.before)) {
      throw new DomainError('VALIDATION_FAILED', 'before is the id of a job.', { field: 'before' });
    }
    const rows = await batchStore.listJobs(
      this.#deps.db,
      partnerId,
      limit,
      page.before ? Number(page.before) : undefined,
    );
    return rows.map(jobView);
  }

  /** Rows of the partner's unfinished jobs not checked yet: reserved against its monthly quota. */
  reserved(partnerId: string): Promise<number> {
    return batchStore.reservedRows(this.#deps.db, partnerId);
  }

  /** @throws DomainError BATCH_NOT_FOUND (also for another partner's job) */
  async get(partnerId: string, id: string): Promise<BatchJob> {
    return jobView(await this.#own(partnerId, id));
  }

  /**
   * The results file, streamed a page at a time: a header row, then one line per row of the upload in its order.
   * @throws DomainError BATCH_NOT_FOUND, BATCH_NOT_FINISHED
   */
  async results(partnerId: string, id: string): Promise<AsyncIterable<string>> {
    const job = await this.#own(partnerId, id);
    if (job.status !== 'done') {
      throw new DomainError('BATCH_NOT_FINISHED', 'The batch is not finished: its results are not ready yet.', {
        status: job.status,
      });
    }
    const db = this.#deps.db;
    return (async function* () {
      yield `${RESULT_COLUMNS.join(',')}\n`;
      for (let after = 0; ; ) {
        const chunk = await batchStore.resultChunk(db, job.id, after);
        if (!chunk) return;
        yield chunk.lines;
        after = chunk.first_seq;
      }
    })();
  }

  /** A partner's batch rows checked in a month (`YYYY-MM`), by day, purpose label and price, for invoices. */
  checksByDay(partnerId: string, month: string): Promise<BatchDay[]> {
    return batchStore.batchDays(this.#deps.db, partnerId, `${month}-01`, `${month}-31`);
  }

  /**
   * Runs every job that is waiting or whose runner stopped (its lease ended), until none is left; returns how
   * many jobs it finished. Tests call it by hand; `start` calls it in the background.
   * @throws RangeError for rows per chunk that are not a whole number from 1 to 100,000.
   */
  async runPending(options: RunOptions = {}): Promise<number> {
    const settings = {
      chunkRows: options.chunkRows ?? this.#deps.chunkRows ?? DEFAULT_CHUNK_ROWS,
      leaseMs: this.#deps.leaseMs ?? 60_000,
    };
    // A chunk's checks are one access-log group, which holds at most MAX_GROUP_SUBJECTS.
    if (!Number.isInteger(settings.chunkRows) || settings.chunkRows < 1 || settings.chunkRows > MAX_GROUP_SUBJECTS) {
      throw new RangeError(`rows per chunk must be a whole number from 1 to ${MAX_GROUP_SUBJECTS}`);
    }
    let finished = 0;
    for (;;) {
      const now = this.#deps.clock.now();
      const lease = new Date(now.getTime() + settings.leaseMs);
      const only = options.jobId === undefined ? undefined : Number(options.jobId);
      const job = await batchStore.claim(this.#deps.db, this.#runner, now, lease, only);
      if (!job) return finished;
      try {
        if (await runJob(this.#deps, job, this.#runner, settings, options)) finished++;
      } catch (error) {
        await batchStore.failure(this.#deps.db, job.id, String(error), MAX_FAILURES, this.#deps.clock.now());
        throw error;
      }
    }
  }

  /** Runs pending jobs every `intervalMs` (one run at a time on this node). */
  start(intervalMs = 1000, onError: (error: unknown) => void = () => undefined): void {
    if (this.#timer) return;
    this.#timer = setInterval(() => {
      if (this.#running) return;
      this.#running = this.runPending()
        .catch((error) => {
          onError(error);
          return 0;
        })
        .finally(() => {
          this.#running = undefined;
        });
    }, intervalMs);
    this.#timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  async #own(partnerId: string, id: string): Promise<JobRow> {
    const job = /^\d{1,15}$/.test(id) ? await batchStore.findJob(this.#deps.db, Number(id)) : undefined;
    if (!job || job.partner_id !== partnerId) {
      throw new DomainError('BATCH_NOT_FOUND', 'No batch of yours has this id.');
    }
    return job;
  }
}

function jobView(row: JobRow): BatchJob {
  return {
    id: String(row.id),
    partnerId: row.partner_id,
    purpose: row.purpose,
    checkTypes: row.check_types as CheckType[],
    sha256: row.sha256,
    status: row.status,
    rowsRead: row.rows_total,
    rowsProcessed: row.rows_done,
    rowsMatched: row.rows_matched,
    rowsMismatched: row.rows_mismatched,
    rowsUnreadable: row.rows_unreadable,
    progress: row.rows_total === 0 ? (row.status === 'done' ? 1 : 0) : row.rows_done / row.rows_total,
    unitPriceVnd: row.batch_price_vnd,
    createdAt: row.created_at.toISOString(),
    ...(row.started_at ? { startedAt: row.started_at.toISOString() } : {}),
    ...(row.finished_at ? { finishedAt: row.finished_at.toISOString() } : {}),
    ...(row.status === 'done' ? { results: `/api/v1/verification-batches/${row.id}/results` } : {}),
  };
}
