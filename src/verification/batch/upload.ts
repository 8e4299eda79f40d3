/**
 * Nhận tệp — receiving a batch file: the bytes are hashed and read as CSV as they arrive, and each row goes
 * straight into the staging table by COPY, so that a file of millions of rows never sits in memory.
 */
import { createHash } from 'node:crypto';
import { type CsvValue, csvLine, type Database, sqlState } from '../../db/index.ts';
import { type Clock, DomainError } from '../../kernel/index.ts';
import { allowedPurpose, contractInForce } from '../check.ts';
import { monthOf, secondsToNextMonth } from '../metering.ts';
import type { PartnerTerms } from '../partners.ts';
import { CsvReader, type CsvRecord } from './csv-reader.ts';
import { type BatchColumn, checkTypesOfColumns, readHeader, readRow } from './rows.ts';
import { batchStore, COLUMN_OF, type JobRow, STAGED_FIELDS } from './store.ts';

/** Rows a file may have at most. */
export const MAX_BATCH_ROWS = 10_000_000;

/** A file already received from the same partner: the upload is answered with its job. */
class SameFile extends Error {
  constructor(readonly job: JobRow) {
    super('the same file was received before');
  }
}

export interface UploadDeps {
  readonly db: Database;
  readonly clock: Clock;
  /** The partner's checks of a month (`YYYY-MM`) already in the access log. */
  readonly checksInLog: (partnerId: string, month: string) => Promise<number>;
}

/**
 * Stages a partner's file as a new job, or finds the job of the same file (same SHA-256, same partner).
 * Refusals (partner, contract, purpose, header, check types) come before any row is staged; a file whose
 * readable rows would pass the month's remaining quota (the log's checks of the month and the rows of the
 * partner's unfinished jobs taken out) is refused once read, and nothing of it is kept.
 * @param uploadedBy who sent the file: `client:<id>`, `account:<id>` of a member of the partner's staff, or
 *   `cli:verify-batch`
 * @throws DomainError PARTNER_SUSPENDED, CONTRACT_NOT_IN_FORCE, PURPOSE_NOT_ALLOWED, BATCH_HEADER_INVALID,
 *   CHECK_TYPE_NOT_ALLOWED, BATCH_TOO_LARGE, BATCH_QUOTA_EXCEEDED
 */
export async function receiveBatch(
  deps: UploadDeps,
  terms: PartnerTerms,
  purposeCode: string,
  body: AsyncIterable<Uint8Array | string>,
  uploadedBy?: string,
): Promise<{ job: JobRow; created: boolean }> {
  const contract = contractInForce(deps, terms);
  const purpose = allowedPurpose(contract, purposeCode);
  const input = new FileInput(body);
  const columns = readHeader(await input.header());
  const checkTypes = checkTypesOfColumns(columns);
  const refused = checkTypes.filter((type) => !contract.checkTypes.includes(type));
  if (refused.length > 0) {
    throw new DomainError('CHECK_TYPE_NOT_ALLOWED', `The contract does not allow ${refused.join(', ')} checks.`, {
      refused,
      allowed: contract.checkTypes,
    });
  }
  // Read before the transaction, which may not reach for the pool; the log grows only by admitted checks.
  const month = monthOf(deps.clock.now());
  const logged = await deps.checksInLog(terms.partner.id, month);
  let sha256 = '';
  try {
    const job = await deps.db.transaction(
      async (tx) => {
        const id = await batchStore.nextJobId(tx);
        const counted = { readable: 0 };
        const rows = await tx.copyFrom(
          {
            table: 'verification.batch_row',
            columns: ['job_id', 'seq', 'line', ...STAGED_FIELDS, 'error', 'error_column'],
          },
          stagedLines(id, columns, input.records(), counted),
        );
        sha256 = input.sha256();
        const same = await batchStore.findBySha(tx, terms.partner.id, sha256);
        if (same) throw new SameFile(same);
        await batchStore.lockPartner(tx, terms.partner.id);
        const reserved = await batchStore.reservedRows(tx, terms.partner.id);
        assertWithinQuota(deps.clock.now(), contract.monthlyQuota, month, logged + reserved, counted.readable);
        await batchStore.insertJob(tx, {
          id,
          partner_id: terms.partner.id,
          purpose,
          check_types: checkTypes,
          batch_price_vnd: contract.batchPriceVnd,
          sha256,
          rows_total: rows,
          rows_readable: counted.readable,
          created_at: deps.clock.now(),
          uploaded_by: uploadedBy ?? null,
        });
        return (await batchStore.findJob(tx, id)) as JobRow;
      },
      { retries: 0 },
    );
    return { job, created: true };
  } catch (error) {
    if (error instanceof SameFile) return { job: error.job, created: false };
    // The same file arriving twice at once: the second waits for the first and finds its job.
    const same =
      sqlState(error) === '23505' ? await batchStore.findBySha(deps.db, terms.partner.id, sha256) : undefined;
    if (same) return { job: same, created: false };
    throw error;
  }
}

