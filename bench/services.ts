/**
 * `npm run bench -- services`: dossier step transitions per second, as a ratio to a raw transaction of the same
 * shape in SQL, in the same run (DESIGN.md §5; goal ≥ 0.5×).
 *
 * A transition is an officer's approval of a step through the services module (`decide`): the officer and the
 * step checked, then one transaction that locks the dossier and its steps, runs the step's action (here one that
 * changes nothing elsewhere, so that the engine is what is measured), marks the step done, moves the dossier,
 * appends its history, puts the next step in the queue with its due day, writes the applicant's notice and the
 * SMS into the messages outbox, and reads the dossier back for the answer. The baseline is the same writes as one
 * hand-written transaction: lock the dossier and its steps, update the step, the dossier when its state changes,
 * two history rows, the next step, the applicant's phone, the notice, the outbox message.
 *
 * On PGlite (in memory) always, on PostgreSQL when DATABASE_URL or --pg is given (in a scratch database that is
 * created and dropped). Options: --dossiers N (default 400), --steps S per dossier (default 6),
 * --concurrency C (default 8), --pg URL, --no-pglite.
 */
import { randomUUID } from 'node:crypto';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config/index.ts';
import { Database, migrate, type Tx } from '../src/db/index.ts';
import { buildApp } from '../src/http/index.ts';
import type { Caller, RoleAssignment } from '../src/identity/index.ts';
import { systemClock } from '../src/kernel/index.ts';
import { loadReferenceData } from '../src/registry/index.ts';
import { int, ratio, table, timed } from './lib/measure.ts';
import { withScratchDatabase } from './lib/scratch-database.ts';
import { BENCH_COMMUNE, benchServicesDeps, fileDossiers } from './lib/services-world.ts';

/** How many turns engine and baseline take. */
const ROUNDS = 10;

interface Options {
  readonly dossiers: number;
  readonly steps: number;
  readonly concurrency: number;
  readonly pg: string | undefined;
  readonly pglite: boolean;
}

interface EngineResult {
  readonly engine: string;
  readonly transitions: number;
  readonly engineSeconds: number;
  readonly rawSeconds: number;
}

export async function run(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const results: EngineResult[] = [];
  if (options.pglite) results.push(await benchEngine('pglite', undefined, options));
  if (options.pg) {
    const pg = options.pg;
    results.push(await withScratchDatabase(pg, (url) => benchEngine('postgres', url, options)));
  }
  process.stdout.write(report(results, options));
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: {
      dossiers: { type: 'string', default: '400' },
      steps: { type: 'string', default: '6' },
      concurrency: { type: 'string', default: '8' },
      pg: { type: 'string' },
      'no-pglite': { type: 'boolean', default: false },
    },
  });
  return {
    dossiers: Number(values.dossiers),
    steps: Number(values.steps),
    concurrency: Number(values.concurrency),
    pg: values.pg ?? process.env.DATABASE_URL,
    pglite: !values['no-pglite'],
  };
}

async function benchEngine(engine: string, url: string | undefined, options: Options): Promise<EngineResult> {
  const db = url
    ? await Database.open({ url, maxConnections: options.concurrency + 4 })
    : await Database.open({ pglite: { memory: true } });
  await migrate(db);
  await loadReferenceData(db);
  const app = await buildApp({ config: { ...loadConfig({}), logLevel: 'warn' }, db, clock: systemClock });
  try {
    const deps = benchServicesDeps(app.services.publicServices.deps, options.steps);
    const officer = benchOfficer();
    process.stderr.write(`${engine}: filing ${options.dossiers * 2} dossiers of ${options.steps} steps…\n`);
    const measured = await fileDossiers(app, deps, options.dossiers);
    const baseline = await fileDossiers(app, deps, options.dossiers);

    // Engine and baseline take turns, a slice of the dossiers each, so that a change of the machine's load
    // during the run weighs on both alike.
    let engineSeconds = 0;
    let rawSeconds = 0;
    const slice = Math.ceil(options.dossiers / ROUNDS);
    for (let from = 0; from < options.dossiers; from += slice) {
      const engineRun = await timed(() =>
        eachDossier(measured.slice(from, from + slice), options.concurrency, async (id) => {
          for (let step = 0; step < options.steps; step++) {
            await deps.decide(officer, id, `s${step}`, { decision: 'approve' });
          }
        }),
      );
      const rawRun = await timed(() =>
        eachDossier(baseline.slice(from, from + slice), options.concurrency, async (id) => {
          for (let step = 0; step < options.steps; step++) {
            await db.transaction((tx) => rawTransition(tx, id, step, options.steps));
          }
        }),
      );
      engineSeconds += engineRun.seconds;
      rawSeconds += rawRun.seconds;
    }
    await checkAllDone(db, measured, options.steps);
    return {
      engine,
      transitions: options.dossiers * options.steps,
      engineSeconds,
      rawSeconds,
    };
  } finally {
    await app.close();
    await db.close();
  }
}

