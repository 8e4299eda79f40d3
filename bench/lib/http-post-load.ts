/**
 * A POST load generator on its own thread, for requests that can be sent only once (an authorization code
 * exchanged for tokens): `concurrency` loops over as many keep-alive connections, each taking the next unused
 * body and waiting for the answer before sending another (a closed loop). A warm-up uses the first
 * `warmUp` bodies; the timed phase then runs for `seconds` or until the bodies run out, whichever comes first.
 * The first answers of the timed phase are handed back whole, so that the caller can check what they carry.
 */
import { Worker } from 'node:worker_threads';
import { summarize, type Throughput } from './measure.ts';

export interface HttpPostLoad {
  readonly url: string;
  readonly path: string;
  readonly contentType: string;
  /** One body per request; none is sent twice. */
  readonly bodies: readonly string[];
  readonly warmUp: number;
  readonly concurrency: number;
  readonly seconds: number;
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
const { url, path, contentType, bodies, warmUp, concurrency, seconds, keep } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(url);
function post(body) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        host: target.hostname, port: target.port, path, method: 'POST', agent,
        headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body), accept: 'application/json' },
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
async function phase(last, duration, latencies, samples, failures) {
  const until = performance.now() + duration * 1000;
  let errors = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < until && next < last) {
      const body = bodies[next++];
      const start = performance.now();
      try {
        const answer = await post(body);
        if (answer.status === 200) latencies.push(performance.now() - start);
        else { errors++; if (failures.length < 5) failures.push(answer); }
        if (samples.length < keep) samples.push(answer);
      } catch (error) {
        errors++;
        if (failures.length < 5) failures.push({ status: 0, body: String(error) });
      }
    }
  }));
  return errors;
}
(async () => {
  await phase(warmUp, 3600, [], [], []);
  const latencies = [];
  const samples = [];
  const failures = [];
  const started = performance.now();
  const errors = await phase(bodies.length, seconds, latencies, samples, failures);
  const elapsed = (performance.now() - started) / 1000;
  parentPort.postMessage({ latencies, seconds: elapsed, errors, samples, failures, exhausted: next >= bodies.length });
  agent.destroy();
})();
`;

export async function httpPostLoad(load: HttpPostLoad): Promise<HttpPostResult> {
  const worker = new Worker(CLIENT, { eval: true, workerData: { keep: 3, ...load } });
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
