/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OFFICER, testRegistry } from '../../src/registry/testing.ts';
import { type RunningServer, startServer } from '../support/server.ts';
import { launchChromium, openWatched } from './chromium.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
let context: BrowserContext | undefined;
/** What went wrong on the current test's page: console errors, uncaught errors, requests to other hosts. */
let problems: string[] = [];

/** The people the tests look at, registered before the browser starts. */
const people = { father: '', duc: '', unread: '' };
/** Phường 12, Quận Gò Vấp before the 2025 reform; part of Phường An Hội Tây since. */
const GO_VAP_12 = 'pre2025:26881';
const AN_HOI_TAY = '2025:26882';
/** More namesakes than one page of results holds (20). */
const NAMESAKES = 23;

beforeAll(async () => {
  server = await startServer();
  const t = await testRegistry(server.db);
  people.father = await t.person({
    familyName: 'Nguyễn',
    middleName: 'Văn',
    givenName: 'Bình',
    birthDate: '1960-01-01',
  });
  people.duc = await t.person({
    familyName: 'Nguyễn',
    middleName: 'Văn',
    givenName: 'Đức',
    birthDate: '1988-08-08',
    fatherId: people.father,
  });
  await t.registry.registerPermanentResidence(
    people.duc,
    { communeId: GO_VAP_12, addressLine: '12 Quang Trung' },
    '2023-05-10',
    OFFICER,
  );
  const household = await t.registry.createHousehold(
    {
      fileNumber: 'HS-GV-0001',
      headPersonalId: people.father,
      communeId: AN_HOI_TAY,
      addressLine: '5 Lê Lợi',
      establishedOn: '2025-08-01',
    },
    OFFICER,
  );
  await t.registry.addMember(household, people.duc, 'child', '2025-09-01', OFFICER);
  people.unread = await t.person({ familyName: 'Lê', middleName: 'Văn', givenName: 'Cường', birthDate: '1975-05-05' });
  for (let n = 0; n < NAMESAKES; n++) {
    await t.person({
      familyName: 'Trần',
      middleName: 'Thị',
      givenName: 'Mai',
      sex: 'female',
      birthDate: `1990-01-${String(n + 1).padStart(2, '0')}`,
    });
  }
  browser = await launchChromium();
});

