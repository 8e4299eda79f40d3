import { beforeAll, describe, expect, it } from 'vitest';
import { NOBODY, startBatchWorld } from '../../test/support/batch.ts';
import { expectStatus } from '../../test/support/identity.ts';
import type { BatchJob } from './batch/model.ts';
import { ATTRIBUTES, type VerificationAnswer } from './model.ts';
import type { Invoice } from './usage-model.ts';

const w = startBatchWorld();
let lan: string;

beforeAll(async () => {
  lan = await w.f.people.person({
    familyName: 'Trần',
    middleName: 'Thị',
    givenName: 'Lan',
    sex: 'female',
    birthDate: '1992-11-03',
  });
});

const HEADER = 'personalId,fullName,birthDate,sex,cardNumber,cardIssuedOn,phone,address';

describe('a batch job', () => {
  it('answers each row as the online check answers the same declaration, in file order', async () => {
    const bank = await w.api.partner('ngan-hang-lo');
    const rows = [
      [
        w.f.duc,
        'Nguyễn Văn Đức',
        '1990-05-17',
        'male',
        w.f.duc,
        '2025-05-01',
        '0912345678',
        'Số 5 phố Điện Biên Phủ, Phường Ba Đình, Thành phố Hà Nội',
      ],
      [w.f.duc, 'NGUYEN VAN DUC', '1990', '', '', '', '+84 912 345 678', ''],
      [
        w.f.duc,
        'Nguyễn Văn Đức'.normalize('NFD'),
        '1990-05',
        'female',
        '012345678',
        '',
        '0900000000',
        'Số 7 phố Huế, Hà Nội',
      ],
      [w.f.duc, 'Nguyen Van Duc', '1991-05-17', '', '', '2016-01-10', '', ''],
      [NOBODY, 'Ai Đó', '1990-01-01', '', '', '', '', ''],
      [lan, 'Trần Thị Lan', '1992-11-03', 'female', '', '', '', ''],
      [w.f.duc, '', '', '', '', '', '', ''],
    ];
    const csv = `${HEADER}\n${rows.map((cells) => cells.map((c) => (c.includes(',') ? `"${c}"` : c)).join(',')).join('\n')}\n`;
    const accepted = await w.api.upload(bank.accessToken, csv);
    expectStatus(accepted, 202);
    const queued = accepted.json() as BatchJob;
    expect(queued).toMatchObject({ status: 'queued', rowsRead: rows.length, rowsProcessed: 0, progress: 0 });
    expect(queued.checkTypes).toEqual(['identity', 'card', 'phone', 'address']);

    await w.f.t.app.services.verification.batches.runPending();
    const done = await w.api.job(bank.accessToken, queued.id);
    expect(done).toMatchObject({ status: 'done', rowsRead: 7, rowsProcessed: 7, progress: 1, rowsUnreadable: 0 });
    expect(done.rowsMatched + done.rowsMismatched).toBe(7);
    expect(done.unitPriceVnd).toBe(600);

    const lines = await w.api.results(bank.accessToken, queued.id);
    expect(lines.map((line) => [line.line, line.personalId])).toEqual(
      rows.map((cells, i) => [String(i + 2), cells[0]]),
    );
    const keys = HEADER.split(',');
    for (const [i, cells] of rows.entries()) {
      const body = Object.fromEntries(keys.map((key, k) => [key, cells[k]]).filter(([, value]) => value !== ''));
      const online = (await w.f.answer(
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
    const usage = await w.f.t.app.services.verification.usage(bank.id, '2026-03', 'month');
    expect(usage.total).toBe(14);
    const history = await w.f.t.app.services.registry.deps.accessLog.listForSubject(w.f.duc, { limit: 100 });
    const batchEntries = history.items.filter((item) => item.channel === 'batch' && item.actorId === bank.id);
    expect(batchEntries).toHaveLength(5);
    expect(batchEntries[0]).toMatchObject({
      action: 'verify',
      actorName: bank.name,
      purpose: 'Làm sạch dữ liệu khách hàng',
      details: { batchId: String(queued.id), checkTypes: ['identity', 'card', 'phone', 'address'] },
    });
    // Each of the citizen's rows shows its own line of the file, the last first.
    const ducLines = rows.flatMap((cells, i) => (cells[0] === w.f.duc ? [i + 2] : [])).reverse();
    expect(batchEntries.map((item) => item.details?.line)).toEqual(ducLines);
    // The invoice prices the batch rows at the contract's batch price, the online checks at the online price.
    const bill = await w.f.admin('GET', `/api/v1/admin/partners/${bank.id}/invoices/2026-03`);
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
    const bank = await w.api.partner('ngan-hang-loi');
    const csv = [
      'personalId,fullName,birthDate',
      `${w.f.duc},Nguyễn Văn Đức,1990-05-17`,
      `${w.f.duc},Nguyễn "Văn" Đức,1990-05-17`,
      `${w.f.duc},"Nguyễn Văn Đức"x,1990`,
      `${w.f.duc},Nguyễn Văn Đức`,
      '12345,Ai Đó,1990',
      `${w.f.duc},Nguyễn Văn Đức,1990-02-30`,
      `${w.f.duc},"Nguyễn, Văn Đức",1990`,
      `${w.f.duc},"Nguyễn Văn Đức`,
    ].join('\r\n');
    const accepted = await w.api.upload(bank.accessToken, csv);
    expectStatus(accepted, 202);
    await w.f.t.app.services.verification.batches.runPending();
    const id = (accepted.json() as BatchJob).id;
    expect(await w.api.job(bank.accessToken, id)).toMatchObject({
      status: 'done',
      rowsRead: 8,
      rowsProcessed: 8,
      rowsMatched: 1,
      rowsMismatched: 1,
      rowsUnreadable: 6,
    });
    const lines = await w.api.results(bank.accessToken, id);
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
    expect((await w.f.t.app.services.verification.usage(bank.id, '2026-03', 'month')).total).toBe(2);
  });

  it('is the same job when the same file is uploaded again', async () => {
    const bank = await w.api.partner('ngan-hang-trung');
    const csv = `personalId,fullName\n${w.f.duc},Nguyễn Văn Đức\n`;
    const first = await w.api.upload(bank.accessToken, csv);
    expectStatus(first, 202);
    const again = await w.api.upload(bank.accessToken, csv);
    expectStatus(again, 200);
    expect((again.json() as BatchJob).id).toBe((first.json() as BatchJob).id);
    const other = await w.api.upload(bank.accessToken, `${csv}${w.f.duc},Nguyen Van Duc\n`);
    expectStatus(other, 202);
    expect((other.json() as BatchJob).id).not.toBe((first.json() as BatchJob).id);
  });
});