/** An officer of the police of the bench commune (no account: the benchmark calls the service directly). */
function benchOfficer(): Caller {
  const role: RoleAssignment = {
    id: 1,
    role: 'officer',
    agency: 'police',
    communeId: BENCH_COMMUNE,
    provinceId: null,
    grantedBy: 'bench',
    grantedAt: new Date(0).toISOString(),
  };
  return { actor: { id: randomUUID(), kind: 'officer', name: 'Công an Phường Ba Đình' }, roles: [role], via: 'token' };
}

/** Works through the dossiers with `concurrency` loops, each taking the next dossier. */
async function eachDossier(ids: readonly string[], concurrency: number, work: (id: string) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < ids.length) {
        const id = ids[next++] as string;
        await work(id);
      }
    }),
  );
}

/** The writes of one approval, by hand: what the engine's transaction does, without its checks and answer. */
async function rawTransition(tx: Tx, dossierId: string, step: number, steps: number): Promise<void> {
  const now = new Date();
  await tx.query('select id from services.dossier where id = $1 for update', [dossierId]);
  await tx.query('select name from services.dossier_step where dossier_id = $1 order by position for update', [
    dossierId,
  ]);
  await tx.query(
    "update services.dossier_step set state = 'done', result = '{}', completed_at = $3, decided_by = 'raw' where dossier_id = $1 and name = $2",
    [dossierId, `s${step}`, now],
  );
  const last = step === steps - 1;
  // The dossier's own row changes when its state does: at the first step (received → in progress) and the last.
  if (step === 0 || last) {
    await tx.query('update services.dossier set state = $2, closed_at = $3 where id = $1', [
      dossierId,
      last ? 'done' : 'in_progress',
      last ? now : null,
    ]);
  }
  const history =
    "insert into services.dossier_history (dossier_id, at, kind, step, state, actor_id, details) values ($1, $2, $3, $4, 'in_progress', 'raw', '{}')";
  await tx.query(history, [dossierId, now, 'step_done', `s${step}`]);
  if (!last) {
    await tx.query(
      "update services.dossier_step set state = 'pending', counted_from = $3, due_on = $3 where dossier_id = $1 and name = $2",
      [dossierId, `s${step + 1}`, now.toISOString().slice(0, 10)],
    );
    await tx.query(history, [dossierId, now, 'step_ready', `s${step + 1}`]);
  }
  await tx.query(
    'select a.phone from identity.account a join services.dossier d on d.applicant_account_id = a.id where d.id = $1',
    [dossierId],
  );
  await tx.query(
    'insert into services.notification (account_id, dossier_id, title, body, created_at) values ($1, $2, $3, $3, $4)',
    [randomUUID(), dossierId, 'Hồ sơ đang được giải quyết', now],
  );
  await tx.query(
    "insert into messages.outbox (channel, recipient, kind, body, created_at, expires_at) values ('sms', '0912000000', 'dossier.changed', $1, $2, $2)",
    ['Hồ sơ đang được giải quyết', now],
  );
}

async function checkAllDone(db: Database, ids: readonly string[], steps: number): Promise<void> {
  const { rows } = await db.query<{ n: number }>(
    "select count(*)::int as n from services.dossier_step where dossier_id = any($1::uuid[]) and state = 'done'",
    [ids],
  );
  if (Number(rows[0]?.n) !== ids.length * steps) throw new Error(`not every step was done: ${rows[0]?.n}`);
}

function report(results: readonly EngineResult[], options: Options): string {
  const rows = results.map((r) => {
    const engineRate = r.transitions / r.engineSeconds;
    const rawRate = r.transitions / r.rawSeconds;
    return [r.engine, int(r.transitions), int(rawRate), int(engineRate), ratio(engineRate, rawRate)];
  });
  return [
    '',
    `services: dossier step transitions, ${options.dossiers} dossiers × ${options.steps} steps, concurrency ${options.concurrency}`,
    `machine: ${cpus()[0]?.model ?? '?'} × ${availableParallelism()}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`,
    '',
    table(['engine', 'transitions', 'raw SQL tx/s', 'engine transitions/s', 'ratio (goal ≥ 0.5×)'], rows),
    '',
  ].join('\n');
}
