/**
 * CPU time the hypervisor gave to other guests while this virtual machine had work to run ("steal", the
 * eighth figure of the `cpu` line of Linux's `/proc/stat`). On a shared host it can stop every thread of the
 * machine for tens or hundreds of milliseconds, which shows in latencies and in nothing the program does.
 * Elsewhere than Linux the watch reports nothing.
 */
import { readFileSync } from 'node:fs';

export interface StealReport {
  /** Share of the machine's CPU time taken as steal over the whole watch. */
  readonly share: number;
  /** The largest share in one sampling interval (about 100 ms). */
  readonly worst: number;
}

interface Ticks {
  readonly steal: number;
  readonly total: number;
}

function ticks(): Ticks | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
    if (fields.length < 8 || fields.some(Number.isNaN)) return undefined;
    return { steal: fields[7] as number, total: fields.reduce((sum, value) => sum + value, 0) };
  } catch {
    return undefined;
  }
}

/** Starts sampling every `intervalMs`; `stop()` ends it and reports, or gives undefined off Linux. */
export function watchSteal(intervalMs = 100): { stop(): StealReport | undefined } {
  const first = ticks();
  let previous = first;
  let worst = 0;
  const timer = setInterval(() => {
    const now = ticks();
    if (!now || !previous) return;
    const total = now.total - previous.total;
    if (total > 0) worst = Math.max(worst, (now.steal - previous.steal) / total);
    previous = now;
  }, intervalMs);
  return {
    stop() {
      clearInterval(timer);
      const last = ticks();
      if (!first || !last || last.total === first.total) return undefined;
      return { share: (last.steal - first.steal) / (last.total - first.total), worst };
    },
  };
}

export function stealText(report: StealReport | undefined): string {
  if (!report) return 'not measured (no /proc/stat)';
  const percent = (value: number) => `${Math.round(value * 100)} %`;
  return `${percent(report.share)} of the CPU time, ${percent(report.worst)} in the worst 100 ms`;
}
