import { describe, expect, it } from 'vitest';
import { NOBODY, startBatchWorld } from '../../test/support/batch.ts';
import { expectStatus } from '../../test/support/identity.ts';
import type { BatchJob } from './batch/model.ts';
import { batchStore } from './batch/store.ts';

const w = startBatchWorld();

describe('a batch job that is interrupted', () => {
  it('resumes after a chunk is aborted midway and finishes with exact results and log entries', async () => {
    const bank = await w.api.partner('ngan-hang-sap');
    const names = ['Nguyễn Văn Đức', 'Nguyen Van Duc', 'Nguyễn Văn Đực', 'Trần Văn Đức'];
    const data = Array.from({ length: 23 }, (_, i) =>
      i === 11 ? `bad,"row,${i}` : `${i % 5 === 4 ? NOBODY : w.f.duc},${names[i % names.length]},1990-05-17`,
    );
    const csv = `personalId,fullName,birthDate\n${data.join('\n')}\n`;
    const accepted = await w.api.upload(bank.accessToken, csv);
    expectStatus(accepted, 202);
    const id = (accepted.json() as BatchJob).id;
    const batches = w.f.t.app.services.verification.batches;
    const seen: number[] = [];
    await expect(
      batches.runPending({
        chunkRows: 5,
        onChunk: (each) => {
          if (String(each.id) === id) seen.push(each.rows_done);
        },
        beforeCommit: (_job, chunk) => {
          if (chunk === 3) throw new Error('the node stops here');
        },
      }),
    ).rejects.toThrow('the node stops here');
    expect(seen).toEqual([5, 10]);
    const halfway = await w.api.job(bank.accessToken, id);
    expect(halfway).toMatchObject({ status: 'running', rowsProcessed: 10, progress: 10 / 23 });
    expect((await w.f.t.app.services.verification.usage(bank.id, '2026-03', 'month')).total).toBe(10);
    expectStatus(await w.api.resultsFile(bank.accessToken, id), 409);

    await batches.runPending({ chunkRows: 5 });
    // A chunk run again after its commit (a runner that lost its lease) changes nothing.
    await batches.runPending({ chunkRows: 5 });
    const done = await w.api.job(bank.accessToken, id);
    expect(done).toMatchObject({ status: 'done', rowsRead: 23, rowsProcessed: 23, rowsUnreadable: 1 });
    expect((await w.f.t.app.services.verification.usage(bank.id, '2026-03', 'month')).total).toBe(22);
    // Each of the citizen's rows is in their history once, the chunk done twice included; the chain is whole.
    const accessLog = w.f.t.app.services.registry.deps.accessLog;
    const history = await accessLog.listForSubject(w.f.duc, { limit: 100 });
    const lines = history.items.filter((item) => item.actorId === bank.id).map((item) => item.details?.line);
    const ducLines = data.flatMap((row, i) => (row.startsWith(`${w.f.duc},`) ? [i + 2] : []));
    expect([...lines].sort((a, b) => Number(a) - Number(b))).toEqual(ducLines);
    expect((await accessLog.verifyChain()).ok).toBe(true);

    // The same file from another partner, run without interruption, gives the same results.
    const clean = await w.api.partner('ngan-hang-doi-chung');
    const cleanJob = await w.api.upload(clean.accessToken, csv);
    await batches.runPending({ chunkRows: 7 });
    const cleanId = (cleanJob.json() as BatchJob).id;
    expect(await w.api.job(clean.accessToken, cleanId)).toMatchObject({
      rowsMatched: done.rowsMatched,
      rowsMismatched: done.rowsMismatched,
      rowsUnreadable: 1,
    });
    expect(await w.api.results(bank.accessToken, id)).toEqual(await w.api.results(clean.accessToken, cleanId));
  });

  it('refuses rows per chunk that one access-log group cannot hold, before taking any job', async () => {
    const bank = await w.api.partner('ngan-hang-lo-lon');
    const accepted = await w.api.upload(bank.accessToken, `personalId\n${w.f.duc}\n`);
    const id = (accepted.json() as BatchJob).id;
    const batches = w.f.t.app.services.verification.batches;
    for (const chunkRows of [0, 1.5, 100_001]) {
      await expect(batches.runPending({ jobId: id, chunkRows })).rejects.toThrow(RangeError);
    }
    expect(await w.api.job(bank.accessToken, id)).toMatchObject({ status: 'queued', rowsProcessed: 0 });
    await batches.runPending({ jobId: id, chunkRows: 100_000 });
    expect(await w.api.job(bank.accessToken, id)).toMatchObject({ status: 'done', rowsProcessed: 1 });
  });

  it('is taken over from a node that stopped once its lease ends, and fails for good after repeated errors', async () => {
    const bank = await w.api.partner('ngan-hang-nut');
    const accepted = await w.api.upload(bank.accessToken, `personalId,fullName\n${w.f.duc},Nguyễn Văn Đức\n`);
    const id = (accepted.json() as BatchJob).id;
    const batches = w.f.t.app.services.verification.batches;
    const now = w.f.t.clock.now();
    // Another node claims the job and dies without a word.
    await batchStore.claim(w.f.t.db, 'node-that-died', now, new Date(now.getTime() + 60_000), Number(id));
    await batches.runPending({ jobId: id });
    expect(await w.api.job(bank.accessToken, id)).toMatchObject({ status: 'running', rowsProcessed: 0 });
    w.f.t.clock.advance(61_000);
    await batches.runPending({ jobId: id });
    expect(await w.api.job(bank.accessToken, id)).toMatchObject({ status: 'done', rowsProcessed: 1, rowsMatched: 1 });

    const broken = await w.api.upload(bank.accessToken, `personalId\n${w.f.duc}\n`);
    const brokenId = (broken.json() as BatchJob).id;
    const fail = () => {
      throw new Error('the disk is full');
    };
    for (let attempt = 1; attempt <= 5; attempt++) {
      await expect(batches.runPending({ jobId: brokenId, beforeCommit: fail })).rejects.toThrow('the disk is full');
    }
    expect(await w.api.job(bank.accessToken, brokenId)).toMatchObject({ status: 'failed', rowsProcessed: 0 });
    await batches.runPending({ jobId: brokenId });
    expect(await w.api.job(bank.accessToken, brokenId)).toMatchObject({ status: 'failed' });
    expect((await w.f.t.app.services.verification.usage(bank.id, '2026-03', 'month')).total).toBe(1);
  });
});
