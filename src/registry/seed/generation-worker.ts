/**
 * The generator on its own thread: on a two-core machine one core generates while the other loads the
 * previous chunk into the database. It runs ahead by at most {@link CHUNKS_AHEAD} chunks, so memory stays
 * bounded however fast the generator is compared with the database.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { type GenerationPlan, generateChunks } from './generate.ts';
import { type PlaceRows, Places } from './places.ts';

export const CHUNKS_AHEAD = 2;

/** What the thread that starts the worker passes in. */
export interface WorkerInput {
  readonly plan: GenerationPlan;
  readonly places: PlaceRows;
}

/** What the worker sends back: chunks, then the totals, or the error that stopped it. */
export type WorkerMessage =
  | { readonly type: 'chunk'; readonly chunk: import('./generate.ts').GeneratedChunk }
  | { readonly type: 'done'; readonly totals: import('./generate.ts').GenerationTotals }
  | { readonly type: 'error'; readonly message: string; readonly stack: string | undefined };

async function run(port: NonNullable<typeof parentPort>, input: WorkerInput): Promise<void> {
  let credits = CHUNKS_AHEAD;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    credits++;
    wake?.();
  });
  try {
    const chunks = generateChunks(input.plan, new Places(input.places));
    for (let step = chunks.next(); ; step = chunks.next()) {
      if (step.done) {
        port.postMessage({ type: 'done', totals: step.value } satisfies WorkerMessage);
        break;
      }
      while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
      credits--;
      // The binary rows' buffers move to the loading thread rather than being copied.
      const buffers = Object.values(step.value.rows).flatMap((rows) =>
        typeof rows === 'string' ? [] : [rows.buffer as ArrayBuffer],
      );
      port.postMessage({ type: 'chunk', chunk: step.value } satisfies WorkerMessage, buffers);
    }
  } catch (error) {
    const failure = error instanceof Error ? error : new Error(String(error));
    port.postMessage({ type: 'error', message: failure.message, stack: failure.stack } satisfies WorkerMessage);
  }
  port.close();
}

if (parentPort) await run(parentPort, workerData as WorkerInput);
