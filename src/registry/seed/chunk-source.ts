/**
 * Where the chunks of a run come from: the generator on this thread (small runs: starting a worker costs
 * more than it saves), or in a worker thread, so that generating and loading use both cores.
 */
import { Worker } from 'node:worker_threads';
import { type GeneratedChunk, type GenerationPlan, type GenerationTotals, generateChunks } from './generate.ts';
import type { WorkerInput, WorkerMessage } from './generation-worker.ts';
import { type PlaceRows, Places } from './places.ts';

export type ChunkSource = AsyncGenerator<GeneratedChunk, GenerationTotals, undefined>;

/** Below this many people the generator runs on the caller's thread. */
export const WORKER_FROM_PEOPLE = 50_000;

export function chunkSource(plan: GenerationPlan, places: PlaceRows, options: { worker?: boolean } = {}): ChunkSource {
  const useWorker = options.worker ?? plan.people >= WORKER_FROM_PEOPLE;
  return useWorker ? fromWorker(plan, places) : onThisThread(plan, places);
}

async function* onThisThread(plan: GenerationPlan, places: PlaceRows): ChunkSource {
  return yield* generateChunks(plan, new Places(places));
}

async function* fromWorker(plan: GenerationPlan, places: PlaceRows): ChunkSource {
  const worker = new Worker(new URL('./worker.js', import.meta.url), {
    workerData: { plan, places } satisfies WorkerInput,
    // Not the parent's loader flags: worker.js registers the TypeScript loader itself.
    execArgv: [],
  });
  const inbox: WorkerMessage[] = [];
  let wake: (() => void) | undefined;
  let failure: Error | undefined;
  worker.on('message', (message: WorkerMessage) => {
    inbox.push(message);
    wake?.();
  });
  worker.on('error', (error) => {
    failure = error;
    wake?.();
  });
  worker.on('exit', (code) => {
    failure ??= new Error(`the seed's generation worker stopped (exit code ${code})`);
    wake?.();
  });
  try {
    for (;;) {
      while (inbox.length === 0 && !failure) await new Promise<void>((resolve) => (wake = resolve));
      const message = inbox.shift();
      if (!message) throw failure;
      if (message.type === 'error') {
        throw Object.assign(new Error(`seed generation failed: ${message.message}`), { stack: message.stack });
      }
      if (message.type === 'done') return message.totals;
      yield message.chunk;
      worker.postMessage('more');
    }
  } finally {
    await worker.terminate();
  }
}
