/// <reference lib="dom" />
import { createHash, randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OFFICER, testRegistry } from '../../src/registry/testing.ts';
import { type Registered, registerAccount } from '../support/identity.ts';
import { type RunningServer, startServer } from '../support/server.ts';
import { browserSession } from './chromium.ts';

let server: RunningServer | undefined;

/** The citizen who registers in the browser. */
const duc = { personalId: '', fullName: 'Nguyễn Văn Đức', birthDate: '1990-05-17', phone: '0912345678' };
const DUC_PASSWORD = 'matkhau2026';
/** A citizen registered through the API beforehand, who signs in to the web app. */
let lan: Registered | undefined;
/** The relying party: a bank's public client. */
const BANK = {
  clientId: 'ngan-hang-test',
  name: 'Ngân hàng Thử nghiệm',
  organisation: 'Ngân hàng TMCP Thử nghiệm',
  purpose: 'Mở tài khoản thanh toán trực tuyến (eKYC)',
};

beforeAll(async () => {
  server = await startServer();
  const { person, registry } = await testRegistry(server.db, new Date().toISOString());
  duc.personalId = await person({
    familyName: 'Nguyễn',
    middleName: 'Văn',
    givenName: 'Đức',
    birthDate: duc.birthDate,
  });
  await registry.registerPermanentResidence(
    duc.personalId,
    { communeId: '2025:00004', addressLine: 'Số 5 phố Điện Biên Phủ' },
    '2025-08-01',
    OFFICER,
  );
  const lanId = await person({
    familyName: 'Trần',
    middleName: 'Thị',
    givenName: 'Lan',
    sex: 'female',
    birthDate: '1985-03-08',
  });
  lan = await registerAccount(server.app, { personalId: lanId, fullName: 'Trần Thị Lan', birthDate: '1985-03-08' });
  const registered = await server.app.inject({
    method: 'POST',
    url: '/api/v1/admin/clients',
    headers: { authorization: `Bearer ${server.token}` },
    payload: {
      ...BANK,
      kind: 'public',
      redirectUris: [`${server.url}/rp/callback`],
      scopes: ['profile', 'personal_id', 'address'],
    },
  });
  expect(registered.statusCode, registered.body).toBe(201);
});

const session = browserSession();

afterAll(async () => {
  await server?.close();
});

async function open(path: string): Promise<Page> {
  if (!server) throw new Error('the server did not start');
  return session.open(new URL(server.url).origin, path);
}

/** Chromium prints a console error for every HTTP error answer, expected ones included: this matches one. */
const httpError = (status: number, path: string | RegExp) => (problem: string) =>
  problem.includes(`status of ${status}`) && (typeof path === 'string' ? problem.includes(path) : path.test(problem));
function unexpectedProblems(...expected: ((problem: string) => boolean)[]): string[] {
  return session.problems.filter((problem) => !expected.some((matches) => matches(problem)));
}

const heading = (page: Page, name: string, level = 1) => page.getByRole('heading', { level, name, exact: true });
const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const main = (page: Page) => page.getByRole('main');
/** The value cell of a row of a two-column table, by its header. */
const rowValue = (page: Page, label: string) =>
  main(page).getByRole('row', { name: label }).getByRole('cell').textContent();

async function signInOnInteractionPage(page: Page, personalId: string, password: string) {
  await heading(page, 'Đăng nhập bằng tài khoản định danh điện tử').waitFor();
  expect(new URL(page.url()).pathname).toMatch(/^\/interaction\/[\w-]+$/);
  await textbox(page, 'Số định danh cá nhân').fill(personalId);
  await textbox(page, 'Mật khẩu').fill(password);
  await button(page, 'Đăng nhập').click();
}

/** An authorization request of the bank's client, code flow with PKCE, built by hand. */
function bankAuthorizationUrl(state: string): string {
  const verifier = randomBytes(32).toString('base64url');
  const query = new URLSearchParams({
    client_id: BANK.clientId,
    response_type: 'code',
    scope: 'openid profile personal_id',
    redirect_uri: `${server?.url}/rp/callback`,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state,
  });
  return `/oidc/auth?${query}`;
}

