import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config/index.ts';
import { buildApp } from '../http/index.ts';
import type { BatchJob } from '../verification/index.ts';
import { describeDatabase, openDatabase } from './open-database.ts';
import { prepareDatabase } from './prepare-database.ts';
import { UsageError } from './seed.ts';

export const VERIFY_BATCH_USAGE = `Usage: dancu verify-batch FILE --partner P [--purpose X] [--out RESULTS]

  FILE          a CSV file with a header row (docs/verification.md: personalId and any of fullName, birthDate,
                sex, cardNumber, cardIssuedOn, phone, address)
  --partner P   the partner the job runs for, as if it had uploaded the file (its contract, purpose, price)
  --purpose X   a purpose of the partner's contract (default: the contract's first)
  --out RESULTS where to write the results (default: FILE's name with .results.csv, next to it)
`;

export interface VerifyBatchOptions {
  readonly file: string;
  readonly partner: string;
  readonly purpose?: string;
  readonly out: string;
}

/**
 * `dancu verify-batch`: runs a batch job for a partner from a file, as the partner would through the API
 * (the same job for the same file), showing progress on stderr, then writes the results file.
 */
export async function runVerifyBatch(config: Config, args: readonly string[]): Promise<number> {
  const options = parseVerifyBatchArgs(args);
  const db = await openDatabase(config);
  try {
    await prepareDatabase(db);
    process.stderr.write(`verifying ${options.file} for ${options.partner} on ${describeDatabase(config)}\n`);
    const app = await buildApp({ config: { ...config, logLevel: 'warn' }, db });
    try {
      const done = await verifyBatchFile(app, options, process.stderr);
      if (done.status !== 'done') return 1;
      process.stdout.write(summary(done, options.out));
      return 0;
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}

/** Uploads the file as the partner (or finds its job), runs the job to its end and writes the results file. */
export async function verifyBatchFile(
  app: FastifyInstance,
  options: VerifyBatchOptions,
  progress: { write(text: string): unknown },
): Promise<BatchJob> {
  const { verification } = app.services;
  const terms = await verification.partners.get(options.partner);
  const purpose = options.purpose ?? terms.contracts.at(-1)?.purposes[0]?.code ?? '';
  const { job, created } = await verification.batches.upload(
    terms,
    purpose,
    createReadStream(options.file),
    'cli:verify-batch',
  );
  progress.write(`${created ? 'new' : 'existing'} batch ${job.id}: ${job.rowsRead} rows\n`);
  await verification.batches.runPending({
    jobId: job.id,
    onChunk: (row) => progress.write(`\r  ${row.rows_done} / ${row.rows_total} rows checked`),
  });
  progress.write('\n');
  const done = await verification.batches.get(terms.partner.id, job.id);
  if (done.status !== 'done') {
    progress.write(`batch ${job.id} is ${done.status}\n`);
    return done;
  }
  await writeResults(await verification.batches.results(terms.partner.id, job.id), options.out);
  return done;
}

/** @throws UsageError for a missing file or partner, or an unknown option. */
export function parseVerifyBatchArgs(args: readonly string[]): VerifyBatchOptions {
  let parsed: ReturnType<typeof parse>;
  const parse = () =>
    parseArgs({
      args: [...args],
      strict: true,
      allowPositionals: true,
      options: { partner: { type: 'string' }, purpose: { type: 'string' }, out: { type: 'string' } },
    });
  try {
    parsed = parse();
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${VERIFY_BATCH_USAGE}`);
  }
  const [file, ...extra] = parsed.positionals;
  const { partner, purpose, out } = parsed.values;
  if (!file || extra.length > 0 || !partner)
    throw new UsageError(`give one FILE and --partner\n\n${VERIFY_BATCH_USAGE}`);
  return {
    file,
    partner,
    ...(purpose ? { purpose } : {}),
    out: out ?? join(dirname(file), `${basename(file, extname(file))}.results.csv`),
  };
}

async function writeResults(lines: AsyncIterable<string>, path: string): Promise<void> {
  const out = createWriteStream(path);
  for await (const text of lines) {
    if (!out.write(text)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

function summary(job: BatchJob, out: string): string {
  return [
    `batch ${job.id} done: ${job.rowsRead} rows, ${job.rowsMatched} matched, ${job.rowsMismatched} mismatched, ${job.rowsUnreadable} unreadable`,
    `results: ${out}`,
    '',
  ].join('\n');
}
