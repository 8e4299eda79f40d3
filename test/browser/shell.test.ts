import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/http/version.ts';
import { type RunningServer, startServer } from '../support/server.ts';
import { browserSession } from './chromium.ts';

let server: RunningServer | undefined;

beforeAll(async () => {
  server = await startServer();
});

const session = browserSession();

afterAll(async () => {
  await server?.close();
});

/** Opens `path` in a fresh browser context; its problems replace those of the previous page. */
async function open(path: string, beforeLoad?: (page: Page) => Promise<unknown>): Promise<Page> {
  if (!server) throw new Error('the server did not start');
  return session.open(new URL(server.url).origin, path, beforeLoad);
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const mainNav = (page: Page, name: string) => page.getByRole('navigation', { name, exact: true });

describe('the web app shell', () => {
  it('loads at / in Vietnamese and shows the version the server runs', async () => {
    const page = await open('/');

    await heading(page, 'Chào mừng đến với dancu').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.title()).toBe('dancu');
    await page.getByText('Hệ thống hoạt động bình thường').waitFor();
    await page.getByText(`Phiên bản ${VERSION}`, { exact: true }).waitFor();
    expect(session.problems).toEqual([]);
  });

  it('switches to English, and keeps English after a reload', async () => {
    const page = await open('/');
    await heading(page, 'Chào mừng đến với dancu').waitFor();

    await page.getByRole('radiogroup', { name: 'Ngôn ngữ / Language' }).getByText('English').click();
    await heading(page, 'Welcome to dancu').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText('System is running').waitFor();
    await mainNav(page, 'Main navigation').getByRole('link', { name: 'Officer' }).waitFor();

    await page.reload();
    await heading(page, 'Welcome to dancu').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText(`Version ${VERSION}`, { exact: true }).waitFor();
    expect(session.problems).toEqual([]);
  });

  it("opens an area from the main navigation and shows that area's heading", async () => {
    const page = await open('/');
    const lodging = mainNav(page, 'Điều hướng chính').getByRole('link', { name: 'Cơ sở lưu trú', exact: true });

    await lodging.click();
    await heading(page, 'Cơ sở lưu trú').waitFor();
    expect(new URL(page.url()).pathname).toBe('/lodging');
    expect(await lodging.getAttribute('aria-current')).toBe('page');
    expect(await page.title()).toBe('Cơ sở lưu trú · dancu');
    await page.getByText('Chức năng của khu vực này đang được xây dựng', { exact: false }).waitFor();
    // Focus moves to the new page's content, as after a full page load.
    expect(await page.locator('main:focus').count()).toBe(1);
    expect(session.problems).toEqual([]);
  });

  it('shows the not-found page on a deep link to an unknown route, with a way home', async () => {
    const page = await open('/does-not-exist');

    await heading(page, 'Không tìm thấy trang').waitFor();
    await page.getByRole('link', { name: 'Về trang chủ' }).click();
    await heading(page, 'Chào mừng đến với dancu').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(session.problems).toEqual([]);
  });

  it('has exactly one main landmark, which the skip link reaches from the first Tab', async () => {
    const page = await open('/');
    await heading(page, 'Chào mừng đến với dancu').waitFor();

    expect(await page.getByRole('main').count()).toBe(1);
    expect(await page.locator('h1').count()).toBe(1);
    const mainId = await page.getByRole('main').getAttribute('id');
    expect(mainId).toBeTruthy();

    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.textContent()).toBe('Bỏ qua, đến nội dung chính');
    expect(await focused.getAttribute('href')).toBe(`#${mainId}`);
    await page.keyboard.press('Enter');
    await page.locator('main:focus').waitFor({ state: 'attached' });
    expect(session.problems).toEqual([]);
  });

  it('on a small screen, hides the navigation behind the menu button and out of the Tab order', async () => {
    const page = await open('/');
    await page.setViewportSize({ width: 390, height: 800 });
    const menu = page.getByRole('button', { name: 'Mở hoặc đóng menu điều hướng' });
    const nav = page.locator('nav#main-navigation');

    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    await page.locator('nav#main-navigation[inert]').waitFor({ state: 'attached' });
    await menu.click();
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    expect(await nav.getAttribute('inert')).toBeNull();

    await nav.getByRole('link', { name: 'Cơ sở lưu trú', exact: true }).click();
    await heading(page, 'Cơ sở lưu trú').waitFor();
    expect(await menu.getAttribute('aria-expanded')).toBe('false');
    expect(await nav.getAttribute('inert')).not.toBeNull();
    expect(session.problems).toEqual([]);
  });

  it('says so when the server cannot be reached, and recovers on retry', async () => {
    const page = await open('/', (page) => page.route('**/health', (route) => route.abort()));

    await page.getByText('Không kết nối được với máy chủ. Vui lòng thử lại sau.').waitFor();
    await page.unroute('**/health');
    await page.getByRole('button', { name: 'Thử lại' }).click();
    await page.getByText(`Phiên bản ${VERSION}`, { exact: true }).waitFor();
  });
});
