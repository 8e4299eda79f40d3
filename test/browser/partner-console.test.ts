/// <reference lib="dom" />
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICER, testRegistry } from '../../src/registry/testing.ts';
import { CONTRACT } from '../../src/verification/testing.ts';
import { expectStatus, latestCode, type Registered, registerAccount } from '../support/identity.ts';
import { type RunningServer, startServer } from '../support/server.ts';
import { registerPartner, type TestPartner } from '../support/verification.ts';
import { browserSession } from './chromium.ts';

let server: RunningServer | undefined;

const BANK = { id: 'ngan-hang-cong', name: 'Ngân hàng TMCP Cổng Đối Tác' };
let bank: TestPartner | undefined;
/** A member of the bank's staff with a level-2 account. */
let hoa: Registered | undefined;
/** Someone with a level-2 account who is nobody's staff. */
let outsider: Registered | undefined;
/** The person the bank's customers declare themselves to be. */
let duc = '';

type People = Awaited<ReturnType<typeof testRegistry>>;

/** A woman with a valid card and a level-2 account, attested in person with the bootstrap token (first setup). */
async function levelTwoAccount(
  person: People['person'],
  registry: People['registry'],
  givenName: string,
  birthDate: string,
  phone: string,
): Promise<Registered> {
  if (!server) throw new Error('not started');
  const personalId = await person({ familyName: 'Lê', middleName: 'Thị', givenName, sex: 'female', birthDate });
  await registry.issueCard(
    personalId,
    { issuedOn: '2025-09-01', issuingAuthority: 'Cục Cảnh sát QLHC về TTXH' },
    OFFICER,
  );
  const account = await registerAccount(server.app, { personalId, fullName: `Lê Thị ${givenName}`, birthDate }, phone);
  const activated = await server.app.inject({
    method: 'POST',
    url: '/api/v1/officer/level2-activations',
    headers: { authorization: `Bearer ${server.token}` },
    payload: {
      personalId,
      cardNumber: personalId,
      faceMatched: true,
      fingerprintsMatched: true,
      attestation: 'Đã đối chiếu thẻ căn cước, khuôn mặt và vân tay tại trụ sở.',
    },
  });
  expectStatus(activated, 201);
  return account;
}

beforeAll(async () => {
  server = await startServer();
  const { person, registry } = await testRegistry(server.db, new Date().toISOString());
  duc = await person({ familyName: 'Nguyễn', middleName: 'Văn', givenName: 'Đức', birthDate: '1990-05-17' });
  hoa = await levelTwoAccount(person, registry, 'Hoa', '1988-06-09', '0918000001');
  outsider = await levelTwoAccount(person, registry, 'Mai', '1992-02-14', '0918000002');
  const admin = { authorization: `Bearer ${server.token}` };
  bank = await registerPartner(server.app, server.token, {
    ...BANK,
    scopes: ['verification', 'verification.batch'],
    contract: { ...CONTRACT, monthlyQuota: 1_000 },
  });
  const member = await server.app.inject({
    method: 'POST',
    url: `/api/v1/admin/partners/${BANK.id}/staff`,
    headers: admin,
    payload: { personalId: hoa.personalId },
  });
  expectStatus(member, 201);
  // One online check by the bank's own systems.
  const checked = await server.app.inject({
    method: 'POST',
    url: '/api/v1/verifications',
    headers: { authorization: `Bearer ${await bank.token()}` },
    payload: { purpose: 'account_opening', personalId: duc },
  });
  expectStatus(checked, 200);
});

const session = browserSession();

afterAll(async () => {
  await server?.close();
});

async function open(path: string): Promise<Page> {
  if (!server) throw new Error('the server did not start');
  return session.open(new URL(server.url).origin, path);
}

const heading = (page: Page, name: string | RegExp, level = 1) =>
  page.getByRole('heading', { level, name, exact: typeof name === 'string' });