describe('electronic identity in the browser', () => {
  it('registers at level 1 with the code from the developer inbox, then signs in to a bank and consents to what it is shown to share', async () => {
    const page = await open('/register');

    // Step 1: the details the registry matches.
    await heading(page, 'Đăng ký tài khoản định danh điện tử').waitFor();
    await textbox(page, 'Số định danh cá nhân').fill(duc.personalId);
    await textbox(page, 'Họ, chữ đệm và tên').fill(duc.fullName);
    await page.getByLabel('Ngày sinh').fill(duc.birthDate);
    await textbox(page, 'Số điện thoại di động').fill(duc.phone);
    await button(page, 'Tiếp tục').click();

    // Step 2: the code, read in the developer inbox the page links to.
    await heading(page, 'Bước 2/4: Mã xác thực', 2).waitFor();
    await page.getByText('đã được gửi tới số điện thoại 091', { exact: false }).waitFor();
    const [inbox] = await Promise.all([
      page.context().waitForEvent('page'),
      page.getByRole('link', { name: 'Mở hộp thư phát triển (thẻ mới)' }).click(),
    ]);
    await heading(inbox, 'Hộp thư phát triển').waitFor();
    await inbox.getByText('Chỉ dành cho phát triển').waitFor();
    const message = inbox.getByRole('row').filter({ hasText: duc.phone }).first();
    const code = /\b(\d{6})\b/.exec((await message.textContent()) ?? '')?.[1];
    expect(code).toMatch(/^\d{6}$/);
    await inbox.close();
    await textbox(page, 'Mã xác thực').fill(code ?? '');
    await button(page, 'Tiếp tục').click();

    // Step 3: the password; then the account exists.
    await heading(page, 'Bước 3/4: Mật khẩu', 2).waitFor();
    await textbox(page, 'Mật khẩu').fill(DUC_PASSWORD);
    await textbox(page, 'Nhập lại mật khẩu').fill(DUC_PASSWORD);
    await button(page, 'Tạo tài khoản').click();
    await page.getByText('Tài khoản định danh điện tử mức 1 của bạn đã được tạo.', { exact: false }).waitFor();
    await main(page).getByRole('link', { name: 'Đăng nhập', exact: true }).waitFor();

    // The bank sends the citizen to the provider, which shows the web app's sign-in page.
    const state = randomBytes(12).toString('base64url');
    await page.goto(new URL(bankAuthorizationUrl(state), server?.url).href);
    await page.getByText('Để tiếp tục với Ngân hàng Thử nghiệm (Ngân hàng TMCP Thử nghiệm).').waitFor();
    await signInOnInteractionPage(page, duc.personalId, 'saimatkhau1');
    await page.getByText('Số định danh cá nhân hoặc mật khẩu không đúng.').waitFor();
    await textbox(page, 'Mật khẩu').fill(DUC_PASSWORD);
    await button(page, 'Đăng nhập').click();

    // The consent screen: with whom, why, and exactly what.
    await heading(page, 'Cho phép chia sẻ thông tin').waitFor();
    expect(await rowValue(page, 'Ứng dụng')).toBe(BANK.name);
    expect(await rowValue(page, 'Tổ chức')).toBe(BANK.organisation);
    expect(await rowValue(page, 'Mục đích sử dụng')).toBe(BANK.purpose);
    const shared = page.getByRole('region', { name: 'Thông tin được chia sẻ' }).getByRole('listitem');
    expect(await shared.allTextContents()).toEqual([
      'Họ, chữ đệm và tên; ngày sinh; giới tính; mức tài khoản',
      'Số định danh cá nhân',
    ]);

    await button(page, 'Đồng ý chia sẻ').click();
    await page.waitForURL((url) => url.pathname === '/rp/callback');
    const callback = new URL(page.url());
    expect(callback.origin).toBe(server?.url);
    expect(callback.searchParams.get('code')).toBeTruthy();
    expect(callback.searchParams.get('state')).toBe(state);
    expect(callback.searchParams.get('error')).toBeNull();
    expect(unexpectedProblems(httpError(401, /\/interaction\/[\w-]+\/password/))).toEqual([]);
  });

  it('lists the bank under connected applications after single sign-on to the web app, and withdraws the consent', async () => {
    const page = await open(bankAuthorizationUrl('again'));
    // Consent given once is not asked again.
    await signInOnInteractionPage(page, duc.personalId, DUC_PASSWORD);
    await page.waitForURL((url) => url.pathname === '/rp/callback');

    // The account page asks for a session, finds none, and signs in through the provider's live session.
    await page.goto(new URL('/account', server?.url).href);
    await heading(page, 'Tài khoản định danh điện tử').waitFor();
    await page.getByRole('heading', { name: 'Thông tin tài khoản' }).waitFor();
    expect(await rowValue(page, 'Họ và tên')).toBe(duc.fullName);

    const bank = page.getByRole('article', { name: BANK.name });
    await bank.getByText(`Mục đích: ${BANK.purpose}`).waitFor();
    expect(await bank.getByRole('listitem').allTextContents()).toEqual([
      'Họ, chữ đệm và tên; ngày sinh; giới tính; mức tài khoản',
      'Số định danh cá nhân',
    ]);
    await page.getByRole('button', { name: `Rút lại sự đồng ý với ${BANK.name}` }).click();
    await page.getByText(`Đã rút lại sự đồng ý với ${BANK.name}.`).waitFor();
    await page.getByText('Bạn chưa cho phép ứng dụng nào.').waitFor();
    expect(await bank.count()).toBe(0);
    expect(unexpectedProblems(httpError(401, '/api/v1/session'))).toEqual([]);
  });

  it('signs in to the web app through /auth/login, shows the account with the name, and signs out', async () => {
    const page = await open('/sign-in');
    await heading(page, 'Đăng nhập').waitFor();
    await main(page).getByRole('link', { name: 'Đăng nhập', exact: true }).click();

    // The web app itself: no "continue to" line and no consent screen.
    await signInOnInteractionPage(page, lan?.personalId ?? '', lan?.password ?? '');
    await heading(page, 'Tài khoản định danh điện tử').waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    expect(await rowValue(page, 'Họ và tên')).toBe('Trần Thị Lan');
    expect(await rowValue(page, 'Số định danh cá nhân')).toBe(lan?.personalId);
    expect(await rowValue(page, 'Mức tài khoản')).toBe('Mức 1');
    expect(await rowValue(page, 'Trạng thái')).toBe('Đang hoạt động');
    await page.getByRole('banner').getByRole('link', { name: 'Tài khoản', exact: true }).waitFor();

    // Signing out ends the provider's session too (it asks to confirm, then comes back home).
    await main(page).getByRole('button', { name: 'Đăng xuất', exact: true }).click();
    await page.getByRole('button', { name: 'Đăng xuất / Sign out' }).click();
    await heading(page, 'Chào mừng đến với dancu').waitFor();
    await page.getByRole('banner').getByRole('link', { name: 'Đăng nhập', exact: true }).waitFor();
    await page.goto(new URL('/account', server?.url).href);
    await heading(page, 'Đăng nhập bằng tài khoản định danh điện tử').waitFor();
    expect(unexpectedProblems(httpError(401, '/api/v1/session'))).toEqual([]);
  });

  it('explains a failed sign-in that the server reports with ?error=', async () => {
    const page = await open('/sign-in?error=unmet_authentication_requirements');

    await page.getByText('Chức năng này cần tài khoản định danh điện tử mức 2.', { exact: false }).waitFor();
    await page.goto(new URL('/sign-in?error=something_new', server?.url).href);
    await page.getByText('Không đăng nhập được (mã lỗi: something_new). Vui lòng thử lại.').waitFor();
    expect(unexpectedProblems()).toEqual([]);
  });

  it('checks the activation form, then shows why the server refuses an activation', async () => {
    const page = await open('/officer/activation');
    await heading(page, 'Đăng nhập cán bộ').waitFor();
    await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).waitFor();
    await textbox(page, 'Mã truy cập').fill(server?.token ?? '');
    await button(page, 'Đăng nhập').click();

    await heading(page, 'Kích hoạt tài khoản định danh điện tử mức 2').waitFor();
    await button(page, 'Kích hoạt mức 2').click();
    await page.getByText('Số định danh cá nhân gồm đúng 12 chữ số.').waitFor();
    await page.getByText('Xác nhận cần từ 10 đến 500 ký tự.').waitFor();

    await textbox(page, 'Số định danh cá nhân').fill(duc.personalId);
    await textbox(page, 'Số thẻ căn cước đã kiểm tra').fill(duc.personalId);
    await page.getByRole('checkbox', { name: 'Khuôn mặt khớp với ảnh trên thẻ' }).check();
    await page.getByRole('checkbox', { name: 'Vân tay khớp với dữ liệu trên thẻ' }).check();
    await textbox(page, 'Xác nhận của cán bộ').fill('Đã kiểm tra thẻ và sinh trắc học tại trụ sở.');
    await button(page, 'Kích hoạt mức 2').click();
    // The bootstrap token may attest (first setup), but this person holds no card with that number.
    await page.getByText('Số thẻ không phải là thẻ căn cước còn hiệu lực của công dân này.').waitFor();
    expect(unexpectedProblems(httpError(422, '/api/v1/officer/level2-activations'))).toEqual([]);
  });
});
