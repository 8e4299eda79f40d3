/** Small helpers the benchmarks share: timing, latency percentiles, formatting. */

export interface Throughput {
  readonly operations: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly errors: number;
}

/**
 * Runs `operation` from `concurrency` loops for `seconds`, after a warm-up of a tenth of that, and reports
 * operations per second and latency percentiles.
 */
export function closedLoop(
  concurrency: number,
  seconds: number,
  operation: (loop: number, iteration: number) => Promise<void>,
): Promise<Throughput> {
  return afterWarmUp(seconds, (duration, latencies) => runLoops(concurrency, duration, operation, latencies));
}

/** Runs `run` for a tenth of `seconds` (at least half a second) untimed, then for `seconds`, timed. */
async function afterWarmUp(
  seconds: number,
  run: (seconds: number, latencies: number[]) => Promise<number>,
): Promise<Throughput> {
  await run(Math.max(seconds / 10, 0.5), []);
  const latencies: number[] = [];
  const started = performance.now();
  const errors = await run(seconds, latencies);
  return summarize(latencies, (performance.now() - started) / 1000, errors);
}

/**
 * Starts `operation` at a fixed `rate` per second for `seconds` whatever the answers (an open loop), after a
 * warm-up of a tenth of that; each latency is counted from the moment the operation was due, so that falling
 * behind shows in the latencies (no coordinated omission).
 */
export function openLoop(
  rate: number,
  seconds: number,
  operation: (iteration: number) => Promise<void>,
): Promise<Throughput> {
  return afterWarmUp(seconds, (duration, latencies) => runOpen(rate, duration, operation, latencies));
}

async function runOpen(
  rate: number,
  seconds: number,
  operation: (iteration: number) => Promise<void>,
  latencies: number[],
): Promise<number> {
  const started = performance.now();
  const count = Math.floor(rate * seconds);
  const pending: Promise<void>[] = [];
  let errors = 0;
  const start = (i: number, due: number) =>
    operation(i).then(
      () => void latencies.push(performance.now() - due),
      () => void errors++,
    );
  for (let i = 0; i < count; ) {
    const now = performance.now();
    for (; i < count && started + (i * 1000) / rate <= now; i++) pending.push(start(i, started + (i * 1000) / rate));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
  return errors;
}

async function runLoops(
  concurrency: number,
  seconds: number,
  operation: (loop: number, iteration: number) => Promise<void>,
  latencies: number[],
): Promise<number> {
  const until = performance.now() + seconds * 1000;
  let errors = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async (_, loop) => {
      for (let iteration = 0; performance.now() < until; iteration++) {
        const start = performance.now();
        try {
          await operation(loop, iteration);
          latencies.push(performance.now() - start);
        } catch {
          errors++;
        }
      }
    }),
  );
  return errors;
}

export function summarize(latencies: number[], seconds: number, errors: number): Throughput {
  const sorted = Float64Array.from(latencies).sort();
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  return {
    operations: sorted.length,
    seconds,
    perSecond: sorted.length / seconds,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    errors,
  };
}

export async function timed<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const started = performance.now();
  const result = await fn();
  return { result, seconds: (performance.now() - started) / 1000 };
}

export function int(value: number): string {
  return Math.round(value).toLocaleString('en');
}

export function ratio(value: number, baseline: number): string {
  return `${(value / baseline).toFixed(2)}×`;
}

/** A fixed-width text table. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: readonly string[]) => cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join('  ');
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