afterEach(async () => {
  await context?.close();
  context = undefined;
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens `path` in a fresh browser context; its problems replace those of the previous page. */
async function open(path: string, beforeLoad?: (page: Page) => Promise<unknown>): Promise<Page> {
  if (!server || !browser) throw new Error('the server or the browser did not start');
  const watched = await openWatched(browser, new URL(server.url).origin, path, beforeLoad);
  context = watched.context;
  problems = watched.problems;
  return watched.page;
}

/** Chromium prints a console error for every HTTP error answer, expected ones included: this matches one. */
const httpError = (status: number, path: string) => (problem: string) =>
  problem.includes(`status of ${status}`) && problem.includes(path);
/** The problems of the page, less the error answers the test expects. */
function unexpectedProblems(...expected: ((problem: string) => boolean)[]): string[] {
  return problems.filter((problem) => !expected.some((matches) => matches(problem)));
}

const heading = (page: Page, name: string, level = 1) => page.getByRole('heading', { level, name, exact: true });
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const storedToken = (page: Page) => page.evaluate(() => window.sessionStorage.getItem('dancu.officer.token'));

/** Signs in through the form at `path` (the sign-in page, or a page that sends there). */
async function signIn(page: Page, token = server?.token ?? '') {
  await heading(page, 'Đăng nhập cán bộ').waitFor();
  await page.getByRole('textbox', { name: 'Mã truy cập', exact: true }).fill(token);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

async function openSignedIn(path: string, beforeLoad?: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await open(path, beforeLoad);
  await signIn(page);
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  return page;
}

async function search(page: Page, name: string) {
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click();
}

const resultRows = (page: Page) => region(page, 'Kết quả tìm kiếm').locator('tbody tr');

describe('officer sign-in', () => {
  it('sends an officer page to sign-in, and refuses a wrong token with the 401 message', async () => {
    const page = await open('/officer');

    await heading(page, 'Đăng nhập cán bộ').waitFor();
    expect(new URL(page.url()).pathname).toBe('/officer/sign-in');
    await page.getByText('Vui lòng đăng nhập để sử dụng bàn làm việc cán bộ.').waitFor();
    await page.getByText('npm start', { exact: true }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Mã truy cập', exact: true }).getAttribute('type')).toBe('password');

    await signIn(page, 'dancu_bt_not-the-token');
    await page.getByText('Máy chủ không chấp nhận mã truy cập này', { exact: false }).waitFor();
    expect(await page.getByRole('textbox', { name: 'Mã truy cập', exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    expect(new URL(page.url()).pathname).toBe('/officer/sign-in');
    expect(await storedToken(page)).toBeNull();
    expect(await page.getByRole('button', { name: 'Đăng xuất' }).count()).toBe(0);
    expect(unexpectedProblems(httpError(401, '/api/v1/session'))).toEqual([]);
  });

  it('keeps the right token in sessionStorage only, returns to the page asked for, and signs out', async () => {
    const page = await open(`/officer/people/${people.duc}`);
    await signIn(page);

    await heading(page, 'Nguyễn Văn Đức').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/officer/people/${people.duc}`);
    expect(await storedToken(page)).toBe(server?.token);
    expect(await page.evaluate(() => JSON.stringify(window.localStorage))).not.toContain('dancu_bt_');

    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await heading(page, 'Đăng nhập cán bộ').waitFor();
    await page.getByText('Bạn đã đăng xuất.').waitFor();
    expect(await storedToken(page)).toBeNull();
    await page.goto(new URL('/officer', page.url()).href);
    await heading(page, 'Đăng nhập cán bộ').waitFor();
    expect(unexpectedProblems()).toEqual([]);
  });

  it('clears the token and says why when the API answers 401 later', async () => {
    const page = await openSignedIn('/officer/sign-in');
    await heading(page, 'Tra cứu dân cư').waitFor();
    // The token is revoked behind the officer's back: the next call is refused.
    await page.route('**/api/v1/registry/**', (route) =>
      route.fulfill({
        status: 401,
        contentType: 'application/problem+json',
        body: JSON.stringify({ code: 'UNAUTHENTICATED', title: 'Chưa xác thực', status: 401, detail: 'revoked' }),
      }),
    );

    await search(page, 'nguyen van duc');
    await heading(page, 'Đăng nhập cán bộ').waitFor();
    await page.getByText('Phiên làm việc đã kết thúc', { exact: false }).waitFor();
    expect(await storedToken(page)).toBeNull();
    expect(await page.getByRole('button', { name: 'Đăng xuất' }).count()).toBe(0);

    // Signing in again returns to the search that was refused.
    await page.unroute('**/api/v1/registry/**');
    await signIn(page);
    await resultRows(page).getByRole('link', { name: 'Nguyễn Văn Đức' }).waitFor();
    expect(new URL(page.url()).searchParams.get('name')).toBe('nguyen van duc');
    expect(unexpectedProblems(httpError(401, '/api/v1/registry/people?name=nguyen'))).toEqual([]);
  });
});

describe('officer search', () => {
  it('finds Nguyễn Văn Đức from a name typed without diacritics', async () => {
    const page = await openSignedIn('/officer');
    await heading(page, 'Tra cứu dân cư').waitFor();

    await search(page, 'nguyen van duc');
    const row = resultRows(page).filter({ hasText: people.duc });
    await row.getByRole('link', { name: 'Nguyễn Văn Đức' }).waitFor();
    expect(await resultRows(page).count()).toBe(1);
    const cells = await row.locator('td, th').allTextContents();
    expect(cells).toEqual([people.duc, 'Nguyễn Văn Đức', '08/08/1988', 'Nam', 'Còn sống', expect.any(String)]);
    // The commune as recorded, and the 2025 commune it is part of today.
    await row.getByText('Phường 12, Thành phố Hồ Chí Minh', { exact: false }).waitFor();
    await row.getByText('nay: Phường An Hội Tây').waitFor();
    const url = new URL(page.url());
    expect(url.pathname).toBe('/officer');
    expect(url.searchParams.get('name')).toBe('nguyen van duc');
    expect(unexpectedProblems()).toEqual([]);
  });

  it('explains a search that is too broad, and an empty result', async () => {
    const page = await openSignedIn('/officer');

    await search(page, 'ng');
    await page.getByText('Điều kiện tìm kiếm quá rộng: hãy nhập ít nhất 3 chữ cái của họ tên.').waitFor();
    await search(page, 'khong co ai ten nay');
    await page.getByText('Không tìm thấy ai khớp với điều kiện tìm kiếm', { exact: false }).waitFor();
    expect(await resultRows(page).count()).toBe(0);
    expect(unexpectedProblems(httpError(400, '/api/v1/registry/people?name=ng&'))).toEqual([]);
  });

  it('narrows by a commune picked by name, which also finds records kept under the unit it replaced', async () => {
    const page = await openSignedIn('/officer');
    const commune = page.getByRole('combobox', { name: 'Xã, phường thường trú' });

    await commune.fill('an hoi tay');
    await page.getByRole('option', { name: 'Phường An Hội Tây, Thành phố Hồ Chí Minh' }).click();
    await search(page, 'nguyen');
    await resultRows(page).getByRole('link', { name: 'Nguyễn Văn Đức' }).waitFor();
    // The father has no permanent residence there: the commune filtered him out.
    expect(await resultRows(page).count()).toBe(1);
    expect(new URL(page.url()).searchParams.get('communeId')).toBe(AN_HOI_TAY);

    // A deep link restores the picker's choice by name.
    await page.reload();
    await resultRows(page).getByRole('link', { name: 'Nguyễn Văn Đức' }).waitFor();
    await expect.poll(() => commune.inputValue()).toBe('Phường An Hội Tây, Thành phố Hồ Chí Minh');
    expect(unexpectedProblems()).toEqual([]);
  });

  it('pages through results with "Trang sau", and back and forward replay the pages', async () => {
    const page = await openSignedIn('/officer');

    await search(page, 'tran thi mai');
    await page.getByText('Có 20 người trên trang này.').waitFor();
    expect(await resultRows(page).count()).toBe(20);
    const firstOnPage1 = await resultRows(page).first().locator('td').first().textContent();

    await page.getByRole('link', { name: 'Trang sau' }).click();
    await page.getByText(`Có ${NAMESAKES - 20} người trên trang này.`).waitFor();
    expect(new URL(page.url()).searchParams.get('after')).toBeTruthy();
    expect(await page.getByRole('link', { name: 'Trang sau' }).count()).toBe(0);
    // Focus moves to the results heading, so that the new page is read from its start.
    expect(await page.locator('#results-title:focus').count()).toBe(1);

    await page.goBack();
    await page.getByText('Có 20 người trên trang này.').waitFor();
    expect(await resultRows(page).first().locator('td').first().textContent()).toBe(firstOnPage1);
    expect(await page.getByLabel('Họ và tên').inputValue()).toBe('tran thi mai');
    await page.goForward();
    await page.getByText(`Có ${NAMESAKES - 20} người trên trang này.`).waitFor();
    expect(unexpectedProblems()).toEqual([]);
  });
});

describe('the person page', () => {
  it('shows identity, family, household, residence then and today, and who accessed the data', async () => {
    const page = await openSignedIn('/officer');
    await search(page, 'nguyen van duc');
    await resultRows(page).getByRole('link', { name: 'Nguyễn Văn Đức' }).click();

    await heading(page, 'Nguyễn Văn Đức').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/officer/people/${people.duc}`);
    expect(await page.locator('main:focus').count()).toBe(1);
    expect(await page.locator('h1').count()).toBe(1);

    const identity = region(page, 'Nhân thân');
    const identityRow = (label: string) => identity.getByRole('row', { name: label, exact: false });
    expect(await identityRow('Ngày sinh').locator('td').textContent()).toBe('08/08/1988');
    expect(await identityRow('Dân tộc').locator('td').textContent()).toBe('Kinh');
    expect(await identityRow('Quốc tịch').locator('td').textContent()).toBe('Việt Nam');
    expect(await identityRow('Số định danh cá nhân').locator('td').textContent()).toBe(people.duc);

    const family = region(page, 'Quan hệ gia đình');
    await family.getByRole('row', { name: /Cha/ }).getByRole('link', { name: 'Nguyễn Văn Bình' }).waitFor();

    const household = region(page, 'Hộ gia đình');
    await household.getByText('HS-GV-0001').waitFor();
    await household
      .getByRole('row', { name: /Chủ hộ/ })
      .getByRole('link', { name: 'Nguyễn Văn Bình' })
      .first()
      .waitFor();
    await household
      .getByRole('row', { name: /Nguyễn Văn Đức/ })
      .getByText('Con', { exact: true })
      .waitFor();

    const residence = region(page, 'Quá trình cư trú');
    const home = residence.getByRole('row', { name: /Thường trú/ });
    await home.getByText('10/05/2023 – nay').waitFor();
    await home.getByText('12 Quang Trung, Phường 12, Quận Gò Vấp, Thành phố Hồ Chí Minh').waitFor();
    await home.getByText('nay: Phường An Hội Tây').waitFor();

    const events = region(page, 'Sự kiện hộ tịch và cư trú');
    await events
      .getByRole('row', { name: /Đăng ký thường trú/ })
      .getByText('10/05/2023')
      .waitFor();

    const accessLog = region(page, 'Ai đã xem dữ liệu');
    const reads = accessLog.locator('tbody tr');
    await reads.filter({ hasText: 'Xem hồ sơ' }).first().waitFor();
    await reads.filter({ hasText: 'Có trong kết quả tra cứu' }).first().waitFor();
    await reads.filter({ hasText: 'Quản trị khởi tạo (quản trị viên)' }).first().waitFor();
    await reads.filter({ hasText: 'Quản lý dân cư' }).first().waitFor();
    expect(unexpectedProblems()).toEqual([]);
  });

  it('follows the father link to his page, where the son links back', async () => {
    const page = await openSignedIn(`/officer/people/${people.duc}`);
    await heading(page, 'Nguyễn Văn Đức').waitFor();

    await region(page, 'Quan hệ gia đình').getByRole('link', { name: 'Nguyễn Văn Bình' }).click();
    await heading(page, 'Nguyễn Văn Bình').waitFor();
    expect(new URL(page.url()).pathname).toBe(`/officer/people/${people.father}`);
    expect(await page.locator('main:focus').count()).toBe(1);
    const family = region(page, 'Quan hệ gia đình');
    await family.getByRole('row', { name: /Con/ }).getByRole('link', { name: 'Nguyễn Văn Đức' }).waitFor();
    expect(unexpectedProblems()).toEqual([]);
  });

  it('lists each read of the officer in the access history, older entries a page at a time', async () => {
    const page = await openSignedIn(`/officer/people/${people.unread}`);
    const reads = region(page, 'Ai đã xem dữ liệu').locator('tbody tr');
    const more = page.getByRole('button', { name: 'Xem các lần trước đó' });

    // Nobody had read this person: the history holds exactly this view.
    await reads.first().waitFor();
    expect(await reads.count()).toBe(1);
    expect(await reads.first().locator('td').allTextContents()).toEqual([
      'Quản trị khởi tạo (quản trị viên)',
      'Xem hồ sơ',
      'Quản lý dân cư',
      'Giao diện lập trình (API)',
    ]);
    await page.reload();
    await reads.nth(1).waitFor();
    expect(await reads.count()).toBe(2);

    // Eleven views in all: ten to a page, the eleventh behind the button.
    for (let n = 3; n <= 11; n++) {
      await page.reload();
      await page
        .getByText(n <= 10 ? `${n} lần truy cập gần nhất` : '10 lần truy cập gần nhất', { exact: false })
        .waitFor();
    }
    expect(await reads.count()).toBe(10);
    await more.click();
    await reads.nth(10).waitFor();
    expect(await reads.count()).toBe(11);
    await more.waitFor({ state: 'detached' });
    expect(unexpectedProblems()).toEqual([]);
  });

  it('switches the section headings and dates to English', async () => {
    const page = await openSignedIn(`/officer/people/${people.duc}`);
    await heading(page, 'Nhân thân', 2).waitFor();

    await page.getByRole('radiogroup', { name: 'Ngôn ngữ / Language' }).getByText('English').click();
    for (const name of ['Identity', 'Family', 'Household', 'Residence history', 'Who accessed this data']) {
      await heading(page, name, 2).waitFor();
    }
    expect(await heading(page, 'Nhân thân', 2).count()).toBe(0);
    const identity = region(page, 'Identity');
    expect(await identity.getByRole('row', { name: 'Date of birth' }).locator('td').textContent()).toBe('1988-08-08');
    await region(page, 'Residence history').getByText('today: Phường An Hội Tây').waitFor();
    await region(page, 'Family')
      .getByRole('row', { name: /Father/ })
      .waitFor();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(unexpectedProblems()).toEqual([]);
  });

  it('shows the record as of an earlier day: no residence before it was registered', async () => {
    const page = await openSignedIn(`/officer/people/${people.duc}`);
    const residence = region(page, 'Quá trình cư trú');
    await residence.getByText('12 Quang Trung', { exact: false }).waitFor();

    await page.getByLabel('Xem dữ liệu tại ngày').fill('2022-06-01');
    await page.getByRole('button', { name: 'Xem', exact: true }).click();
    await residence.getByText('Chưa có thông tin cư trú đến ngày này.').waitFor();
    expect(new URL(page.url()).searchParams.get('asOf')).toBe('2022-06-01');
    expect(await residence.getByText('12 Quang Trung', { exact: false }).count()).toBe(0);
    await region(page, 'Nhân thân').getByText('Thông tin nhân thân tại ngày 01/06/2022').waitFor();
    // Before he joined his father's household.
    await region(page, 'Hộ gia đình').getByText('Không thuộc hộ gia đình nào tại ngày này.').waitFor();

    await page.goBack();
    await residence.getByText('12 Quang Trung', { exact: false }).waitFor();
    expect(new URL(page.url()).searchParams.get('asOf')).toBeNull();

    await page.goForward();
    await residence.getByText('Chưa có thông tin cư trú đến ngày này.').waitFor();
    expect(unexpectedProblems()).toEqual([]);
  });

  it('says clearly when nobody has the personal ID number', async () => {
    const page = await openSignedIn('/officer/people/001099012345');

    await heading(page, 'Không tìm thấy công dân').waitFor();
    await page.getByText('Không có công dân nào mang số định danh cá nhân này.').waitFor();
    await page.getByRole('link', { name: 'Tra cứu người khác' }).waitFor();
    expect(unexpectedProblems(httpError(404, '/api/v1/registry/people/001099012345/record'))).toEqual([]);
  });
});
