/**
 * Where a run's database time goes: every statement the `pg` driver sends, timed from submission to its
 * answer (a COPY until its stream ends) and summed by the statement's opening words. Measures the time the
 * caller waits, which for a caller that sends one statement at a time is the statement's round trip.
 */
import pg from 'pg';

export interface StatementTime {
  readonly statement: string;
  readonly count: number;
  readonly seconds: number;
}

type Query = (this: pg.Client, ...args: unknown[]) => unknown;

/** Times statements from now until `stop`, which puts the driver back and returns the sums, longest first. */
export function timeStatements(): { stop(): StatementTime[] } {
  const sums = new Map<string, { count: number; ms: number }>();
  const add = (text: string, started: number) => {
    const key = text.replace(/\s+/g, ' ').trim().slice(0, 70);
    const sum = sums.get(key) ?? { count: 0, ms: 0 };
    sum.count++;
    sum.ms += performance.now() - started;
    sums.set(key, sum);
  };
  const original = pg.Client.prototype.query as unknown as Query;
  const timed: Query = function (this: pg.Client, ...args) {
    const [config] = args;
    const text =
      typeof config === 'string' ? config : String((config as { text?: string; query?: string })?.text ?? 'COPY');
    const started = performance.now();
    const result = original.apply(this, args);
    if (result instanceof Promise) {
      return result.finally(() => add(text, started));
    }
    const stream = result as { once?: (event: string, listener: () => void) => void; text?: string };
    if (typeof stream?.once === 'function') {
      let done = false;
      const end = () => {
        if (!done) add(stream.text ?? text, started);
        done = true;
      };
      for (const event of ['finish', 'end', 'error']) stream.once(event, end);
    }
    return result;
  };
  pg.Client.prototype.query = timed as unknown as typeof pg.Client.prototype.query;
  return {
    stop() {
      pg.Client.prototype.query = original as unknown as typeof pg.Client.prototype.query;
      return [...sums]
        .map(([statement, sum]) => ({ statement, count: sum.count, seconds: sum.ms / 1000 }))
        .sort((a, b) => b.seconds - a.seconds);
    },
  };
}
