/** The only code that touches the batch tables (`verification.batch_job`, `batch_row`, `batch_result_chunk`, …). */
import type { Database, Tx } from '../../db/index.ts';
import type { BatchColumn, RowError } from './rows.ts';

export interface JobRow {
  id: number;
  partner_id: string;
  purpose: string;
  check_types: string[];
  batch_price_vnd: number;
  sha256: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  rows_total: number;
  /** Rows read into fields: the ones the job will check and bill. */
  rows_readable: number;
  rows_done: number;
  rows_matched: number;
  rows_mismatched: number;
  rows_unreadable: number;
  runner: string | null;
  lease_until: Date | null;
  failures: number;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  uploaded_by: string | null;
}

export interface StagedRow {
  seq: number;
  line: number;
  personal_id: string | null;
  full_name: string | null;
  birth_date: string | null;
  sex: string | null;
  card_number: string | null;
  card_issued_on: string | null;
  phone: string | null;
  address: string | null;
  error: RowError | null;
  error_column: BatchColumn | null;
}

/** Staging columns in COPY order, after `job_id`, `seq` and `line`. */
export const STAGED_FIELDS = [
  'personal_id',
  'full_name',
  'birth_date',
  'sex',
  'card_number',
  'card_issued_on',
  'phone',
  'address',
] as const;

export const COLUMN_OF: Record<BatchColumn, (typeof STAGED_FIELDS)[number]> = {
  personalId: 'personal_id',
  fullName: 'full_name',
  birthDate: 'birth_date',
  sex: 'sex',
  cardNumber: 'card_number',
  cardIssuedOn: 'card_issued_on',
  phone: 'phone',
  address: 'address',
};

/** Batch checks of one day, purpose and combination of check types at one price. */
export interface BatchDay {
  day: string;
  purpose: string;
  checkTypes: string[];
  unitPriceVnd: number;
  checks: number;
}

