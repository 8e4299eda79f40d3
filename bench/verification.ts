/**
 * `npm run bench -- verification`: the verification service on PostgreSQL, in a scratch database seeded with
 * `--people` people (default 1,000,000), each figure against a baseline measured in the same run
 * (DESIGN.md §5):
 *
 * - online checks: `POST /api/v1/verifications` through the listening server, each request with a partner's
 *   client-credentials access token (one per client, obtained before the timed phase; every request's token
 *   is resolved by the service as usual) and logged in the access log, against raw indexed lookups of the
 *   same people by the person table's primary key (`pg`, no HTTP, nothing logged), at the same concurrency
 *   (goal ≥ 0.15×); then the same checks at half the rate reached, as an open loop (a fixed arrival rate),
 *   for their latency (goal p99 ≤ 25 ms), beside the raw lookups at that same rate, the CPU time the host's
 *   hypervisor took from the machine during each (Linux's steal time) and the server thread's pauses;
 * - batch: a `--rows`-row CSV file (default 1,000,000) of declarations drawn from the seeded people, with
 *   mismatches, unknown numbers and unreadable rows, run by the service's batch path (upload, run to done,
 *   results file, as `dancu verify-batch` does) against a pure-SQL pipeline on the same file (COPY into a
 *   staging table, one hash join against `registry.person` computing the per-attribute results, COPY out to a
 *   file) (goal ≥ 0.5×). The process's memory is sampled throughout the batch.
 *
 * Options: --pg URL (or DATABASE_URL), --people N, --rows N, --seconds S (each online run, default 10),
 * --concurrency C (default 32), --seed S, --sample-ms MS (memory, default 250), --no-online, --no-batch,
 * --profile FILE (CPU profiles of the main thread during the online checks and the batch run), --statements
 * (the database time of the service batch by statement), --chunk-rows N (the batch runner's rows per chunk;
 * default the service's).
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream, rmSync, statSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pipeline } from 'node:stream/promises';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { loadConfig } from '../src/config/index.ts';
import { Database, migrate } from '../src/db/index.ts';
import { buildApp } from '../src/http/index.ts';
import { systemClock } from '../src/kernel/index.ts';
import { loadReferenceData, seedPopulation } from '../src/registry/index.ts';
import { type BatchJob, type NewContract, RESULT_COLUMNS } from '../src/verification/index.ts';
import { type StealReport, stealText, watchSteal } from './lib/cpu-steal.ts';
import { type HttpPostResult, httpPostLoad } from './lib/http-post-load.ts';
import { closedLoop, int, openLoop, ratio, type Throughput, table, timed } from './lib/measure.ts';
import { type BenchPartner, registerPartner } from './lib/partner.ts';
import { type PauseReport, pausesText, watchPauses } from './lib/pauses.ts';
import { startProfile } from './lib/profile.ts';
import { settleAfterLoad, withScratchDatabase } from './lib/scratch-database.ts';
import { type StatementTime, timeStatements } from './lib/statement-times.ts';

interface Options {
  readonly pg: string;
  readonly people: number;
  readonly rows: number;
  readonly seconds: number;
  readonly concurrency: number;
  readonly seed: number;
  readonly sampleMs: number;
  readonly online: boolean;
  readonly batch: boolean;
  readonly profile: string | undefined;
  readonly statements: boolean;
  readonly chunkRows: number | undefined;
}

/** High enough not to throttle the benchmark: the schema's largest rate, a quota of a trillion checks. */
const CONTRACT: NewContract = {
  purposes: ['account_opening', 'customer_data_cleaning'],
  checkTypes: ['identity', 'card', 'phone', 'address'],
  onlinePriceVnd: 1_500,
  batchPriceVnd: 600,
  monthlyQuota: 1_000_000_000_000,
  ratePerSecond: 100_000,
  validFrom: '2026-01-01',
};
/** People the online checks are drawn from. */
const SAMPLE_PEOPLE = 20_000;
const RAW_LOOKUP_SQL =
  'select personal_id, full_name, birth_date, sex, status from registry.person where personal_id = $1';
const BATCH_HEADER = ['personalId', 'fullName', 'birthDate', 'sex', 'phone'] as const;

