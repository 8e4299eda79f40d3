/**
 * An HTTP load generator on its own thread (so that the server's event loop in the main thread does not also
 * run the client): `concurrency` loops over as many keep-alive connections, each request waiting for the
 * previous answer on its connection (a closed loop), for a fixed time after a warm-up.
 */
import { Worker } from 'node:worker_threads';
import { summarize, type Throughput } from './measure.ts';

export interface HttpLoad {
  readonly url: string;
  readonly paths: readonly string[];
  readonly headers: Readonly<Record<string, string>>;
  readonly concurrency: number;
  readonly seconds: number;
}

const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { url, paths, headers, concurrency, seconds } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const target = new URL(url);
function get(path) {
  return new Promise((resolve, reject) => {
    const request = http.request(
      { host: target.hostname, port: target.port, path, method: 'GET', headers, agent },
      (response) => {
        response.resume();
        response.on('end', () => (response.statusCode === 200 ? resolve() : reject(new Error(String(response.statusCode)))));
      },
    );
    request.on('error', reject);
    request.end();
  });
}
async function phase(duration, latencies) {
  const until = performance.now() + duration * 1000;
  let errors = 0;
  await Promise.all(Array.from({ length: concurrency }, async (_, loop) => {
    for (let i = 0; performance.now() < until; i++) {
      const path = paths[(loop * 7919 + i * concurrency) % paths.length];
      const start = performance.now();
      try { await get(path); latencies.push(performance.now() - start); } catch { errors++; }
    }
  }));
  return errors;
}
(async () => {
  await phase(Math.max(seconds / 10, 0.5), []);
  const latencies = [];
  const started = performance.now();
  const errors = await phase(seconds, latencies);
  parentPort.postMessage({ latencies, seconds: (performance.now() - started) / 1000, errors });
  agent.destroy();
})();
`;

export async function httpLoad(load: HttpLoad): Promise<Throughput> {
  const worker = new Worker(CLIENT, { eval: true, workerData: load });
  const result = await new Promise<{ latencies: number[]; seconds: number; errors: number }>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  await worker.terminate();
  return summarize(result.latencies, result.seconds, result.errors);
}
