/**
 * `npm run bench -- registry`: the synthetic population and lookups by ID number, each as a ratio to a
 * baseline measured in the same run (DESIGN.md §5):
 *
 * - seeding (people/s) against a raw `COPY` of the same person rows from a prepared CSV file into the same,
 *   empty `registry.person` (goal ≥ 0.5×);
 * - lookups by ID number through the API (a listening server, keep-alive connections, the bootstrap token)
 *   against raw indexed lookups in SQL, at the same concurrency (goal ≥ 0.2×). Every API lookup appends an
 *   access-log row, by design (DESIGN.md §3). To split the two costs, the same server is also measured with
 *   the access-log write replaced by nothing (only here: the platform never serves a read unlogged).
 *
 * On PGlite (in memory) always, on PostgreSQL when DATABASE_URL or --pg is given (in a scratch database that
 * is created and dropped). Options: --people N (PGlite, default 100,000), --pg-people N (default 1,000,000),
 * --pg URL, --no-pglite, --seconds S (per lookup run, default 10), --concurrency C (default 32), --seed S.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { AccessLog } from '../src/audit/index.ts';
import { loadConfig } from '../src/config/index.ts';
import { Database, migrate } from '../src/db/index.ts';
import { buildApp } from '../src/http/index.ts';
import { BootstrapTokens } from '../src/identity/index.ts';
import { systemClock } from '../src/kernel/index.ts';
import { loadReferenceData, SEED_PERSON_TARGET, seedPersonCsv, seedPopulation } from '../src/registry/index.ts';
import { stealText, watchSteal } from './lib/cpu-steal.ts';
import { httpLoad } from './lib/http-load.ts';
import { closedLoop, int, ratio, type Throughput, table, timed } from './lib/measure.ts';
import { settleAfterLoad, withScratchDatabase } from './lib/scratch-database.ts';

interface Options {
  readonly people: number;
  readonly pgPeople: number;
  readonly pg: string | undefined;
  readonly pglite: boolean;
  readonly seconds: number;
  readonly concurrency: number;
  readonly seed: number;
}

interface EngineResult {
  readonly engine: string;
  readonly people: number;
  readonly rawCopy: number;
  readonly seed: number;
  readonly seedPhases: string;
  /** The CPU time the host's hypervisor took during the baseline and the seed (cpu-steal.ts). */
  readonly stolen: string;
  readonly rawLookups: Throughput;
  readonly apiLookups: Throughput;
  readonly apiLookupsUnlogged: Throughput;
  readonly accessLogRows: number;
}

const LOOKUP_SQL = 'select personal_id, full_name, birth_date, sex, status from registry.person where personal_id = $1';
const SAMPLE_IDS = 20_000;

export async function run(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const results: EngineResult[] = [];
  if (options.pglite) results.push(await benchEngine('pglite', undefined, options.people, options));
  if (options.pg) {
    const pg = options.pg;
    results.push(await withScratchDatabase(pg, (url) => benchEngine('postgres', url, options.pgPeople, options)));
  }
  process.stdout.write(report(results, options));
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: {
      people: { type: 'string', default: '100000' },
      'pg-people': { type: 'string', default: '1000000' },
      pg: { type: 'string' },
      'no-pglite': { type: 'boolean', default: false },
      seconds: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '32' },
      seed: { type: 'string', default: '1' },
    },
  });
  const number = (text: string) => Number(text.replaceAll('_', ''));
  return {
    people: number(values.people),
    pgPeople: number(values['pg-people']),
    pg: values.pg ?? process.env.DATABASE_URL,
    pglite: !values['no-pglite'],
    seconds: number(values.seconds),
    concurrency: number(values.concurrency),
    seed: number(values.seed),
  };
}

async function benchEngine(engine: string, url: string | undefined, people: number, options: Options) {
  const log = (message: string) => process.stderr.write(`[${engine}] ${message}\n`);
  const db = url
    ? await Database.open({ url, maxConnections: options.concurrency + 8 })
    : await Database.open({ pglite: { memory: true } });
  const file = join(tmpdir(), `dancu-bench-person-${randomUUID()}.csv`);
  try {
    await migrate(db);
    await loadReferenceData(db);
    const clock = systemClock;
    log(`writing the person rows of ${int(people)} people to ${file}`);
    await writeFile(file, seedPersonCsv({ db, clock }, { people, seed: options.seed }));

    log('baseline: COPY of that file into the empty registry.person');
    const rawSteal = watchSteal();
    const raw = await timed(() => db.copyFrom(SEED_PERSON_TARGET, readLines(file)));
    const rawStolen = rawSteal.stop();
    await db.query('truncate registry.person');

    log(`seed: ${int(people)} people into the emptied registry`);
    const seedSteal = watchSteal();
    const seeded = await timed(() => seedPopulation({ db, clock }, { people, seed: options.seed }));
    const seedStolen = seedSteal.stop();
    const phases = seeded.result.phases;
    const seedPhases = `load ${(phases.loadMs / 1000).toFixed(1)} s, indexes ${(phases.indexesMs / 1000).toFixed(1)} s, analyze ${(phases.analyzeMs / 1000).toFixed(1)} s`;

    // After the seed's timing: what the load leaves to do (vacuum, a checkpoint) is not the lookups' to pay.
    await settleAfterLoad(db);
    const ids = (
      await db.query<{ personal_id: string }>(
        `select personal_id from registry.person order by md5(personal_id) limit ${SAMPLE_IDS}`,
      )
    ).rows.map((row) => row.personal_id);
    log(`raw lookups: ${options.concurrency} callers for ${options.seconds} s`);
    const rawLookups = await closedLoop(options.concurrency, options.seconds, async (loop, i) => {
      await db.query(LOOKUP_SQL, [ids[(loop * 7919 + i * options.concurrency) % ids.length]]);
    });

    log(`API lookups: ${options.concurrency} keep-alive connections for ${options.seconds} s`);
    const before = await accessLogRows(db);
    const token = await new BootstrapTokens(db, clock).reset();
    const apiRun = async () => {
      const app = await buildApp({ config: { ...loadConfig({}), logLevel: 'warn', port: 0 }, db, clock });
      const address = await app.listen({ port: 0, host: '127.0.0.1' });
      try {
        return await httpLoad({
          url: address,
          paths: ids.map((id) => `/api/v1/registry/people/${id}`),
          headers: { authorization: `Bearer ${token}` },
          concurrency: options.concurrency,
          seconds: options.seconds,
        });
      } finally {
        await app.close();
      }
    };
    const apiLookups = await apiRun();
    const accessLogRowsWritten = (await accessLogRows(db)) - before;
    log('API lookups again, with the access-log write replaced by nothing (to split the costs)');
    const apiLookupsUnlogged = await withoutAccessLogWrites(apiRun);
    return {
      engine: url ? 'PostgreSQL 15' : 'PGlite 0.5.16 (memory)',
      people,
      rawCopy: people / raw.seconds,
      seed: people / seeded.seconds,
      seedPhases,
      stolen: `raw COPY ${stealText(rawStolen)}; seed ${stealText(seedStolen)}`,
      rawLookups,
      apiLookups,
      apiLookupsUnlogged,
      accessLogRows: accessLogRowsWritten,
    } satisfies EngineResult;
  } finally {
    rmSync(file, { force: true });
    await db.close();
  }
}

