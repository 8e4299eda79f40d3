/// <reference lib="dom" />
// The officer console: signing in with the bootstrap token, and searching people by name, date and commune.
import { describe, expect, it } from 'vitest';
import {
  AN_HOI_TAY,
  heading,
  httpError,
  NAMESAKES,
  open,
  openSignedIn,
  people,
  resultRows,
  search,
  serverToken,
  signIn,
  startOfficerWorld,
  storedToken,
  unexpectedProblems,
} from './officer-world.ts';

startOfficerWorld();

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
    expect(await storedToken(page)).toBe(serverToken());
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
