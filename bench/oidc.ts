/**
 * `npm run bench -- oidc`: authorization codes exchanged for tokens at the OpenID provider's token endpoint
 * (`POST /oidc/token`, `grant_type=authorization_code` with a PKCE `code_verifier`, a public client with
 * `token_endpoint_auth_method: none`), as a ratio to the raw ES256 signing rate of the same process in the same
 * run (jose `SignJWT` with the provider's key, the header and payload of an ID token it issued, the same
 * concurrency; half of it measured just before the exchanges, half just after), and as an absolute
 * rate per core: exchanges per second divided by the cores this process may use (`os.availableParallelism()`).
 * Goal: ≥ 480 exchanges/s per core.
 *
 * Every exchange needs an unused code: they are minted before the timed phase through the provider's own
 * models (`provider.Grant`, `provider.AuthorizationCode`, saved by its adapter), each with its own PKCE pair,
 * so that the timed phase measures the token endpoint alone. A code lives 60 s: minting, the first half of the
 * baseline, warm-up and the timed phase must fit in that. The first answers must carry an access token and an ID token that verifies against
 * the provider's JWKS, every exchange must succeed, and an exchanged code must be refused a second time, or
 * the run fails.
 *
 * The server listens in this process (a load generator on its own thread sends the requests over keep-alive
 * connections). On PGlite (in memory) always, on PostgreSQL when DATABASE_URL or --pg is given (in a scratch
 * database that is created and dropped). Options: --pg URL, --no-pglite, --seconds S (timed phase, default 10),
 * --concurrency C (default 32), --codes N (for the timed phase, default 12,000; it stops early when they run
 * out), --warm-up N (codes, default 1,000), --profile FILE (a CPU profile of the server's thread during the
 * exchanges, written to FILE-pglite.cpuprofile and FILE-postgres.cpuprofile).
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, importJWK, type JWK, jwtVerify, SignJWT } from 'jose';
import type Provider from 'oidc-provider';
import { loadConfig } from '../src/config/index.ts';
import { Database, migrate } from '../src/db/index.ts';
import { buildApp } from '../src/http/index.ts';
import { systemClock } from '../src/kernel/index.ts';
import { type HttpPostResult, httpPostLoad } from './lib/http-post-load.ts';
import { closedLoop, int, ratio, type Throughput, table, timed } from './lib/measure.ts';
import { startProfile } from './lib/profile.ts';
import { withScratchDatabase } from './lib/scratch-database.ts';

interface Options {
  readonly pg: string | undefined;
  readonly pglite: boolean;
  readonly seconds: number;
  readonly concurrency: number;
  readonly codes: number;
  readonly warmUp: number;
  readonly profile: string | undefined;
}

interface EngineResult {
  readonly engine: string;
  readonly mintSeconds: number;
  readonly exchanges: HttpPostResult;
  readonly signing: Throughput;
  /** The baseline's rate before and after the exchanges. */
  readonly signingHalves: readonly [number, number];
  /** Share of the exchanges' wall time the server's (main) thread was busy (event-loop utilisation). */
  readonly serverThread: number;
  readonly idTokenBytes: number;
  readonly accessTokensStored: number;
}

const CLIENT_ID = 'bench-rp';
const SCOPE = 'openid profile personal_id';
const ACR = 'urn:dancu:eid:level1';
const CODE_LIFETIME_S = 60;

export async function run(args: string[]): Promise<void> {
  const options = parseOptions(args);
  const results: EngineResult[] = [];
  if (options.pglite) results.push(await benchEngine(undefined, options));
  if (options.pg) {
    const pg = options.pg;
    results.push(await withScratchDatabase(pg, (url) => benchEngine(url, options)));
  }
  process.stdout.write(report(results, options));
}

function parseOptions(args: string[]): Options {
  const { values } = parseArgs({
    args,
    options: {
      pg: { type: 'string' },
      'no-pglite': { type: 'boolean', default: false },
      seconds: { type: 'string', default: '10' },
      concurrency: { type: 'string', default: '32' },
      codes: { type: 'string', default: '12000' },
      'warm-up': { type: 'string', default: '1000' },
      profile: { type: 'string' },
    },
  });
  const number = (text: string) => Number(text.replaceAll('_', ''));
  return {
    pg: values.pg ?? process.env.DATABASE_URL,
    pglite: !values['no-pglite'],
    seconds: number(values.seconds),
    concurrency: number(values.concurrency),
    codes: number(values.codes),
    warmUp: number(values['warm-up']),
    profile: values.profile,
  };
}

