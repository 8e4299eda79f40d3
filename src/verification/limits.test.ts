import { describe, expect, it } from 'vitest';
import { isDomainError, ManualClock } from '../kernel/index.ts';
import { QuotaCounter } from './limits.ts';

/** What the log holds of the partner's month, answered when the test says so. */
function usage() {
  let logged = 0;
  const reads: Array<() => void> = [];
  const used = () => new Promise<number>((resolve) => reads.push(() => resolve(logged)));
  return {
    used,
    reads,
    log: (checks: number) => {
      logged += checks;
    },
    answer: async () => {
      reads.shift()?.();
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}

const refused = (error: unknown) => isDomainError(error, 'QUOTA_EXCEEDED');

/** A counter refreshed every 10 s, its clock and its log. */
function counter(start = '2026-03-10T03:00:00Z') {
  const clock = new ManualClock(start);
  const log = usage();
  return { clock, log, quotas: new QuotaCounter(log.used, clock, 10_000) };
}

/** The partner's first check of the month, once the log has been read for it. */
async function firstCheck({ log, quotas }: ReturnType<typeof counter>, quota: number) {
  const first = quotas.admit('bank', quota);
  expect(log.reads).toHaveLength(1);
  await log.answer();
  return first;
}

describe('QuotaCounter', () => {
  it('makes only the first check of a month wait for the read; a refresh is read behind the checks', async () => {
    const counting = counter();
    const { clock, log, quotas } = counting;
    (await firstCheck(counting, 100)).done();
    clock.advance(10_000);
    // Past the period: admitted at once against the count held, while the log is read again.
    (await quotas.admit('bank', 100)).done();
    expect(log.reads).toHaveLength(1);
    (await quotas.admit('bank', 100)).done();
    expect(log.reads).toHaveLength(1);
    await log.answer();
  });

  it('counts the checks in flight at a refresh once, and not again once they are in the log', async () => {
    const counting = counter();
    const { clock, log, quotas } = counting;
    const inFlight = [await firstCheck(counting, 6), await quotas.admit('bank', 6), await quotas.admit('bank', 6)];
    clock.advance(10_000);
    inFlight.push(await quotas.admit('bank', 6));
    // The refresh reads the log before the four checks land: they are counted as in flight.
    await log.answer();
    for (const check of inFlight) check.done();
    log.log(4);
    clock.advance(10_000);
    (await quotas.admit('bank', 6)).done();
    log.log(1);
    await log.answer();
    // Five in the log and nothing in flight: one more fits in a quota of six, the next does not.
    (await quotas.admit('bank', 6)).done();
    log.log(1);
    await expect(quotas.admit('bank', 6)).rejects.toSatisfy(refused);
  });

  it('gives back the place of a check that was not made', async () => {
    const counting = counter();
    const { quotas } = counting;
    (await firstCheck(counting, 1)).release();
    (await quotas.admit('bank', 1)).done();
    await expect(quotas.admit('bank', 1)).rejects.toSatisfy(refused);
  });

  it('starts a new month from the log, waiting for that read', async () => {
    const counting = counter('2026-03-31T16:59:00Z');
    const { clock, log, quotas } = counting;
    (await firstCheck(counting, 1)).done();
    log.log(1);
    await expect(quotas.admit('bank', 1)).rejects.toSatisfy(refused);
    // 17:00 UTC is midnight in Vietnam: April's count starts from April's checks in the log, none.
    clock.advance(60_000);
    const april = quotas.admit('bank', 1);
    expect(log.reads).toHaveLength(1);
    log.log(-1);
    await log.answer();
    (await april).done();
  });
});
