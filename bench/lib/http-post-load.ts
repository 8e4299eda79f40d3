/**
 * A POST load generator on its own thread, over keep-alive connections, in one of two modes:
 *
 * - closed loop (the default): `concurrency` loops over as many connections, each taking the next body and
 *   waiting for the answer before sending another. A warm-up uses the first `warmUp` bodies; the timed phase
 *   then runs for `seconds` or until the bodies run out, whichever comes first. With `reuse`, the bodies are
 *   taken round and round (for requests that may be sent more than once) and never run out.
 * - open loop (`arrivalRate`): requests start at a fixed rate whatever the answers, over at most `concurrency`
 *   connections (a request finding them all busy waits for one), for `seconds`; each latency is counted from
 *   the moment the request was due, so that a server falling behind shows in the latencies
 *   (no coordinated omission). The bodies are taken round and round.
 *
 * The first answers of the timed phase are handed back whole, so that the caller can check what they carry.
 */
import { Worker } from 'node:worker_threads';
import { summarize, type Throughput } from './measure.ts';

export interface HttpPostLoad {
  readonly url: string;
  readonly path: string;
  readonly contentType: string;
  /** Sent with every request (e.g. `authorization`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** One body per request; none is sent twice unless `reuse` (or `arrivalRate`) is set. */
  readonly bodies: readonly string[];
  /** Whether the bodies are taken round and round instead of once each. */
  readonly reuse?: boolean;
  readonly warmUp: number;
  /** Connections (the closed loop's concurrent callers; the open loop's limit). */
  readonly concurrency: number;
  readonly seconds: number;
  /** Requests per second for an open loop (fixed arrival rate) instead of a closed loop. */
  readonly arrivalRate?: number;
  /** How many answers of the timed phase to return (the first ones). */
  readonly keep?: number;
}

export interface HttpPostResult extends Throughput {
  /** The first answers of the timed phase: status and body. */
  readonly samples: ReadonlyArray<{ status: number; body: string }>;
  /** A few answers that were not 200. */
  readonly failures: ReadonlyArray<{ status: number; body: string }>;
  /** Whether the timed phase stopped because the bodies ran out before the time. */
  readonly exhausted: boolean;
}

const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, path, contentType, headers, bodies, reuse, warmUp, concurrency, seconds, arrivalRate, keep } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(url);
function post(body) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname, port: target.port, path, method: 'POST', agent,
        headers: { ...headers, 'content-type': contentType, 'content-length': Buffer.byteLength(body), accept: 'application/json' },
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}
let next = 0;
function take() {
  const body = bodies[next % bodies.length];
  next++;
  return body;
}
/** One request; its latency counted from \`since\` (when it was due). */
async function send(body, since, out) {
  try {
    const answer = await post(body);
    if (answer.status === 200) out.latencies.push(performance.now() - since);
    else { out.errors++; if (out.failures.length < 5) out.failures.push(answer); }
    if (out.samples.length < keep) out.samples.push(answer);
  } catch (error) {
    out.errors++;
    if (out.failures.length < 5) out.failures.push({ status: 0, body: String(error) });
  }
}
async function closedPhase(last, duration, out) {
  const until = performance.now() + duration * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < until && next < last) await send(take(), performance.now(), out);
  }));
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function openPhase(rate, duration, out) {
  const started = performance.now();
  const count = Math.floor(rate * duration);
  const pending = [];
  for (let i = 0; i < count; ) {
    const now = performance.now();
    for (; i < count && started + (i * 1000) / rate <= now; i++) pending.push(send(take(), started + (i * 1000) / rate, out));
    await sleep(1);
  }
  await Promise.all(pending);
}
const outcome = () => ({ latencies: [], errors: 0, samples: [], failures: [] });
(async () => {
  if (arrivalRate) await openPhase(arrivalRate, Math.max(seconds / 10, 0.5), outcome());
  else await closedPhase(warmUp, 3600, outcome());
  const out = outcome();
  const started = performance.now();
  if (arrivalRate) await openPhase(arrivalRate, seconds, out);
  else await closedPhase(reuse ? Number.POSITIVE_INFINITY : bodies.length, seconds, out);
  const elapsed = (performance.now() - started) / 1000;
  const exhausted = !reuse && !arrivalRate && next >= bodies.length;
  parentPort.postMessage({ ...out, seconds: elapsed, exhausted });
  agent.destroy();
})();
`;

export async function httpPostLoad(load: HttpPostLoad): Promise<HttpPostResult> {
  const worker = new Worker(CLIENT, { eval: true, workerData: { keep: 3, headers: {}, reuse: false, ...load } });
  const result = await new Promise<{
    latencies: number[];
    seconds: number;
    errors: number;
    samples: Array<{ status: number; body: string }>;
    failures: Array<{ status: number; body: string }>;
    exhausted: boolean;
  }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  return {
    ...summarize(result.latencies, result.seconds, result.errors),
    samples: result.samples,
    failures: result.failures,
    exhausted: result.exhausted,
  };
}