async function benchEngine(url: string | undefined, options: Options): Promise<EngineResult> {
  const engine = url ? 'PostgreSQL 15' : 'PGlite 0.5.16 (memory)';
  const log = (message: string) => process.stderr.write(`[${url ? 'postgres' : 'pglite'}] ${message}\n`);
  const db = url
    ? await Database.open({ url, maxConnections: options.concurrency + 8 })
    : await Database.open({ pglite: { memory: true } });
  try {
    await migrate(db);
    const port = await freePort();
    const publicUrl = `http://127.0.0.1:${port}`;
    const app = await buildApp({
      config: { ...loadConfig({}), logLevel: 'warn', port, publicUrl },
      db,
      clock: systemClock,
    });
    await app.listen({ port, host: '127.0.0.1' });
    try {
      const { identity } = app.services;
      const provider = identity.provider;
      const redirectUri = `${publicUrl}/rp/callback`;
      await identity.clients.register(
        {
          clientId: CLIENT_ID,
          name: 'Ứng dụng đo hiệu năng',
          organisation: 'Benchmark',
          purpose: 'Đo hiệu năng điểm cuối token',
          kind: 'public',
          redirectUris: [redirectUri],
          scopes: ['profile', 'personal_id'],
        },
        'bench',
      );
      const accountId = await benchAccount(db);
      const grantId = await benchGrant(provider, accountId);

      const total = options.warmUp + options.codes;
      log(`minting ${int(total + 2)} authorization codes through provider.AuthorizationCode`);
      const minted = await timed(() =>
        mintCodes(provider, total + 2, options.concurrency, { accountId, grantId, redirectUri }),
      );
      log(`minted in ${minted.seconds.toFixed(1)} s`);
      if (minted.seconds + 2 * options.seconds + 5 > CODE_LIFETIME_S) {
        throw new Error(
          `minting took ${minted.seconds.toFixed(1)} s: with the timed phase the codes would expire; lower --codes or --seconds`,
        );
      }
      const bodies = minted.result.slice(0, total);
      // One exchange first: its ID token is what the baseline signs.
      const probeBody = minted.result[total] as string;
      const probe = await fetch(`${publicUrl}/oidc/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: probeBody,
      });
      const idToken = await checkAnswers(publicUrl, [{ status: probe.status, body: await probe.text() }]);

      // The baseline runs half before and half after the exchanges, so that both see the same machine.
      const half = options.seconds / 2;
      log(`baseline: jose SignJWT ES256, ${options.concurrency} callers for ${half} s`);
      const signingBefore = await signingRate(db, idToken, half, options.concurrency);

      log(`exchanges: ${options.concurrency} keep-alive connections for ${options.seconds} s`);
      const profiling = options.profile ? await startProfile() : undefined;
      const loopBefore = performance.eventLoopUtilization();
      const exchanges = await httpPostLoad({
        url: publicUrl,
        path: '/oidc/token',
        contentType: 'application/x-www-form-urlencoded',
        bodies,
        warmUp: options.warmUp,
        concurrency: options.concurrency,
        seconds: options.seconds,
      });
      // The server runs on this process's main thread (the load generator has its own thread): how busy it was.
      const serverThread = performance.eventLoopUtilization(loopBefore).utilization;
      if (profiling && options.profile) {
        const file = `${options.profile.replace(/\.cpuprofile$/, '')}-${url ? 'postgres' : 'pglite'}.cpuprofile`;
        await profiling.stop(file);
        log(`CPU profile of the main thread during the exchanges: ${file}`);
      }
      if (exchanges.errors > 0) {
        throw new Error(
          `${exchanges.errors} exchanges failed, for example: ${exchanges.failures.map((f) => `${f.status} ${f.body}`).join(' | ')}`,
        );
      }
      await checkAnswers(publicUrl, exchanges.samples);
      const accessTokensStored = await countRows(db, 'AccessToken');
      await checkSingleUse(publicUrl, probeBody, minted.result[total + 1] as string);

      log(`baseline: jose SignJWT ES256, ${options.concurrency} callers for ${half} s`);
      const signingAfter = await signingRate(db, idToken, half, options.concurrency);
      const signing = combine(signingBefore, signingAfter);
      return {
        engine,
        mintSeconds: minted.seconds,
        exchanges,
        signing,
        signingHalves: [signingBefore.perSecond, signingAfter.perSecond],
        idTokenBytes: idToken.length,
        accessTokensStored,
        serverThread,
      };
    } finally {
      await app.close();
    }
  } finally {
    await db.close();
  }
}

/** An active level-1 account for the codes (no registry person is needed: the ID token carries `sub` only). */
async function benchAccount(db: Database): Promise<string> {
  const id = randomUUID();
  await db.query(
    `insert into identity.account (id, personal_id, level, phone, status, created_at, updated_at)
     values ($1, '001090012345', 1, '0912345678', 'active', now(), now())`,
    [id],
  );
  return id;
}

async function benchGrant(provider: Provider, accountId: string): Promise<string> {
  const grant = new provider.Grant({ accountId, clientId: CLIENT_ID });
  grant.addOIDCScope(SCOPE);
  return grant.save();
}

/** `count` unused codes, each with its own PKCE pair, as token request bodies. */
async function mintCodes(
  provider: Provider,
  count: number,
  concurrency: number,
  { accountId, grantId, redirectUri }: { accountId: string; grantId: string; redirectUri: string },
): Promise<string[]> {
  const bodies = new Array<string>(count);
  const authTime = Math.floor(Date.now() / 1000);
  const client = await provider.Client.find(CLIENT_ID);
  if (!client) throw new Error(`client ${CLIENT_ID} not found`);
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const index = next++;
        const verifier = randomBytes(32).toString('base64url');
        // The fields the authorization endpoint gives a code (oidc-provider's process_response_types.js).
        const fields = {
          accountId,
          acr: ACR,
          authTime,
          client,
          codeChallenge: createHash('sha256').update(verifier).digest('base64url'),
          codeChallengeMethod: 'S256',
          grantId,
          nonce: randomBytes(16).toString('base64url'),
          redirectUri,
          resource: [],
          scope: SCOPE,
        };
        type Fields = ConstructorParameters<Provider['AuthorizationCode']>[0];
        const code = await new provider.AuthorizationCode(fields as unknown as Fields).save();
        bodies[index] = new URLSearchParams({
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
          code_verifier: verifier,
          client_id: CLIENT_ID,
        }).toString();
      }
    }),
  );
  return bodies;
}

/** The first answers carry an access token and an ID token signed by the provider's key; returns one ID token. */
async function checkAnswers(
  publicUrl: string,
  samples: ReadonlyArray<{ status: number; body: string }>,
): Promise<string> {
  if (samples.length === 0) throw new Error('no exchange answered in the timed phase');
  const jwks = createLocalJWKSet((await (await fetch(`${publicUrl}/oidc/jwks`)).json()) as { keys: JWK[] });
  let idToken = '';
  for (const sample of samples) {
    const body = JSON.parse(sample.body) as { access_token?: string; id_token?: string; token_type?: string };
    if (sample.status !== 200 || !body.access_token || !body.id_token || body.token_type !== 'Bearer') {
      throw new Error(`the token endpoint answered without tokens: ${sample.status} ${sample.body}`);
    }
    const { payload } = await jwtVerify(body.id_token, jwks, { issuer: `${publicUrl}/oidc`, audience: CLIENT_ID });
    if (payload.acr !== ACR) throw new Error(`unexpected ID token: ${JSON.stringify(payload)}`);
    idToken = body.id_token;
  }
  return idToken;
}

/**
 * A code is exchanged once: two exchanges of one code sent together get one answer with tokens, and a code
 * already exchanged is refused.
 */
async function checkSingleUse(publicUrl: string, usedBody: string, freshBody: string): Promise<void> {
  const post = async (body: string) => {
    const answer = await fetch(`${publicUrl}/oidc/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body,
    });
    return { status: answer.status, body: (await answer.json()) as { error?: string } };
  };
  const race = await Promise.all([post(freshBody), post(freshBody)]);
  if (race.filter((answer) => answer.status === 200).length !== 1) {
    throw new Error(`a code sent twice at once was exchanged ${JSON.stringify(race)}`);
  }
  const again = await post(usedBody);
  if (again.status !== 400 || again.body.error !== 'invalid_grant') {
    throw new Error(`a code was accepted twice: ${again.status} ${JSON.stringify(again.body)}`);
  }
}