export const batchStore = {
  /** A new job's id, drawn before its rows are staged (the job row itself is written last, once). */
  async nextJobId(tx: Tx): Promise<number> {
    const { rows } = await tx.query<{ id: number }>(
      "select nextval(pg_get_serial_sequence('verification.batch_job', 'id'))::int8 as id",
    );
    return Number((rows[0] as { id: number }).id);
  },

  async insertJob(
    tx: Tx,
    job: Pick<
      JobRow,
      | 'id'
      | 'partner_id'
      | 'purpose'
      | 'check_types'
      | 'batch_price_vnd'
      | 'sha256'
      | 'rows_total'
      | 'rows_readable'
      | 'created_at'
      | 'uploaded_by'
    >,
  ): Promise<void> {
    await tx.query(
      `insert into verification.batch_job (id, partner_id, purpose, check_types, batch_price_vnd, sha256, rows_total,
         rows_readable, created_at, uploaded_by)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        job.id,
        job.partner_id,
        job.purpose,
        job.check_types,
        job.batch_price_vnd,
        job.sha256,
        job.rows_total,
        job.rows_readable,
        job.created_at,
        job.uploaded_by,
      ],
    );
  },

  /**
   * Waits for the partner's other uploads to finish deciding (a row lock on the partner until `tx` ends), so
   * that two files arriving together cannot both take the same remaining quota.
   */
  async lockPartner(tx: Tx, partnerId: string): Promise<void> {
    await tx.query('select id from verification.partner where id = $1 for update', [partnerId]);
  },

  /** Rows of the partner's unfinished jobs still to be checked: reserved against its monthly quota. */
  async reservedRows(on: Database | Tx, partnerId: string): Promise<number> {
    const { rows } = await on.query<{ reserved: number }>(
      `select coalesce(sum(greatest(0, rows_readable - rows_matched - rows_mismatched)), 0)::int8 as reserved
       from verification.batch_job where partner_id = $1 and status in ('queued', 'running')`,
      [partnerId],
    );
    return Number(rows[0]?.reserved ?? 0);
  },

  /** The partner's jobs, newest first: at most `limit`, before job `before` when given. */
  async listJobs(db: Database, partnerId: string, limit: number, before?: number): Promise<JobRow[]> {
    const { rows } = await db.query<JobRow>(
      `select * from verification.batch_job where partner_id = $1 and ($2::int8 is null or id < $2)
       order by id desc limit $3`,
      [partnerId, before ?? null, limit],
    );
    return rows;
  },

  async findBySha(on: Database | Tx, partnerId: string, sha256: string): Promise<JobRow | undefined> {
    const { rows } = await on.query<JobRow>(
      'select * from verification.batch_job where partner_id = $1 and sha256 = $2',
      [partnerId, sha256],
    );
    return rows[0];
  },

  async findJob(on: Database | Tx, id: number, lock = false): Promise<JobRow | undefined> {
    const { rows } = await on.query<JobRow>(
      `select * from verification.batch_job where id = $1${lock ? ' for update' : ''}`,
      [id],
    );
    return rows[0];
  },

  /** Takes the oldest unfinished job nobody else holds, for `leaseUntil`. */
  async claim(db: Database, runner: string, now: Date, leaseUntil: Date, only?: number): Promise<JobRow | undefined> {
    return db.transaction(async (tx) => {
      const { rows } = await tx.query<JobRow>(
        `update verification.batch_job j
         set status = 'running', runner = $1, lease_until = $3, started_at = coalesce(j.started_at, $2)
         where j.id = (
           select id from verification.batch_job
           where status in ('queued', 'running') and (lease_until is null or lease_until < $2 or runner = $1)
             and ($4::int8 is null or id = $4)
           order by id limit 1 for update skip locked)
         returning j.*`,
        [runner, now, leaseUntil, only ?? null],
      );
      return rows[0];
    });
  },

  /**
   * The staged rows after `after`, at most `limit`. A job's rows are numbered from 1 without gaps, so the next
   * rows are also a range of `seq`: bounding it keeps the plan to those rows whatever the table's statistics
   * (a table just filled by COPY has none, and the planner would read all the job's later rows to sort them).
   */
  async stagedRows(db: Database, jobId: number, after: number, limit: number): Promise<StagedRow[]> {
    const { rows } = await db.query<StagedRow>(
      `select seq, line, ${STAGED_FIELDS.join(', ')}, error, error_column from verification.batch_row
       where job_id = $1 and seq > $2 and seq <= $2 + $3 order by seq limit $3`,
      [jobId, after, limit],
    );
    return rows;
  },

  async progress(
    tx: Tx,
    id: number,
    counts: { done: number; matched: number; mismatched: number; unreadable: number },
    leaseUntil: Date,
    now: Date,
  ): Promise<void> {
    await tx.query(
      `update verification.batch_job
       set rows_done = $2, rows_matched = rows_matched + $3, rows_mismatched = rows_mismatched + $4,
         rows_unreadable = rows_unreadable + $5, lease_until = $6, failures = 0,
         status = case when $2 >= rows_total then 'done' else status end,
         finished_at = case when $2 >= rows_total then $7::timestamptz else finished_at end
       where id = $1`,
      [id, counts.done, counts.matched, counts.mismatched, counts.unreadable, leaseUntil, now],
    );
  },

  /** Records what a chunk checked, for invoices (in the chunk's transaction). */
  async insertChunk(
    tx: Tx,
    chunk: {
      jobId: number;
      lastSeq: number;
      partnerId: string;
      purpose: string;
      day: string;
      checks: number;
      price: number;
    },
  ): Promise<void> {
    await tx.query(
      `insert into verification.batch_chunk (job_id, last_seq, partner_id, purpose, day, checks, unit_price_vnd)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [chunk.jobId, chunk.lastSeq, chunk.partnerId, chunk.purpose, chunk.day, chunk.checks, chunk.price],
    );
  },

  /**
   * A partner's batch checks of the days from `from` to `to` (inclusive), by day, purpose label, the check types
   * of their job and price.
   */
  async batchDays(db: Database, partnerId: string, from: string, to: string): Promise<BatchDay[]> {
    const { rows } = await db.query<BatchDay>(
      `select c.day, c.purpose, j.check_types as "checkTypes", c.unit_price_vnd as "unitPriceVnd",
         sum(c.checks)::int8 as checks
       from verification.batch_chunk c join verification.batch_job j on j.id = c.job_id
       where c.partner_id = $1 and c.day between $2 and $3
       group by c.day, c.purpose, j.check_types, c.unit_price_vnd
       order by c.day, c.purpose, j.check_types, c.unit_price_vnd`,
      [partnerId, from, to],
    );
    return rows;
  },

  /** Counts a failed attempt; the job fails for good after `maxFailures`. */
  async failure(db: Database, id: number, message: string, maxFailures: number, now: Date): Promise<void> {
    await db.query(
      `update verification.batch_job
       set failures = failures + 1, error = $2, lease_until = null,
         status = case when failures + 1 >= $3 then 'failed' else status end,
         finished_at = case when failures + 1 >= $3 then $4::timestamptz else finished_at end
       where id = $1`,
      [id, message.slice(0, 500), maxFailures, now],
    );
  },

  /** A checked chunk's lines of the results file (rows `firstSeq` to `lastSeq`), in the chunk's transaction. */
  async insertResults(tx: Tx, jobId: number, firstSeq: number, lastSeq: number, lines: string): Promise<void> {
    await tx.query(
      'insert into verification.batch_result_chunk (job_id, first_seq, last_seq, lines) values ($1, $2, $3, $4)',
      [jobId, firstSeq, lastSeq, lines],
    );
  },

  /** The lines of the chunk after the one starting at `after` (0: the first), in file order; none at the end. */
  async resultChunk(
    db: Database,
    jobId: number,
    after: number,
  ): Promise<{ first_seq: number; lines: string } | undefined> {
    const { rows } = await db.query<{ first_seq: number; lines: string }>(
      `select first_seq, lines from verification.batch_result_chunk where job_id = $1 and first_seq > $2
       order by first_seq limit 1`,
      [jobId, after],
    );
    return rows[0];
  },
};
