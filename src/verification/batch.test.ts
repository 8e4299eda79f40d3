import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus } from '../../test/support/identity.ts';
import { registerPartner, type VerificationFixture, verificationFixture } from '../../test/support/verification.ts';
import { CsvReader } from './batch/csv-reader.ts';
import type { BatchJob } from './batch/model.ts';
import { RESULT_COLUMNS } from './batch/runner.ts';
import { batchStore } from './batch/store.ts';
import { ATTRIBUTES, type VerificationAnswer } from './model.ts';
import type { Invoice } from './usage-model.ts';

let f: VerificationFixture;
let duc: string;
let lan: string;
/** A number of the right form that nobody has. */
const NOBODY = '001190099999';
const BATCH_SCOPES = ['verification', 'verification.batch'];

beforeAll(async () => {
  f = await verificationFixture();
  duc = f.duc;
  lan = await f.people.person({
    familyName: 'Trần',
    middleName: 'Thị',
    givenName: 'Lan',
    sex: 'female',
    birthDate: '1992-11-03',
  });
});
afterAll(async () => f?.close());

async function batchPartner(id: string) {
  const partner = await registerPartner(f.t.app, f.adminToken, { id, name: `Ngân hàng ${id}`, scopes: BATCH_SCOPES });
  return { ...partner, accessToken: await partner.token() };
}

function upload(token: string, csv: string, purpose = 'customer_data_cleaning'): Promise<LightMyRequestResponse> {
  return f.t.app.inject({
    method: 'POST',
    url: `/api/v1/verification-batches?purpose=${purpose}`,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
    payload: csv,
  });
}

async function job(token: string, id: string): Promise<BatchJob> {
  const response = await f.t.app.inject({
    method: 'GET',
    url: `/api/v1/verification-batches/${id}`,
    headers: { authorization: `Bearer ${token}` },
  });
  expectStatus(response, 200);
  return response.json() as BatchJob;
}

/** The results file as records of named cells. */
async function results(token: string, id: string): Promise<Record<string, string>[]> {
  const response = await f.t.app.inject({
    method: 'GET',
    url: `/api/v1/verification-batches/${id}/results`,
    headers: { authorization: `Bearer ${token}` },
  });
  expectStatus(response, 200);
  expect(response.headers['content-type']).toMatch(/^text\/csv/);
  const reader = new CsvReader();
  const [header, ...rows] = [...reader.push(response.body), ...reader.end()].map((record) => record.fields ?? []);
  expect(header).toEqual(RESULT_COLUMNS);
  return rows.map((cells) => Object.fromEntries(RESULT_COLUMNS.map((name, i) => [name, cells[i] ?? ''])));
}

const HEADER = 'personalId,fullName,birthDate,sex,cardNumber,cardIssuedOn,phone,address';