async function countRows(db: Database, model: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    'select count(*)::int8 as n from identity.oidc_payload where model = $1',
    [model],
  );
  return rows[0]?.n ?? 0;
}

/** jose `SignJWT` with the provider's ES256 key, the header and payload of an ID token it issued. */
async function signingRate(db: Database, idToken: string, seconds: number, concurrency: number): Promise<Throughput> {
  const { rows } = await db.query<{ private_jwk: JWK | string }>(
    'select private_jwk from identity.signing_key where retired_at is null order by created_at desc limit 1',
  );
  const stored = rows[0]?.private_jwk;
  const jwk = (typeof stored === 'string' ? JSON.parse(stored) : stored) as JWK;
  const key = await importJWK(jwk, 'ES256');
  const header = decodeProtectedHeader(idToken);
  const payload = decodeJwt(idToken);
  return closedLoop(concurrency, seconds, async () => {
    await new SignJWT(payload).setProtectedHeader({ alg: 'ES256', typ: header.typ, kid: header.kid }).sign(key);
  });
}

/** Two runs of the baseline as one (operations over time; latency percentiles of the slower run). */
function combine(a: Throughput, b: Throughput): Throughput {
  const operations = a.operations + b.operations;
  const seconds = a.seconds + b.seconds;
  const slower = a.perSecond < b.perSecond ? a : b;
  return {
    operations,
    seconds,
    perSecond: operations / seconds,
    p50Ms: slower.p50Ms,
    p99Ms: slower.p99Ms,
    errors: a.errors + b.errors,
  };
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === 'string') throw new Error('no port');
  return address.port;
}