/**
 * Refuses a batch whose readable rows do not fit in what is left of the month's quota.
 * @throws DomainError BATCH_QUOTA_EXCEEDED with `details.rows`, `remaining`, `quota`, `month`, and
 *   `retryAfterSeconds` (until the next month) when the rows would fit in a whole month
 */
function assertWithinQuota(now: Date, quota: number, month: string, used: number, rows: number): void {
  const remaining = Math.max(0, quota - used);
  if (rows <= remaining) return;
  throw new DomainError(
    'BATCH_QUOTA_EXCEEDED',
    `The file has ${rows} readable rows; ${remaining} of the contract's ${quota} checks are left this month.`,
    { rows, remaining, quota, month, ...(rows <= quota ? { retryAfterSeconds: secondsToNextMonth(now) } : {}) },
  );
}

/** Staging lines in COPY's CSV: the row's number and line, its declared fields or why it cannot be read. */
async function* stagedLines(
  jobId: number,
  columns: readonly BatchColumn[],
  records: AsyncIterable<CsvRecord[]>,
  counted: { readable: number },
): AsyncIterable<string> {
  let seq = 0;
  for await (const batch of records) {
    let text = '';
    for (const record of batch) {
      if (++seq > MAX_BATCH_ROWS) {
        throw new DomainError('BATCH_TOO_LARGE', `A batch file holds at most ${MAX_BATCH_ROWS} rows.`, {
          maxRows: MAX_BATCH_ROWS,
        });
      }
      const read = record.fields ? readRow(columns, record.fields) : { declared: {}, error: record.error };
      if (read.error === undefined) counted.readable++;
      const values: CsvValue[] = [jobId, seq, record.line];
      const byColumn = new Map<string, string | undefined>(
        Object.entries(read.declared).map(([column, value]) => [COLUMN_OF[column as BatchColumn], value]),
      );
      for (const field of STAGED_FIELDS) values.push(byColumn.get(field));
      values.push(read.error, 'column' in read ? read.column : undefined);
      text += csvLine(values);
    }
    if (text !== '') yield text;
  }
}

/** The uploaded bytes: hashed as they pass, decoded as UTF-8 and read as CSV records. */
class FileInput {
  readonly #source: AsyncIterator<Uint8Array | string>;
  readonly #hash = createHash('sha256');
  readonly #decoder = new TextDecoder('utf-8');
  readonly #reader = new CsvReader();
  #pending: CsvRecord[] = [];
  #ended = false;

  constructor(body: AsyncIterable<Uint8Array | string>) {
    this.#source = body[Symbol.asyncIterator]();
  }

  /** The first record's fields (undefined for an empty file or an unreadable header). */
  async header(): Promise<string[] | undefined> {
    while (this.#pending.length === 0 && !this.#ended) await this.#pull();
    const first = this.#pending.shift();
    return first?.fields;
  }

  /** The records after the header, a piece of the input at a time. */
  async *records(): AsyncIterable<CsvRecord[]> {
    for (;;) {
      if (this.#pending.length > 0) {
        const batch = this.#pending;
        this.#pending = [];
        yield batch;
      }
      if (this.#ended) return;
      await this.#pull();
    }
  }

  sha256(): string {
    return this.#hash.digest('hex');
  }

  async #pull(): Promise<void> {
    const next = await this.#source.next();
    if (next.done) {
      this.#ended = true;
      this.#pending.push(...this.#reader.push(this.#decoder.decode()), ...this.#reader.end());
      return;
    }
    const bytes = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    this.#hash.update(bytes);
    for (const record of this.#reader.push(this.#decoder.decode(bytes, { stream: true }))) this.#pending.push(record);
  }
}
