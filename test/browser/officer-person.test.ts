/// <reference lib="dom" />
// The officer console: the person page (identity, family, household, residence, access history, as-of reads).
import { describe, expect, it } from 'vitest';
import {
  heading,
  httpError,
  openSignedIn,
  people,
  region,
  resultRows,
  search,
  startOfficerWorld,
  unexpectedProblems,
} from './officer-world.ts';

startOfficerWorld();

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