function report(results: readonly EngineResult[], options: Options): string {
  const ms = (value: number) => value.toFixed(1);
  const cores = availableParallelism();
  const machine = `${cores} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  return [
    '',
    `oidc benchmark, ${new Date().toISOString().slice(0, 10)}, ${machine}`,
    '',
    `Code-for-token exchanges (POST /oidc/token, PKCE, public client) for ${options.seconds} s vs raw ES256 signing for`,
    `${options.seconds / 2} s before and ${options.seconds / 2} s after them, ${options.concurrency} concurrent callers`,
    table(
      [
        'engine',
        'ES256 signs/s (before / after)',
        'exchanges/s',
        'p50 ms',
        'p99 ms',
        'ratio',
        `exchanges/s per core (÷ ${cores})`,
        'server thread busy',
        'exchanges per server-thread CPU second',
        'exchanges',
        'errors',
        'access tokens stored',
        'codes minted in',
      ],
      results.map((r) => [
        r.engine,
        `${int(r.signing.perSecond)} (${int(r.signingHalves[0])} / ${int(r.signingHalves[1])})`,
        int(r.exchanges.perSecond),
        ms(r.exchanges.p50Ms),
        ms(r.exchanges.p99Ms),
        ratio(r.exchanges.perSecond, r.signing.perSecond),
        int(r.exchanges.perSecond / cores),
        `${Math.round(r.serverThread * 100)} %`,
        int(r.exchanges.perSecond / Math.max(r.serverThread, 0.01)),
        `${int(r.exchanges.operations)}${r.exchanges.exhausted ? ` in ${r.exchanges.seconds.toFixed(1)} s (codes ran out)` : ''}`,
        int(r.exchanges.errors),
        int(r.accessTokensStored),
        `${r.mintSeconds.toFixed(1)} s`,
      ]),
    ),
    '',
    `Per core: exchanges/s divided by os.availableParallelism() = ${cores}, the cores this process may use (the`,
    'server, its load generator thread and, on PGlite, the database all run in it). Goal ≥ 480 exchanges/s per core.',
    "Per server-thread CPU second: exchanges/s divided by how busy the server's one thread was (event-loop",
    'utilisation): the rate one core running only the server would give, the database on other cores.',
    `Each exchange: find the client, the code and the grant, consume the code, find the account, store the access`,
    `token, sign an ID token (${results[0]?.idTokenBytes ?? 0} bytes; the baseline signs the same header and payload).`,
    '',
  ].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run(process.argv.slice(2));