export async function run(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const uptimeBefore = loadavg();
  const result = await withScratchDatabase(options.pg, (url) => benchDatabase(url, options));
  process.stdout.write(report(result, options, uptimeBefore, loadavg()));
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: {
      pg: { type: 'string' },
      people: { type: 'string', default: '1000000' },
      rows: { type: 'string', default: '1000000' },
      seconds: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '32' },
      seed: { type: 'string', default: '1' },
      'sample-ms': { type: 'string', default: '250' },
      'no-online': { type: 'boolean', default: false },
      'no-batch': { type: 'boolean', default: false },
      profile: { type: 'string' },
      statements: { type: 'boolean', default: false },
      'chunk-rows': { type: 'string' },
    },
  });
  const number = (text: string) => Number(text.replaceAll('_', ''));
  const url = values.pg ?? process.env.DATABASE_URL;
  if (!url) throw new Error('the verification benchmark runs on PostgreSQL: give --pg URL or set DATABASE_URL');
  return {
    pg: url,
    people: number(values.people),
    rows: number(values.rows),
    seconds: number(values.seconds),
    concurrency: number(values.concurrency),
    seed: number(values.seed),
    sampleMs: number(values['sample-ms']),
    online: !values['no-online'],
    batch: !values['no-batch'],
    profile: values.profile,
    statements: values.statements,
    chunkRows: values['chunk-rows'] === undefined ? undefined : number(values['chunk-rows']),
  };
}

const log = (message: string) => process.stderr.write(`[verification] ${message}\n`);

interface Result {
  readonly seedSeconds: number;
  readonly online?: OnlineResult;
  readonly batch?: BatchResult;
}