const region = (page: Page, name: string | RegExp) => page.getByRole('region', { name });
const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
/** Intl writes a no-break space between amount and ₫. */
const lines = async (rows: ReturnType<Page['locator']>) =>
  (await rows.allInnerTexts()).map((line) =>
    line
      .replace(/\u00a0/g, ' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );

/** The console sends a browser without a session to the eID sign-in at level 2: password, then the SMS code. */
async function signInAtLevel2(page: Page, who: Registered | undefined) {
  if (!server || !who) throw new Error('not started');
  await heading(page, 'Đăng nhập bằng tài khoản định danh điện tử').waitFor();
  await textbox(page, 'Số định danh cá nhân').fill(who.personalId);
  await textbox(page, 'Mật khẩu').fill(who.password);
  await button(page, 'Đăng nhập').click();
  await heading(page, 'Nhập mã xác thực', 2).waitFor();
  await textbox(page, 'Mã xác thực').fill(await latestCode(server.app, who.phone));
  await button(page, 'Xác nhận').click();
}

describe('the partner console', () => {
  it('signs a member of the staff in at level 2, runs a batch to the end, downloads its results and shows usage', async () => {
    if (!server || !bank) throw new Error('not started');
    const page = await open('/partner');
    await signInAtLevel2(page, hoa);

    // The overview: the partner and its machine client, the month's quota, the contract.
    await heading(page, `Cổng đối tác: ${BANK.name}`).waitFor();
    expect(new URL(page.url()).pathname).toBe('/partner');
    expect(await region(page, 'Thông tin đối tác và ứng dụng máy').innerText()).toContain(bank.clientId);
    await region(page, 'Hạn mức tháng này')
      .getByText(/^Đã dùng 1 trên 1\.000 lượt tháng \d{2}\/\d{4}$/)
      .waitFor();
    const contract = await region(page, 'Hợp đồng đang có hiệu lực').innerText();
    expect(contract).toContain('Mở tài khoản; Làm sạch dữ liệu khách hàng');
    expect(contract.replace(/\u00a0/g, ' ')).toContain('600 ₫');

    // A batch of three declarations for data cleaning.
    await page
      .getByRole('navigation', { name: 'Cổng đối tác' })
      .getByRole('link', { name: 'Xác thực theo lô' })
      .click();
    await heading(page, 'Xác thực theo lô').waitFor();
    const form = page.getByRole('form', { name: 'Gửi tệp xác thực theo lô' });
    await form.getByRole('combobox', { name: 'Mục đích' }).selectOption('customer_data_cleaning');
    const csv = `personalId,fullName,birthDate\n${duc},Nguyễn Văn Đức,1990\n${duc},NGUYEN VAN DUC,1990-05-17\n${duc},Trần Văn Đức,1990\n`;
    await form
      .getByLabel('Tệp CSV')
      .setInputFiles({ name: 'khach-hang.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await form.getByRole('button', { name: 'Gửi tệp' }).click();

    const current = region(page, /^Lô \d+$/);
    await current.getByText(/^Lô \d+: Đang chờ xử lý$/).waitFor();
    const id = /\d+/.exec((await current.getByRole('heading').innerText()) ?? '')?.[0] ?? '';
    // Its rows are held against the quota as soon as the file is accepted.
    await region(page, 'Hạn mức tháng này').getByText('Đang giữ cho các lô chưa xử lý xong: 3 lượt').waitFor();

    // The runner (in the background on a real node) checks the job; the page follows it to the end.
    await server.app.services.verification.batches.runPending();
    await current.getByText(`Lô ${id}: Hoàn thành`).waitFor();
    const bar = current.getByRole('progressbar', { name: `Tiến độ xử lý lô ${id}` });
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    expect(await current.innerText()).toContain('Đã xử lý 3 trên 3 dòng');
    expect(await current.innerText()).toContain('Khớp: 2; không khớp: 1; không đọc được: 0');
    await region(page, 'Hạn mức tháng này')
      .getByText(/^Đã dùng 4 trên 1\.000 lượt/)
      .waitFor();

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      current.getByRole('link', { name: `Tải kết quả lô ${id} (CSV)` }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`batch-${id}-results.csv`);
    const results = (await readFile(await download.path(), 'utf8')).trim().split('\n');
    expect(results[0]?.startsWith('line,personalId,status,rowError,errorColumn,personalIdResult')).toBe(true);
    expect(results.slice(1).map((line) => line.split(',').slice(0, 3).join(','))).toEqual([
      `2,${duc},matched`,
      `3,${duc},matched`,
      `4,${duc},mismatched`,
    ]);

    const jobs = await lines(region(page, 'Các lô đã gửi').locator('tbody tr'));
    expect(jobs).toHaveLength(1);
    expect(jobs[0]).toMatch(new RegExp(`^${id} .* Làm sạch dữ liệu khách hàng Hoàn thành 3 2 1 0 Tải kết quả$`));

    // Usage and the invoice of the month: the online check and the batch rows, by check type.
    await page.getByRole('link', { name: 'Lượt sử dụng và hóa đơn' }).click();
    await heading(page, new RegExp(`^${BANK.name}: lượt sử dụng tháng`)).waitFor();
    const usage = region(page, 'Lượt xác thực theo ngày');
    await usage.getByText('Tổng số lượt trong tháng: 4').waitFor();
    expect(await usage.getByRole('img').locator('rect').count()).toBe(1);
    const byType = await lines(usage.getByRole('table', { name: /theo loại xác thực/ }).locator('tbody tr'));
    expect(byType).toEqual(['Nhân thân 4', 'Thẻ căn cước 0', 'Số điện thoại 0', 'Địa chỉ 0']);
    const invoice = await lines(region(page, 'Hóa đơn').locator('tbody tr'));
    expect(invoice).toEqual([
      'Mở tài khoản Trực tuyến Nhân thân 1 1.500 ₫ 1.500 ₫',
      'Làm sạch dữ liệu khách hàng Theo lô Nhân thân 3 600 ₫ 1.800 ₫',
    ]);

    // Asking who is signed in before the sign-in is a 401, which Chromium prints.
    expect(session.problems.filter((problem) => !/status of 401.*\/api\/v1\/session/.test(problem))).toEqual([]);
  });

  it('tells an account that is nobody’s staff so, and shows no partner’s data', async () => {
    const page = await open('/partner/batches');
    await signInAtLevel2(page, outsider);
    await heading(page, 'Cổng đối tác').waitFor();
    expect(new URL(page.url()).pathname).toBe('/partner/batches');
    await page.getByText('Tài khoản này không thuộc nhân viên của đối tác nào').waitFor();
    expect(await page.getByRole('main').innerText()).not.toContain(BANK.name);
    await page.getByRole('main').getByRole('button', { name: 'Đăng xuất', exact: true }).waitFor();
    const expected = [/status of 401.*\/api\/v1\/session/, /status of 403.*\/api\/v1\/partner\/contract/];
    expect(session.problems.filter((problem) => !expected.some((pattern) => pattern.test(problem)))).toEqual([]);
  });
});
