/// <reference lib="dom" />
import { exportJWK, generateKeyPair } from 'jose';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testRegistry } from '../../src/registry/testing.ts';
import { type Registered, registerAccount } from '../support/identity.ts';
import { type RunningServer, startServer } from '../support/server.ts';
import { registerPartner, type TestPartner } from '../support/verification.ts';
import { browserSession } from './chromium.ts';

let server: RunningServer | undefined;

/** The bank's machine client, registered through the API before the browser starts; no partner yet. */
let client: TestPartner | undefined;
/** The person the bank checks. */
let duc = '';
/** A bank employee with an eID account, made a member of the bank's staff. */
let lan: Registered | undefined;
const BANK = { id: 'ngan-hang-thu', name: 'Ngân hàng TMCP Thử nghiệm' };

beforeAll(async () => {
  server = await startServer();
  const people = await testRegistry(server.db);
  duc = await people.person({ familyName: 'Nguyễn', middleName: 'Văn', givenName: 'Đức', birthDate: '1990-05-17' });
  const lanId = await people.person({
    familyName: 'Trần',
    middleName: 'Thị',
    givenName: 'Lan',
    sex: 'female',
    birthDate: '1985-03-08',
  });
  lan = await registerAccount(server.app, { personalId: lanId, fullName: 'Trần Thị Lan', birthDate: '1985-03-08' });
  client = await registerPartner(server.app, server.token, { ...BANK, partner: false });
});

const session = browserSession();

afterAll(async () => {
  await server?.close();
});

async function open(path: string): Promise<Page> {
  if (!server) throw new Error('the server did not start');
  return session.open(new URL(server.url).origin, path);
}

/** Opens an administration page: the guard sends to the staff sign-in, which comes back after the token. */
async function openSignedIn(path: string): Promise<Page> {
  const page = await open(path);
  await heading(page, 'Đăng nhập cán bộ').waitFor();
  await page.getByText('Vui lòng đăng nhập bằng tài khoản quản trị viên', { exact: false }).waitFor();
  await page.getByRole('textbox', { name: 'Mã truy cập', exact: true }).fill(server?.token ?? '');
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  return page;
}

const heading = (page: Page, name: string, level = 1) => page.getByRole('heading', { level, name, exact: true });
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const form = (page: Page, name: string) => page.getByRole('form', { name, exact: true });
/** Intl writes a no-break space between amount and ₫. */
const text = async (locator: ReturnType<Page['locator']>) => (await locator.innerText()).replace(/\u00a0/g, ' ');

/** Checks made through the API with the bank's own access token. */
async function check(body: Record<string, unknown>) {
  if (!server || !client) throw new Error('not started');
  const token = await client.token();
  return server.app.inject({
    method: 'POST',
    url: '/api/v1/verifications',
    headers: { authorization: `Bearer ${token}` },
    payload: { purpose: 'account_opening', personalId: duc, ...body },
  });
}