async function benchDatabase(url: string, options: Options): Promise<Result> {
  const db = await Database.open({ url, maxConnections: options.concurrency + 8 });
  const pool = new pg.Pool({ connectionString: url, max: options.concurrency });
  try {
    await migrate(db);
    await loadReferenceData(db);
    log(`seeding ${int(options.people)} people`);
    const seeded = await timed(() =>
      seedPopulation({ db, clock: systemClock }, { people: options.people, seed: options.seed }),
    );
    log(`seeded in ${seeded.seconds.toFixed(1)} s; vacuum, analyze and checkpoint before the timed runs`);
    await settleAfterLoad(db);
    const app = await buildApp({ config: { ...loadConfig({}), logLevel: 'warn', port: 0 }, db, clock: systemClock });
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    try {
      const partner = await registerPartner(app, {
        id: 'ngan-hang-do-hieu-nang',
        name: 'Ngân hàng Đo hiệu năng',
        scopes: ['verification', 'verification.batch'],
        contract: CONTRACT,
      });
      return {
        seedSeconds: seeded.seconds,
        ...(options.online ? { online: await benchOnline(db, pool, address, partner, options) } : {}),
        ...(options.batch ? { batch: await benchBatch(app, pool, partner, options) } : {}),
      };
    } finally {
      await app.close();
    }
  } finally {
    await pool.end();
    await db.close();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Declarations drawn from the seeded people

/** A seeded person as a customer would declare them. */
interface Person {
  readonly personalId: string;
  readonly fullName: string;
  readonly foldedName: string;
  readonly birthDate: string;
  readonly sex: 'male' | 'female';
  readonly phone: string | null;
  readonly cardNumber: string | null;
  readonly cardIssuedOn: string | null;
}

type Declaration = Partial<
  Record<'fullName' | 'birthDate' | 'sex' | 'cardNumber' | 'cardIssuedOn' | 'phone', string>
> & {
  personalId: string;
};

/** A small deterministic generator (mulberry32), so that a run's files are the same for the same seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/**
 * What a customer declared for `person`, as a partner sends it: mostly right (sometimes without diacritics, a
 * year only, the phone in +84 form), some of it wrong (about one declaration in ten), a number nobody has
 * (3 %).
 */
function declare(person: Person, draw: () => number, withCard: boolean): Declaration {
  const declared: Declaration = {
    personalId: person.personalId,
    fullName: person.fullName,
    birthDate: person.birthDate,
    sex: person.sex,
    ...(person.phone ? { phone: person.phone } : {}),
    ...(withCard && person.cardNumber && person.cardIssuedOn
      ? { cardNumber: person.cardNumber, cardIssuedOn: person.cardIssuedOn }
      : {}),
  };
  const roll = draw();
  if (roll < 0.03)
    declared.personalId = `${person.personalId.slice(0, 6)}${String(Math.floor(draw() * 1e6)).padStart(6, '0')}`;
  else if (roll < 0.08) declared.fullName = person.foldedName.toUpperCase();
  else if (roll < 0.11) declared.birthDate = person.birthDate.slice(0, 4);
  else if (roll < 0.14) declared.birthDate = shiftDay(person.birthDate);
  else if (roll < 0.16) declared.sex = person.sex === 'male' ? 'female' : 'male';
  else if (roll < 0.19) declared.fullName = `${person.fullName.split(' ').slice(0, -1).join(' ')} Minh`;
  else if (roll < 0.21 && person.phone) declared.phone = `+84 ${person.phone.slice(1, 4)} ${person.phone.slice(4)}`;
  else if (roll < 0.23 && person.phone)
    declared.phone = `09${person.phone.slice(2, 9)}${(Number(person.phone.at(-1)) + 1) % 10}`;
  return declared;
}

/** Another day of the same month. */
function shiftDay(date: string): string {
  const day = Number(date.slice(8, 10));
  return `${date.slice(0, 8)}${String(day >= 28 ? day - 1 : day + 1).padStart(2, '0')}`;
}

const PERSON_COLUMNS = `p.personal_id, p.full_name, p.folded_name, p.birth_date::text, p.sex, p.phone`;

function personOf(row: Record<string, string | null>): Person {
  return {
    personalId: row.personal_id as string,
    fullName: row.full_name as string,
    foldedName: row.folded_name as string,
    birthDate: row.birth_date as string,
    sex: row.sex as 'male' | 'female',
    phone: row.phone ?? null,
    cardNumber: row.card_number ?? null,
    cardIssuedOn: row.card_issued_on ?? null,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Online checks

interface OnlineResult {
  readonly raw: Throughput;
  readonly api: HttpPostResult;
  /** Share of the closed loop's wall time the server's (main) thread was busy. */
  readonly apiServerBusy: number;
  readonly halfRate: number;
  readonly open: HttpPostResult;
  /** What the hypervisor took during the open loop (see cpu-steal.ts). */
  readonly openStolen: StealReport | undefined;
  /** Where the server's thread stopped during the open loop (see pauses.ts). */
  readonly openPauses: PauseReport;
  /** The raw lookups at the same arrival rate: the latency the database alone gives on this machine now. */
  readonly rawOpen: Throughput;
  readonly rawOpenStolen: StealReport | undefined;
  readonly accessLogRows: number;
  readonly requests: number;
  readonly notFound: number;
  readonly mismatched: number;
}

async function benchOnline(
  db: Database,
  pool: pg.Pool,
  address: string,
  partner: BenchPartner,
  options: Options,
): Promise<OnlineResult> {
  const { rows } = await pool.query(
    `select ${PERSON_COLUMNS}, c.card_number, c.issued_on::text as card_issued_on
     from registry.person p
     left join lateral (select card_number, issued_on from registry.identity_card c
       where c.personal_id = p.personal_id order by issued_on desc, id desc limit 1) c on true
     order by md5(p.personal_id) limit ${SAMPLE_PEOPLE}`,
  );
  const draw = random(options.seed);
  const declarations = rows.map((row) => declare(personOf(row), draw, true));
  const ids = declarations.map((each) => each.personalId);
  const bodies = declarations.map((each) => JSON.stringify({ ...each, purpose: 'account_opening' }));

  log(
    `raw indexed lookups of the same ${int(ids.length)} numbers: ${options.concurrency} callers for ${options.seconds} s`,
  );
  const raw = await closedLoop(options.concurrency, options.seconds, async (loop, i) => {
    await pool.query(RAW_LOOKUP_SQL, [ids[(loop * 7919 + i * options.concurrency) % ids.length]]);
  });

  const token = await partner.token();
  const load = {
    url: address,
    path: '/api/v1/verifications',
    contentType: 'application/json',
    headers: { authorization: `Bearer ${token}` },
    bodies,
    reuse: true,
    warmUp: 2_000,
    concurrency: options.concurrency,
    seconds: options.seconds,
    keep: 200,
  };
  const before = await accessLogRows(db);
  log(`online checks: ${options.concurrency} keep-alive connections for ${options.seconds} s`);
  const profiling = options.profile ? await startProfile() : undefined;
  const loopBefore = performance.eventLoopUtilization();
  const api = await httpPostLoad(load);
  const apiServerBusy = performance.eventLoopUtilization(loopBefore).utilization;
  await profiling?.stop(`${options.profile}-online.cpuprofile`);
  assertAnswered(api);

  const halfRate = Math.max(1, Math.round(api.perSecond / 2));
  log(`online checks at ${int(halfRate)}/s (half the rate reached), open loop for ${options.seconds} s`);
  const openSteal = watchSteal();
  const openWatch = watchPauses();
  const open = await httpPostLoad({ ...load, arrivalRate: halfRate, concurrency: Math.max(options.concurrency, 256) });
  const openPauses = openWatch.stop();
  const openStolen = openSteal.stop();
  assertAnswered(open);
  log(`raw indexed lookups at the same ${int(halfRate)}/s, open loop for ${options.seconds} s`);
  const rawSteal = watchSteal();
  const rawOpen = await openLoop(halfRate, options.seconds, async (i) => {
    await pool.query(RAW_LOOKUP_SQL, [ids[(i * 7919) % ids.length]]);
  });
  const rawOpenStolen = rawSteal.stop();
  const accessLogRowsWritten = (await accessLogRows(db)) - before;
  const answers = [...api.samples, ...open.samples].map((sample) => JSON.parse(sample.body) as Answer);
  return {
    raw,
    api,
    apiServerBusy,
    halfRate,
    open,
    openStolen,
    openPauses,
    rawOpen,
    rawOpenStolen,
    accessLogRows: accessLogRowsWritten,
    requests: answers.length,
    notFound: answers.filter((answer) => answer.attributes.personalId?.result === 'mismatch').length,
    mismatched: answers.filter((answer) => Object.values(answer.attributes).some((a) => a.result === 'mismatch'))
      .length,
  };
}

interface Answer {
  readonly checkId: string;
  readonly attributes: Record<string, { result: string; reasons: string[] }>;
}

/** Every check answered 200 (not throttled, not refused) with a check id and per-attribute results. */
function assertAnswered(load: HttpPostResult): void {
  if (load.errors > 0) {
    throw new Error(
      `${load.errors} checks failed, for example: ${load.failures.map((f) => `${f.status} ${f.body}`).join(' | ')}`,
    );
  }
  for (const sample of load.samples) {
    const answer = JSON.parse(sample.body) as Partial<Answer>;
    if (!answer.checkId || !answer.attributes?.personalId) throw new Error(`unexpected answer: ${sample.body}`);
  }
}

async function accessLogRows(db: Database): Promise<number> {
  const { rows } = await db.query<{ n: number }>('select count(*)::int8 as n from audit.access_log');
  return Number(rows[0]?.n ?? 0);
}

// ---------------------------------------------------------------------------------------------------------
// Batch

interface MemorySample {
  readonly phase: string;
  readonly progress: number;
  readonly rss: number;
  readonly heapUsed: number;
}

interface PhaseTime {
  readonly phase: string;
  readonly seconds: number;
}

interface Outcomes {
  matched: number;
  mismatched: number;
  unreadable: number;
}

interface BatchResult {
  readonly rows: number;
  readonly fileBytes: number;
  readonly service: { seconds: number; phases: PhaseTime[]; outcomes: Outcomes; memory: MemorySample[] };
  readonly sql: { seconds: number; phases: PhaseTime[]; outcomes: Outcomes };
  /** With `--statements`: the service batch's database time by statement. */
  readonly statementTimes: readonly StatementTime[];
}

async function benchBatch(app: FastifyInstance, pool: pg.Pool, partner: BenchPartner, options: Options) {
  const stem = join(tmpdir(), `dancu-bench-batch-${randomUUID()}`);
  const file = `${stem}.csv`;
  try {
    log(`writing ${int(options.rows)} declarations to ${file}`);
    await writeBatchFile(pool, file, options.rows, options.seed);
    log('batch through the service: upload, run to done, results file');
    const profiling = options.profile ? await startProfile() : undefined;
    const statements = options.statements ? timeStatements() : undefined;
    const service = await serviceBatch(app, partner, file, `${stem}.service.csv`, options);
    const statementTimes = statements?.stop() ?? [];
    await profiling?.stop(`${options.profile}-batch.cpuprofile`);
    log('batch in pure SQL: COPY in, one hash join, COPY out');
    const sql = await sqlBatch(pool, file, `${stem}.sql.csv`);
    return { rows: options.rows, fileBytes: statSync(file).size, service, sql, statementTimes } satisfies BatchResult;
  } finally {
    for (const suffix of ['.csv', '.service.csv', '.sql.csv']) rmSync(`${stem}${suffix}`, { force: true });
  }
}

/**
 * `rows` declarations, people taken in a random order (again and again if there are fewer people than rows),
 * with the online checks' variations, and about 1 % of rows that cannot be read: a bad quote, a cell missing,
 * a day not in the calendar, a number that is not one.
 */
async function writeBatchFile(pool: pg.Pool, path: string, rows: number, seed: number): Promise<void> {
  const out = createWriteStream(path);
  const draw = random(seed + 1);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(`${BATCH_HEADER.join(',')}\n`);
  let written = 0;
  for (let pass = 0; written < rows; pass++) {
    const client = await pool.connect();
    try {
      const stream = client.query(
        copyTo(`copy (select ${PERSON_COLUMNS} from registry.person p order by md5(p.personal_id || '${pass}')
          limit ${rows - written}) to stdout`),
      );
      let rest = '';
      for await (const piece of stream) {
        const lines = (rest + piece.toString('utf8')).split('\n');
        rest = lines.pop() ?? '';
        let text = '';
        for (const line of lines) text += batchLine(personOfCopy(line), draw);
        written += lines.length;
        await write(text);
      }
    } finally {
      client.release();
    }
  }
  out.end();
  await once(out, 'finish');
}

/** A line of COPY's text format (tab-separated, `\N` for null) of {@link PERSON_COLUMNS}. */
function personOfCopy(line: string): Person {
  const [personal_id, full_name, folded_name, birth_date, sex, phone] = line.split('\t');
  return personOf({
    personal_id,
    full_name,
    folded_name,
    birth_date,
    sex,
    phone: phone === '\\N' ? null : phone,
  } as Record<string, string | null>);
}

function batchLine(person: Person, draw: () => number): string {
  const declared = declare(person, draw, false);
  const cells = BATCH_HEADER.map((column) => declared[column] ?? '');
  const roll = draw();
  if (roll < 0.003) cells[1] = `"${cells[1]}"x`;
  else if (roll < 0.005) cells.pop();
  else if (roll < 0.008) cells[2] = `${person.birthDate.slice(0, 4)}-02-30`;
  else if (roll < 0.01) cells[0] = cells[0]?.slice(0, 9) ?? '';
  return `${cells.join(',')}\n`;
}

/** A memory sample every `everyMs`, tagged with the phase and its progress at that moment. */
function memorySampler(everyMs: number) {
  const samples: MemorySample[] = [];
  let phase = 'start';
  let progress = 0;
  const take = () => {
    const { rss, heapUsed } = process.memoryUsage();
    samples.push({ phase, progress, rss, heapUsed });
  };
  const timer = setInterval(take, everyMs);
  return {
    at(nextPhase: string, nextProgress: number) {
      if (nextPhase !== phase) take();
      phase = nextPhase;
      progress = nextProgress;
    },
    stop(): MemorySample[] {
      take();
      clearInterval(timer);
      return samples;
    },
  };
}

/** As `dancu verify-batch` does (src/cli/verify-batch.ts), with progress for the memory samples. */
async function serviceBatch(
  app: FastifyInstance,
  partner: BenchPartner,
  file: string,
  out: string,
  options: Pick<Options, 'sampleMs' | 'chunkRows'>,
): Promise<BatchResult['service']> {
  const { batches } = app.services.verification;
  const size = statSync(file).size;
  const memory = memorySampler(options.sampleMs);
  const phases: PhaseTime[] = [];
  const started = performance.now();
  const phase = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    memory.at(name, 0);
    const { result, seconds } = await timed(fn);
    phases.push({ phase: name, seconds });
    return result;
  };
  const { job } = await phase('upload', () =>
    batches.upload(
      partner.terms,
      'customer_data_cleaning',
      counted(createReadStream(file), (bytes) => memory.at('upload', bytes / size)),
    ),
  );
  await phase('run', () =>
    batches.runPending({
      jobId: job.id,
      ...(options.chunkRows ? { chunkRows: options.chunkRows } : {}),
      onChunk: (row) => memory.at('run', row.rows_done / Math.max(1, row.rows_total)),
    }),
  );
  const done: BatchJob = await batches.get(partner.id, job.id);
  if (done.status !== 'done') throw new Error(`the batch ended ${done.status}`);
  await phase('results', async () => {
    const lines = await batches.results(partner.id, job.id);
    const output = createWriteStream(out);
    let rows = 0;
    for await (const text of lines) {
      rows += countLines(text);
      memory.at('results', rows / Math.max(1, done.rowsRead));
      if (!output.write(text)) await once(output, 'drain');
    }
    output.end();
    await once(output, 'finish');
  });
  const seconds = (performance.now() - started) / 1000;
  return {
    seconds,
    phases,
    outcomes: { matched: done.rowsMatched, mismatched: done.rowsMismatched, unreadable: done.rowsUnreadable },
    memory: memory.stop(),
  };
}

async function* counted(source: AsyncIterable<Buffer>, progress: (bytes: number) => void): AsyncIterable<Buffer> {
  let bytes = 0;
  for await (const chunk of source) {
    bytes += chunk.length;
    progress(bytes);
    yield chunk;
  }
}

function countLines(text: string): number {
  let count = 0;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
}

/** Vietnamese letters with their marks, and the same letters without (Đ read as D), for SQL's `translate`. */
function foldTable(): { from: string; to: string } {
  let from = 'Đđ';
  let to = 'Dd';
  for (const [low, high] of [
    [0xc0, 0x1b0],
    [0x1ea0, 0x1ef9],
  ] as const) {
    for (let code = low; code <= high; code++) {
      const letter = String.fromCodePoint(code);
      const base = letter.normalize('NFD').replace(/\p{M}/gu, '');
      if (base !== letter && /^[A-Za-z]$/.test(base)) {
        from += letter;
        to += base;
      }
    }
  }
  return { from, to };
}

/**
 * The batch's per-attribute results in one statement: the staged lines split into cells, read (a bad quote,
 * a wrong count of cells, a number or day of the wrong form), joined to `registry.person` by number and
 * compared as the service compares (name with or without diacritics, birth date to the coarser precision,
 * sex, phone in national form), in the results file's columns and the file's order. Each comparison runs
 * once per row (`offset 0` keeps the planner from inlining the inner selects into every use).
 */
function resultsSql(): string {
  const { from, to } = foldTable();
  const fold = `regexp_replace(lower(translate(trim(f[2]), '${from}', '${to}')), '\\s+', ' ', 'g')`;
  const length = `least(length(f[3]), case p.birth_date_precision when 'day' then 10 when 'month' then 7 else 4 end)`;
  const phone = `regexp_replace(regexp_replace(f[5], '[\\s.()-]', '', 'g'), '^(\\+84|84)', '0')`;
  /** The reasons of an attribute: null for an unreadable row, '' when not given, else the comparison's. */
  const reasons = (cell: string, cases: string) =>
    `case when r.error is not null then null when ${cell} = '' then '' when p.personal_id is null then 'PERSON_NOT_FOUND'
       ${cases} end`;
  const compared = [
    `case when r.error is not null then null when p.personal_id is null then 'PERSON_NOT_FOUND' else 'PERSON_FOUND' end
       as "personalId"`,
    `${reasons(
      'f[2]',
      `when lower(normalize(f[2], NFC)) = lower(p.full_name) then 'NAME_MATCHES'
       when ${fold} = p.folded_name then 'NAME_MATCHES_WITHOUT_DIACRITICS' else 'NAME_DIFFERS'`,
    )} as "fullName"`,
    `${reasons(
      'f[3]',
      `when left(f[3], ${length}) = left(p.birth_date::text, ${length})
         then case ${length} when 10 then 'DATE_MATCHES' when 7 then 'DATE_MONTH_ONLY' else 'DATE_YEAR_ONLY' end
       when left(f[3], 4) = left(p.birth_date::text, 4) then 'DATE_DIFFERS DATE_SAME_YEAR_ONLY' else 'DATE_DIFFERS'`,
    )} as "birthDate"`,
    `${reasons('f[4]', `when f[4] = p.sex then 'SEX_MATCHES' else 'SEX_DIFFERS'`)} as "sex"`,
    `case when r.error is null then '' end as "card"`,
    `${reasons(
      'f[5]',
      `when p.phone is null then 'NO_PHONE_ON_RECORD' when ${phone} = p.phone then 'PHONE_MATCHES' else 'PHONE_DIFFERS'`,
    )} as "phone"`,
    `case when r.error is null then '' end as "address"`,
  ];
  const attributes = ['personalId', 'fullName', 'birthDate', 'sex', 'card', 'phone', 'address'];
  const mismatch = (attribute: string) => `"${attribute}" like any (array['PERSON_NOT_FOUND', '%DIFFERS%', 'NO_%'])`;
  const result = (attribute: string) =>
    `case when "${attribute}" is null then null when "${attribute}" = '' then 'not_provided'
       when ${mismatch(attribute)} then 'mismatch' else 'match' end as "${attribute}Result"`;
  const noFlag = (flag: string) => `case when error is null then false end as "${flag}"`;
  const columns = [
    'seq as "line"',
    `case when error is null then f[1] else '' end as "personalId"`,
    `case when error is not null then 'unreadable' when ${attributes.map(mismatch).join(' or ')} then 'mismatched'
       else 'matched' end as "status"`,
    'error as "rowError"',
    `case error when 'INVALID_PERSONAL_ID' then 'personalId' when 'INVALID_DATE' then 'birthDate'
       when 'INVALID_FIELD' then 'sex' end as "errorColumn"`,
    ...attributes.flatMap((attribute) => [result(attribute), `"${attribute}" as "${attribute}Reasons"`]),
    `case when error is null then coalesce(status = 'deceased', false) end as "deceased"`,
    `case when error is null then coalesce(status = 'missing', false) end as "missing"`,
    ...['cardExpired', 'cardRevoked', 'eidLocked'].map(noFlag),
  ];
  if (columns.length !== RESULT_COLUMNS.length) throw new Error('the SQL results lack columns of the results file');
  return `
    select ${columns.join(',\n')}
    from (
      select r.seq, r.f, r.error, p.status, ${compared.join(',\n')}
      from (
        select seq, f, case
            when quoted then 'ROW_BAD_QUOTING'
            when cardinality(f) <> ${BATCH_HEADER.length} then 'ROW_WRONG_COLUMN_COUNT'
            when f[1] !~ '^[0-9]{12}$' then 'INVALID_PERSONAL_ID'
            when f[3] <> '' and (f[3] !~ '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$'
              or (length(f[3]) = 10 and substr(f[3], 9, 2)::int > extract(day from make_date(substr(f[3], 1, 4)::int,
                substr(f[3], 6, 2)::int, 1) + interval '1 month - 1 day'))) then 'INVALID_DATE'
            when f[4] not in ('', 'male', 'female') then 'INVALID_FIELD'
          end as error
        from (
          select seq, string_to_array(line, ',') as f, strpos(line, '"') > 0 as quoted
          from bench_batch_stage where seq > 1 offset 0
        ) cells offset 0
      ) r left join registry.person p on r.error is null and p.personal_id = r.f[1]::char(12)
      offset 0
    ) checked
    order by seq`;
}

/** COPY the file into a staging table, the results out by one statement, to a file. */
async function sqlBatch(pool: pg.Pool, file: string, out: string): Promise<BatchResult['sql']> {
  const client = await pool.connect();
  const phases: PhaseTime[] = [];
  const phase = async (name: string, fn: () => Promise<unknown>) => {
    phases.push({ phase: name, seconds: (await timed(fn)).seconds });
  };
  try {
    await client.query('drop table if exists bench_batch_stage');
    await client.query('create table bench_batch_stage (seq bigint generated always as identity, line text not null)');
    const started = performance.now();
    await phase('COPY in', () =>
      pipeline(
        createReadStream(file),
        client.query(copyFrom(`copy bench_batch_stage (line) from stdin with (format text, delimiter E'\\x1f')`)),
      ),
    );
    await phase('join, COPY out', () =>
      pipeline(
        client.query(copyTo(`copy (${resultsSql()}) to stdout with (format csv, header)`)),
        createWriteStream(out),
      ),
    );
    const seconds = (performance.now() - started) / 1000;
    const outcomes = await countOutcomes(out);
    return { seconds, phases, outcomes };
  } finally {
    await client.query('drop table if exists bench_batch_stage');
    client.release();
  }
}

/** Matched, mismatched and unreadable rows of a results file (the third column). */
async function countOutcomes(path: string): Promise<Outcomes> {
  const outcomes: Outcomes = { matched: 0, mismatched: 0, unreadable: 0 };
  let rest = '';
  for await (const piece of createReadStream(path, { encoding: 'utf8' })) {
    const lines = (rest + (piece as string)).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) {
      const status = /^[^,]*,(?:"[^"]*"|[^,]*),(matched|mismatched|unreadable),/.exec(line)?.[1] as
        | keyof Outcomes
        | undefined;
      if (status) outcomes[status]++;
    }
  }
  return outcomes;
}

// ---------------------------------------------------------------------------------------------------------
// Report

function report(result: Result, options: Options, loadBefore: number[], loadAfter: number[]): string {
  const ms = (value: number) => value.toFixed(1);
  const machine = `${availableParallelism()} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const load = (avg: number[]) => avg.map((value) => value.toFixed(2)).join(' ');
  const lines = [
    '',
    `verification benchmark, ${new Date().toISOString().slice(0, 10)}, ${machine}`,
    `PostgreSQL, ${int(options.people)} people seeded in ${result.seedSeconds.toFixed(1)} s; load average ${load(loadBefore)} before, ${load(loadAfter)} after`,
    `The partner's contract: quota ${int(CONTRACT.monthlyQuota)} checks a month, ${int(CONTRACT.ratePerSecond)} a second (not throttling: every check answered 200).`,
    'Each online check carries the partner’s client-credentials token (obtained once, before the runs), resolved by the',
    'service on every request as in production (it trusts a verified token for 5 s before asking the store again).',
    '',
  ];
  if (result.online) lines.push(...onlineReport(result.online, options, ms));
  if (result.batch) lines.push(...batchReport(result.batch));
  return `${lines.join('\n')}\n`;
}

function onlineReport(online: OnlineResult, options: Options, ms: (value: number) => string): string[] {
  return [
    `Online checks (POST /api/v1/verifications, token, access-log write) vs raw indexed lookups of the same people,`,
    `${options.concurrency} concurrent callers, ${options.seconds} s each (goal ≥ 0.15×)`,
    table(
      ['', 'per second', 'p50 ms', 'p99 ms', 'operations', 'errors'],
      [
        [
          'raw lookups (pg, primary key)',
          int(online.raw.perSecond),
          ms(online.raw.p50Ms),
          ms(online.raw.p99Ms),
          int(online.raw.operations),
          int(online.raw.errors),
        ],
        [
          'online checks (HTTP)',
          int(online.api.perSecond),
          ms(online.api.p50Ms),
          ms(online.api.p99Ms),
          int(online.api.operations),
          int(online.api.errors),
        ],
      ],
    ),
    `ratio ${ratio(online.api.perSecond, online.raw.perSecond)}; server thread busy ${Math.round(online.apiServerBusy * 100)} % during the checks`,
    '',
    `Online checks at half that rate, open loop (fixed arrival rate), ${options.seconds} s (goal p99 ≤ 25 ms)`,
    table(
      ['', 'arrival rate/s', 'answered/s', 'p50 ms', 'p99 ms', 'errors', 'CPU stolen by the host'],
      [
        ['online checks (HTTP)', online.open, online.openStolen] as const,
        ['raw lookups (pg, primary key)', online.rawOpen, online.rawOpenStolen] as const,
      ].map(([name, run, stolen]) => [
        name,
        int(online.halfRate),
        int(run.perSecond),
        ms(run.p50Ms),
        ms(run.p99Ms),
        int(run.errors),
        stealText(stolen),
      ]),
    ),
    `The server's thread during the checks at half the rate: ${pausesText(online.openPauses)}.`,
    '',
    `Access-log rows written during the online runs (warm-ups included): ${int(online.accessLogRows)}, for ${int(online.api.operations + online.open.operations)} timed checks.`,
    `Of ${online.requests} answers kept: ${online.notFound} numbers nobody has, ${online.mismatched} with an attribute a mismatch.`,
    '',
  ];
}

function batchReport(batch: BatchResult): string[] {
  const rate = (seconds: number) => batch.rows / seconds;
  const phases = (list: readonly PhaseTime[]) => list.map((p) => `${p.phase} ${p.seconds.toFixed(1)} s`).join(', ');
  const counts = (o: Outcomes) => `${int(o.matched)} / ${int(o.mismatched)} / ${int(o.unreadable)}`;
  const mib = (bytes: number) => `${Math.round(bytes / 2 ** 20)}`;
  return [
    `Batch of ${int(batch.rows)} rows (${mib(batch.fileBytes)} MiB) vs a pure-SQL pipeline on the same file (goal ≥ 0.5×)`,
    table(
      ['', 'seconds', 'rows/s', 'phases', 'matched / mismatched / unreadable'],
      [
        [
          'service (upload, run, results file)',
          batch.service.seconds.toFixed(1),
          int(rate(batch.service.seconds)),
          phases(batch.service.phases),
          counts(batch.service.outcomes),
        ],
        [
          'pure SQL (COPY in, hash join, COPY out)',
          batch.sql.seconds.toFixed(1),
          int(rate(batch.sql.seconds)),
          phases(batch.sql.phases),
          counts(batch.sql.outcomes),
        ],
      ],
    ),
    `ratio ${ratio(rate(batch.service.seconds), rate(batch.sql.seconds))}`,
    '',
    'Memory of the process during the service batch (MiB), at 25/50/75/100 % of each phase',
    table(
      ['phase', 'progress', 'RSS', 'heap used'],
      memoryAtQuarters(batch.service.memory).map((s) => [
        s.phase,
        `${Math.round(s.progress * 100)} %`,
        mib(s.rss),
        mib(s.heapUsed),
      ]),
    ),
    `peak RSS ${mib(Math.max(...batch.service.memory.map((s) => s.rss)))} MiB, peak heap ${mib(Math.max(...batch.service.memory.map((s) => s.heapUsed)))} MiB (${batch.service.memory.length} samples)`,
    '',
    ...(batch.statementTimes.length === 0
      ? []
      : [
          'The service batch’s statements: time waited for the database (submission to answer), by statement',
          table(
            ['statement', 'count', 'seconds'],
            batch.statementTimes.slice(0, 15).map((t) => [t.statement, int(t.count), t.seconds.toFixed(1)]),
          ),
          '',
        ]),
  ];
}

/** For each phase, the first sample at or past 25, 50, 75 and 100 % of its progress. */
function memoryAtQuarters(samples: readonly MemorySample[]): MemorySample[] {
  const phases = [...new Set(samples.map((s) => s.phase))].filter((p) => p !== 'start');
  return phases.flatMap((phase) => {
    const own = samples.filter((s) => s.phase === phase);
    return [0.25, 0.5, 0.75, 1].flatMap((quarter) => {
      const found = own.find((s) => s.progress >= quarter - 1e-9) ?? (quarter === 1 ? own.at(-1) : undefined);
      return found ? [found] : [];
    });
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run(process.argv.slice(2));