describe('a batch job', () => {
  it('answers each row as the online check answers the same declaration, in file order', async () => {
    const bank = await batchPartner('ngan-hang-lo');
    const rows = [
      [
        duc,
        'Nguyễn Văn Đức',
        '1990-05-17',
        'male',
        duc,
        '2025-05-01',
        '0912345678',
        'Số 5 phố Điện Biên Phủ, Phường Ba Đình, Thành phố Hà Nội',
      ],
      [duc, 'NGUYEN VAN DUC', '1990', '', '', '', '+84 912 345 678', ''],
      [
        duc,
        'Nguyễn Văn Đức'.normalize('NFD'),
        '1990-05',
        'female',
        '012345678',
        '',
        '0900000000',
        'Số 7 phố Huế, Hà Nội',
      ],
      [duc, 'Nguyen Van Duc', '1991-05-17', '', '', '2016-01-10', '', ''],
      [NOBODY, 'Ai Đó', '1990-01-01', '', '', '', '', ''],
      [lan, 'Trần Thị Lan', '1992-11-03', 'female', '', '', '', ''],
      [duc, '', '', '', '', '', '', ''],
    ];
    const csv = `${HEADER}\n${rows.map((cells) => cells.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\n')}\n`;
    const accepted = await upload(bank.accessToken, csv);
    expectStatus(accepted, 202);
    const queued = accepted.json() as BatchJob;
    expect(queued).toMatchObject({ status: 'queued', rowsRead: rows.length, rowsProcessed: 0, progress: 0 });
    expect(queued.checkTypes).toEqual(['identity', 'card', 'phone', 'address']);

    await f.t.app.services.verification.batches.runPending();
    const done = await job(bank.accessToken, queued.id);
    expect(done).toMatchObject({ status: 'done', rowsRead: 7, rowsProcessed: 7, progress: 1, rowsUnreadable: 0 });
    expect(done.rowsMatched + done.rowsMismatched).toBe(7);
    expect(done.unitPriceVnd).toBe(600);

    const lines = await results(bank.accessToken, queued.id);
    expect(lines.map((line) => [line.line, line.personalId])).toEqual(
      rows.map((cells, i) => [String(i + 2), cells[0]]),
    );
    const keys = HEADER.split(',');
    for (const [i, cells] of rows.entries()) {
      const body = Object.fromEntries(keys.map((key, k) => [key, cells[k]]).filter(([, value]) => value !== ''));
      const online = (await f.answer(
        { ...body, purpose: 'customer_data_cleaning' },
        bank.accessToken,
      )) as VerificationAnswer;
      const line = lines[i] as Record<string, string>;
      for (const attribute of ATTRIBUTES) {
        expect([line[`${attribute}Result`], line[`${attribute}Reasons`]], `row ${i + 2} ${attribute}`).toEqual([
          online.attributes[attribute].result,
          online.attributes[attribute].reasons.join(' '),
        ]);
      }
      for (const [flag, value] of Object.entries(online.flags))
        expect(line[flag], `row ${i + 2} ${flag}`).toBe(String(value));
      const mismatched = Object.values(online.attributes).some((each) => each.result === 'mismatch');
      expect(line.status).toBe(mismatched ? 'mismatched' : 'matched');
    }
    // Seven batch rows and seven online checks, each logged once, shown to the citizen with the partner's name.
    const usage = await f.t.app.services.verification.usage(bank.id, '2026-03', 'month');
    expect(usage.total).toBe(14);
    const history = await f.t.app.services.registry.deps.accessLog.listForSubject(duc, { limit: 100 });
    const batchEntries = history.items.filter((item) => item.channel === 'batch' && item.actorId === bank.id);
    expect(batchEntries).toHaveLength(5);
    expect(batchEntries[0]).toMatchObject({
      action: 'verify',
      actorName: bank.name,
      purpose: 'Làm sạch dữ liệu khách hàng',
    });
    // The invoice prices the batch rows at the contract's batch price, the online checks at the online price.
    const bill = await f.admin('GET', `/api/v1/admin/partners/${bank.id}/invoices/2026-03`);
    expectStatus(bill, 200);
    const all = ['identity', 'card', 'phone', 'address'];
    const billed = bill.json() as Invoice;
    expect(billed.lines[0]).toEqual({
      purpose: 'customer_data_cleaning',
      purposeLabel: 'Làm sạch dữ liệu khách hàng',
      channel: 'batch',
      checkTypes: all,
      checks: 7,
      unitPriceVnd: 600,
      amountVnd: 4200,
    });
    // Online, each check's types are those of the fields it gave: one line per combination.
    const online = billed.lines.slice(1);
    expect(online.every((line) => line.channel === 'online' && line.unitPriceVnd === 1500)).toBe(true);
    expect(online.reduce((sum, line) => sum + line.checks, 0)).toBe(7);
    expect(billed.totalVnd).toBe(14_700);
    // Usage counts the batch rows under their job's check types.
    expect(usage.lines.filter((line) => line.channel === 'batch')).toEqual([
      expect.objectContaining({ checkTypes: all, checks: 7 }),
    ]);
  });

  it('reports unreadable rows with their line and a stable code, and checks the rest', async () => {
    const bank = await batchPartner('ngan-hang-loi');
    const csv = [
      'personalId,fullName,birthDate',
      `${duc},Nguyễn Văn Đức,1990-05-17`,
      `${duc},Nguyễn "Văn" Đức,1990-05-17`,
      `${duc},"Nguyễn Văn Đức"x,1990`,
      `${duc},Nguyễn Văn Đức`,
      '12345,Ai Đó,1990',
      `${duc},Nguyễn Văn Đức,1990-02-30`,
      `${duc},"Nguyễn, Văn Đức",1990`,
      `${duc},"Nguyễn Văn Đức`,
    ].join('\r\n');
    const accepted = await upload(bank.accessToken, csv);
    expectStatus(accepted, 202);
    await f.t.app.services.verification.batches.runPending();
    const id = (accepted.json() as BatchJob).id;
    expect(await job(bank.accessToken, id)).toMatchObject({
      status: 'done',
      rowsRead: 8,
      rowsProcessed: 8,
      rowsMatched: 1,
      rowsMismatched: 1,
      rowsUnreadable: 6,
    });
    const lines = await results(bank.accessToken, id);
    expect(lines.map((line) => [line.line, line.status, line.rowError, line.errorColumn])).toEqual([
      ['2', 'matched', '', ''],
      ['3', 'unreadable', 'ROW_BAD_QUOTING', ''],
      ['4', 'unreadable', 'ROW_BAD_QUOTING', ''],
      ['5', 'unreadable', 'ROW_WRONG_COLUMN_COUNT', ''],
      ['6', 'unreadable', 'INVALID_PERSONAL_ID', 'personalId'],
      ['7', 'unreadable', 'INVALID_DATE', 'birthDate'],
      ['8', 'mismatched', '', ''],
      ['9', 'unreadable', 'ROW_BAD_QUOTING', ''],
    ]);
    expect((await f.t.app.services.verification.usage(bank.id, '2026-03', 'month')).total).toBe(2);
  });

  it('is the same job when the same file is uploaded again', async () => {
    const bank = await batchPartner('ngan-hang-trung');
    const csv = `personalId,fullName\n${duc},Nguyễn Văn Đức\n`;
    const first = await upload(bank.accessToken, csv);
    expectStatus(first, 202);
    const again = await upload(bank.accessToken, csv);
    expectStatus(again, 200);
    expect((again.json() as BatchJob).id).toBe((first.json() as BatchJob).id);
    const other = await upload(bank.accessToken, `${csv}${duc},Nguyen Van Duc\n`);
    expectStatus(other, 202);
    expect((other.json() as BatchJob).id).not.toBe((first.json() as BatchJob).id);
  });

  it('resumes after a chunk is aborted midway and finishes with exact results and log entries', async () => {
    const bank = await batchPartner('ngan-hang-sap');
    const names = ['Nguyễn Văn Đức', 'Nguyen Van Duc', 'Nguyễn Văn Đực', 'Trần Văn Đức'];
    const data = Array.from({ length: 23 }, (_, i) =>
      i === 11 ? `bad,"row,${i}` : `${i % 5 === 4 ? NOBODY : duc},${names[i % names.length]},1990-05-17`,
    );
    const csv = `personalId,fullName,birthDate\n${data.join('\n')}\n`;
    const accepted = await upload(bank.accessToken, csv);
    expectStatus(accepted, 202);
    const id = (accepted.json() as BatchJob).id;
    const batches = f.t.app.services.verification.batches;
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
    const halfway = await job(bank.accessToken, id);
    expect(halfway).toMatchObject({ status: 'running', rowsProcessed: 10, progress: 10 / 23 });
    expect((await f.t.app.services.verification.usage(bank.id, '2026-03', 'month')).total).toBe(10);
    const stillRunning = await f.t.app.inject({
      method: 'GET',
      url: `/api/v1/verification-batches/${id}/results`,
      headers: { authorization: `Bearer ${bank.accessToken}` },
    });
    expectStatus(stillRunning, 409);

    await batches.runPending({ chunkRows: 5 });
    // A chunk run again after its commit (a runner that lost its lease) changes nothing.
    await batches.runPending({ chunkRows: 5 });
    const done = await job(bank.accessToken, id);
    expect(done).toMatchObject({ status: 'done', rowsRead: 23, rowsProcessed: 23, rowsUnreadable: 1 });
    expect((await f.t.app.services.verification.usage(bank.id, '2026-03', 'month')).total).toBe(22);

    // The same file from another partner, run without interruption, gives the same results.
    const clean = await batchPartner('ngan-hang-doi-chung');
    const cleanJob = await upload(clean.accessToken, csv);
    await batches.runPending({ chunkRows: 7 });
    const cleanId = (cleanJob.json() as BatchJob).id;
    expect(await job(clean.accessToken, cleanId)).toMatchObject({
      rowsMatched: done.rowsMatched,
      rowsMismatched: done.rowsMismatched,
      rowsUnreadable: 1,
    });
    expect(await results(bank.accessToken, id)).toEqual(await results(clean.accessToken, cleanId));
  });

  it('is taken over from a node that stopped once its lease ends, and fails for good after repeated errors', async () => {
    const bank = await batchPartner('ngan-hang-nut');
    const accepted = await upload(bank.accessToken, `personalId,fullName\n${duc},Nguyễn Văn Đức\n`);
    const id = (accepted.json() as BatchJob).id;
    const batches = f.t.app.services.verification.batches;
    const now = f.t.clock.now();
    // Another node claims the job and dies without a word.
    await batchStore.claim(f.t.db, 'node-that-died', now, new Date(now.getTime() + 60_000), Number(id));
    await batches.runPending({ jobId: id });
    expect(await job(bank.accessToken, id)).toMatchObject({ status: 'running', rowsProcessed: 0 });
    f.t.clock.advance(61_000);
    await batches.runPending({ jobId: id });
    expect(await job(bank.accessToken, id)).toMatchObject({ status: 'done', rowsProcessed: 1, rowsMatched: 1 });

    const broken = await upload(bank.accessToken, `personalId\n${duc}\n`);
    const brokenId = (broken.json() as BatchJob).id;
    const fail = () => {
      throw new Error('the disk is full');
    };
    for (let attempt = 1; attempt <= 5; attempt++) {
      await expect(batches.runPending({ jobId: brokenId, beforeCommit: fail })).rejects.toThrow('the disk is full');
    }
    expect(await job(bank.accessToken, brokenId)).toMatchObject({ status: 'failed', rowsProcessed: 0 });
    await batches.runPending({ jobId: brokenId });
    expect(await job(bank.accessToken, brokenId)).toMatchObject({ status: 'failed' });
    expect((await f.t.app.services.verification.usage(bank.id, '2026-03', 'month')).total).toBe(1);
  });
});
