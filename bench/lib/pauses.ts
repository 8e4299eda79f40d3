/**
 * Where this thread stopped serving during a window: V8's garbage collections (each a pause of the thread)
 * and the event loop's delays (how late a timer of 1 ms ran: any stall, collections included). A stall of
 * s ms at half the capacity makes about 2s ms of arrivals late by up to about 2s (bench/RESULTS.md).
 */
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';

export interface PauseReport {
  readonly collections: number;
  readonly collectionMs: number;
  readonly longestCollectionMs: number;
  readonly longestDelayMs: number;
}

/** Starts watching this thread; `stop()` ends the watch and reports. */
export function watchPauses(): { stop(): PauseReport } {
  const durations: number[] = [];
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) durations.push(entry.duration);
  });
  observer.observe({ entryTypes: ['gc'] });
  const delay = monitorEventLoopDelay({ resolution: 1 });
  delay.enable();
  return {
    stop() {
      delay.disable();
      observer.disconnect();
      return {
        collections: durations.length,
        collectionMs: durations.reduce((sum, ms) => sum + ms, 0),
        longestCollectionMs: Math.max(0, ...durations),
        longestDelayMs: delay.max / 1e6,
      };
    },
  };
}

export function pausesText(report: PauseReport): string {
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return `${report.collections} garbage collections (${ms(report.collectionMs)} in all, the longest ${ms(report.longestCollectionMs)}), the event loop's longest delay ${ms(report.longestDelayMs)}`;
}