/** Runs `fn` with `AccessLog.record` doing nothing: a measurement of what the access-log write costs. */
async function withoutAccessLogWrites<T>(fn: () => Promise<T>): Promise<T> {
  const record = Object.getOwnPropertyDescriptor(AccessLog.prototype, 'record') as PropertyDescriptor;
  Object.defineProperty(AccessLog.prototype, 'record', { ...record, value: async () => {} });
  try {
    return await fn();
  } finally {
    Object.defineProperty(AccessLog.prototype, 'record', record);
  }
}

async function accessLogRows(db: Database): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int8 as n from audit.access_log');
  return rows[0]?.n ?? 0;
}

async function writeFile(path: string, chunks: AsyncIterable<string>): Promise<void> {
  const out = createWriteStream(path);
  for await (const chunk of chunks) {
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
}

/** The file in pieces of about 4 MiB that end at a line end (a PGlite COPY batch must hold whole rows). */
async function* readLines(path: string): AsyncIterable<string> {
  const handle = await open(path);
  let rest = '';
  try {
    for await (const piece of handle.createReadStream({ encoding: 'utf8', highWaterMark: 4 * 1024 * 1024 })) {
      const text = rest + (piece as string);
      const end = text.lastIndexOf('\n') + 1;
      rest = text.slice(end);
      if (end > 0) yield text.slice(0, end);
    }
    if (rest !== '') yield rest;
  } finally {
    await handle.close();
  }
}

function report(results: readonly EngineResult[], options: Options): string {
  const ms = (value: number) => value.toFixed(1);
  const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  return [
    '',
    `registry benchmark, ${new Date().toISOString().slice(0, 10)}, ${machine}`,
    '',
    'Seeding vs a raw COPY of the same person rows into the same empty table (goal ≥ 0.5×)',
    table(
      ['engine', 'people', 'raw COPY people/s', 'seed people/s', 'ratio', 'seed phases'],
      results.map((r) => [
        r.engine,
        int(r.people),
        int(r.rawCopy),
        int(r.seed),
        ratio(r.seed, r.rawCopy),
        r.seedPhases,
      ]),
    ),
    ...results.map((r) => `CPU stolen by the host (${r.engine}): ${r.stolen}`),
    '',
    `Lookups by ID number, ${options.concurrency} concurrent callers, ${options.seconds} s each (goal ≥ 0.2×)`,
    table(
      ['engine', 'raw SQL/s', 'p50 ms', 'p99 ms', 'API/s', 'p50 ms', 'p99 ms', 'ratio', 'errors', 'access-log rows'],
      results.map((r) => [
        r.engine,
        int(r.rawLookups.perSecond),
        ms(r.rawLookups.p50Ms),
        ms(r.rawLookups.p99Ms),
        int(r.apiLookups.perSecond),
        ms(r.apiLookups.p50Ms),
        ms(r.apiLookups.p99Ms),
        ratio(r.apiLookups.perSecond, r.rawLookups.perSecond),
        int(r.rawLookups.errors + r.apiLookups.errors),
        int(r.accessLogRows),
      ]),
    ),
    '',
    'Every API lookup appends an access-log row (audit, hash-chained), by design: the raw lookups write nothing.',
    '',
    'The same API lookups with the access-log write replaced by nothing (measurement only: what the write costs)',
    table(
      ['engine', 'API without the write/s', 'p50 ms', 'p99 ms', 'ratio to raw', 'API with it / without'],
      results.map((r) => [
        r.engine,
        int(r.apiLookupsUnlogged.perSecond),
        ms(r.apiLookupsUnlogged.p50Ms),
        ms(r.apiLookupsUnlogged.p99Ms),
        ratio(r.apiLookupsUnlogged.perSecond, r.rawLookups.perSecond),
        ratio(r.apiLookups.perSecond, r.apiLookupsUnlogged.perSecond),
      ]),
    ),
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run(process.argv.slice(2));