describe('administration of verification partners', () => {
  it('registers a partner for a machine client, adds a contract, suspends and reactivates it with reasons', async () => {
    if (!client) throw new Error('not started');
    const page = await openSignedIn('/admin');

    await heading(page, 'Đối tác xác thực').waitFor();
    expect(new URL(page.url()).pathname).toBe('/admin/partners');
    await page.getByText('Chưa có đối tác nào.').waitFor();
    await page.getByRole('link', { name: 'Đăng ký đối tác mới' }).click();

    await heading(page, 'Đăng ký đối tác').waitFor();
    const partnerForm = form(page, 'Thông tin đối tác');
    await partnerForm.getByRole('textbox', { name: 'Mã đối tác' }).fill(BANK.id);
    await partnerForm.getByRole('textbox', { name: 'Tên đối tác' }).fill(BANK.name);
    await partnerForm.getByRole('combobox', { name: 'Loại tổ chức' }).selectOption('bank');
    await partnerForm.getByRole('combobox', { name: 'Ứng dụng máy' }).selectOption(client.clientId);
    await partnerForm.getByRole('button', { name: 'Đăng ký đối tác' }).click();

    await heading(page, BANK.name).waitFor();
    expect(new URL(page.url()).pathname).toBe(`/admin/partners/${BANK.id}`);
    const details = region(page, 'Thông tin đối tác');
    expect(await details.innerText()).toContain(client.clientId);
    await region(page, 'Hợp đồng').getByText('Đối tác chưa có hợp đồng', { exact: false }).waitFor();

    const contractForm = form(page, 'Hợp đồng mới');
    await contractForm.getByRole('checkbox', { name: 'Mở tài khoản' }).check();
    await contractForm.getByRole('checkbox', { name: 'Xác thực giao dịch' }).check();
    await contractForm.getByRole('checkbox', { name: 'Số điện thoại' }).check();
    await contractForm.getByRole('textbox', { name: 'Giá mỗi lượt trực tuyến (đồng)' }).fill('1.500');
    await contractForm.getByRole('textbox', { name: 'Giá mỗi bản ghi theo lô (đồng)' }).fill('800');
    await contractForm.getByRole('textbox', { name: 'Hạn mức lượt mỗi tháng' }).fill('100000');
    await contractForm.getByRole('textbox', { name: 'Lượt mỗi giây' }).fill('50');
    await contractForm.getByRole('button', { name: 'Thêm hợp đồng' }).click();

    const contractRow = region(page, 'Hợp đồng').locator('tbody tr');
    await contractRow.getByText('Đang có hiệu lực').waitFor();
    const row = await text(contractRow);
    expect(row).toContain('Mở tài khoản; Xác thực giao dịch');
    expect(row).toContain('Nhân thân, Số điện thoại');
    expect(row).toContain('1.500 ₫');
    expect(row).toContain('800 ₫');
    expect(row).toContain('100.000');

    const status = region(page, 'Trạng thái hoạt động');
    await status.getByRole('button', { name: 'Tạm ngừng', exact: true }).click();
    await status.getByText('Hãy nhập lý do từ 3 đến 500 ký tự.').waitFor();
    await status.getByRole('textbox', { name: 'Lý do' }).fill('Vi phạm điều khoản bảo mật');
    await status.getByRole('button', { name: 'Tạm ngừng', exact: true }).click();
    await status.getByRole('button', { name: 'Kích hoạt lại', exact: true }).waitFor();

    const refused = await check({});
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'PARTNER_SUSPENDED' });

    await status.getByRole('textbox', { name: 'Lý do' }).fill('Đã khắc phục vi phạm');
    await status.getByRole('button', { name: 'Kích hoạt lại', exact: true }).click();
    await status.getByRole('button', { name: 'Tạm ngừng', exact: true }).waitFor();

    const history = region(page, 'Lịch sử thay đổi').locator('tbody tr');
    await history.nth(3).waitFor();
    const rows = (await history.allInnerTexts()).map((line) => line.replace(/\s+/g, ' '));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toContain(`Đăng ký Ứng dụng máy ${client.clientId}`);
    expect(rows[1]).toContain('Thêm hợp đồng');
    expect(rows[2]).toContain('Tạm ngừng Lý do: Vi phạm điều khoản bảo mật');
    expect(rows[3]).toContain('Kích hoạt lại Lý do: Đã khắc phục vi phạm');

    await page.getByRole('link', { name: 'Về danh sách đối tác' }).last().click();
    // The list's own heading first: until then the rows found could still be the partner page's.
    await heading(page, 'Đối tác xác thực').waitFor();
    const listed = page.getByRole('table').locator('tbody tr');
    await listed.first().waitFor();
    expect(await listed.count()).toBe(1);
    expect(await listed.locator('th, td').allTextContents()).toEqual([
      BANK.name,
      'Ngân hàng',
      'Đang hoạt động',
      client.clientId,
    ]);
    expect(session.problems).toEqual([]);
  });

  it("shows a month's checks by day and its invoice in đồng", async () => {
    for (const body of [{ fullName: 'Nguyễn Văn Đức' }, { fullName: 'NGUYEN VAN DUC' }, { phone: '0900000000' }]) {
      expect((await check(body)).statusCode).toBe(200);
    }
    expect((await check({ purpose: 'transaction_authentication' })).statusCode).toBe(200);

    const page = await openSignedIn(`/admin/partners/${BANK.id}`);
    await heading(page, BANK.name).waitFor();
    await page.getByRole('link', { name: 'Lượt sử dụng và hóa đơn' }).click();

    const usage = region(page, 'Lượt xác thực theo ngày');
    await usage.getByText('Tổng số lượt trong tháng: 4').waitFor();
    const chart = usage.getByRole('img');
    expect(await chart.getAttribute('aria-label')).toContain('tổng 4 lượt');
    expect(await chart.locator('rect').count()).toBe(1);
    const byDay = usage.getByRole('table', { name: 'Số lượt xác thực theo ngày và mục đích' });
    const usageRows = (await byDay.locator('tbody tr').allInnerTexts()).map((line) => line.replace(/\s+/g, ' '));
    expect(usageRows).toHaveLength(1);
    expect(usageRows[0]).toMatch(/^\d{2}\/\d{2}\/\d{4} 3 1 4$/);
    expect((await byDay.locator('thead').innerText()).replace(/\s+/g, ' ')).toContain(
      'Mở tài khoản Xác thực giao dịch Cộng ngày',
    );

    const invoice = region(page, 'Hóa đơn');
    const lines = (await invoice.locator('tbody tr').allInnerTexts()).map((line) =>
      line.replace(/\u00a0/g, ' ').replace(/\s+/g, ' '),
    );
    expect(lines).toEqual([
      'Mở tài khoản Trực tuyến Nhân thân 2 1.500 ₫ 3.000 ₫',
      'Mở tài khoản Trực tuyến Số điện thoại 1 1.500 ₫ 1.500 ₫',
      'Xác thực giao dịch Trực tuyến Nhân thân 1 1.500 ₫ 1.500 ₫',
    ]);
    const byType = (
      await usage
        .getByRole('table', { name: /theo loại xác thực/ })
        .locator('tbody tr')
        .allInnerTexts()
    ).map((line) => line.replace(/\s+/g, ' '));
    expect(byType).toEqual(['Nhân thân 3', 'Thẻ căn cước 0', 'Số điện thoại 1', 'Địa chỉ 0']);
    expect(await text(invoice.locator('tfoot'))).toMatch(/Tổng cộng\s+6\.000 ₫/);

    await page.getByRole('link', { name: /^← Tháng/ }).click();
    await region(page, 'Lượt xác thực theo ngày').getByText('Tổng số lượt trong tháng: 0').waitFor();
    await region(page, 'Hóa đơn').getByText('Tháng này chưa phát sinh lượt tính phí.').waitFor();
    expect(session.problems).toEqual([]);
  });

  it('adds a member of the partner’s staff by personal ID number, refuses a person without an account, and ends the membership', async () => {
    const page = await openSignedIn(`/admin/partners/${BANK.id}`);
    const staff = region(page, 'Nhân viên đối tác');
    await staff.getByText('Đối tác chưa có nhân viên nào dùng cổng đối tác.').waitFor();
    const addForm = form(page, 'Thêm nhân viên đối tác');
    const personalId = addForm.getByRole('textbox', { name: 'Số định danh cá nhân' });
    await personalId.fill(duc);
    await addForm.getByRole('button', { name: 'Thêm nhân viên' }).click();
    await addForm.getByText('Người này chưa có tài khoản định danh điện tử.').waitFor();

    await personalId.fill(lan?.personalId ?? '');
    await addForm.getByRole('button', { name: 'Thêm nhân viên' }).click();
    const members = staff.getByRole('table').locator('tbody tr');
    await members.first().waitFor();
    expect((await members.allInnerTexts()).map((line) => line.replace(/\s+/g, ' '))).toEqual([
      expect.stringMatching(new RegExp(`^${lan?.personalId} .* bootstrap-admin Thôi$`)),
    ]);
    const history = region(page, 'Lịch sử thay đổi').locator('tbody tr');
    await history.getByText('Thêm nhân viên', { exact: true }).waitFor();

    await staff.getByRole('button', { name: `Thôi nhân viên ${lan?.personalId}` }).click();
    await staff.getByText('Đối tác chưa có nhân viên nào dùng cổng đối tác.').waitFor();
    await history.getByText('Thôi nhân viên', { exact: true }).waitFor();
    // The refused person without an account is a 404, which Chromium prints.
    expect(session.problems.filter((problem) => !/status of 404.*\/staff/.test(problem))).toEqual([]);
  });

  it('registers a machine client from a pasted public key, and refuses a private key', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const page = await openSignedIn('/admin/new-partner');
    const clientForm = form(page, 'Ứng dụng máy mới');
    await clientForm.getByRole('textbox', { name: 'Mã ứng dụng' }).fill('nha-mang-b-ekyc');
    await clientForm.getByRole('textbox', { name: 'Tên ứng dụng' }).fill('Nhà mạng B eKYC');
    await clientForm.getByRole('textbox', { name: 'Tổ chức' }).fill('Tổng công ty Viễn thông B');
    await clientForm.getByRole('textbox', { name: 'Mục đích sử dụng' }).fill('Xác thực thuê bao di động');
    const key = clientForm.getByRole('textbox', { name: 'Khóa công khai (JWK, dạng JSON)' });

    await key.fill(JSON.stringify(await exportJWK(privateKey)));
    await clientForm.getByRole('button', { name: 'Đăng ký ứng dụng máy' }).click();
    await clientForm.getByText('Đây là khóa riêng: chỉ dán khóa công khai.', { exact: false }).waitFor();

    await key.fill(JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'b-1', alg: 'ES256' }] }));
    await clientForm.getByRole('button', { name: 'Đăng ký ứng dụng máy' }).click();
    await page.getByText('Đã đăng ký ứng dụng máy nha-mang-b-ekyc', { exact: false }).waitFor();
    const chosen = form(page, 'Thông tin đối tác').getByRole('combobox', { name: 'Ứng dụng máy' });
    await expect.poll(() => chosen.inputValue()).toBe('nha-mang-b-ekyc');

    if (!server) throw new Error('not started');
    const registered = await server.app.inject({
      method: 'GET',
      url: '/api/v1/admin/clients',
      headers: { authorization: `Bearer ${server.token}` },
    });
    const items = (registered.json() as { items: { clientId: string; kind: string; scopes: string[] }[] }).items;
    expect(items.find((item) => item.clientId === 'nha-mang-b-ekyc')).toMatchObject({
      kind: 'machine',
      scopes: ['verification'],
    });
    expect(session.problems).toEqual([]);
  });
});
