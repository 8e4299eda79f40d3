/// <reference lib="dom" />
/**
 * The officer console's world for the browser tests: a server with a family (a father, his son Nguyễn Văn Đức
 * who moved in 2023 to a ward merged in 2025), an unread person and more namesakes than a page holds; a
 * Chromium; and the steps the tests share. Each test file that calls {@link startOfficerWorld} gets its own.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { OFFICER, testRegistry } from '../../src/registry/testing.ts';
import { type RunningServer, startServer } from '../support/server.ts';
import { type BrowserSession, browserSession } from './chromium.ts';

let server: RunningServer | undefined;
let session: BrowserSession;

/** The people the tests look at, registered before the browser starts. */
export const people = { father: '', duc: '', unread: '' };
/** Phường 12, Quận Gò Vấp before the 2025 reform; part of Phường An Hội Tây since. */
const GO_VAP_12 = 'pre2025:26881';
export const AN_HOI_TAY = '2025:26882';
/** More namesakes than one page of results holds (20). */
export const NAMESAKES = 23;

/** Starts the server and Chromium before the file's tests, closes each test's page and both at the end. */
export function startOfficerWorld(): void {
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
    people.unread = await t.person({
      familyName: 'Lê',
      middleName: 'Văn',
      givenName: 'Cường',
      birthDate: '1975-05-05',
    });
    for (let n = 0; n < NAMESAKES; n++) {
      await t.person({
        familyName: 'Trần',
        middleName: 'Thị',
        givenName: 'Mai',
        sex: 'female',
        birthDate: `1990-01-${String(n + 1).padStart(2, '0')}`,
      });
    }
  });
  session = browserSession();

  afterAll(async () => {
    await server?.close();
  });
}

/** The bootstrap token the server printed. */
export const serverToken = () => server?.token;

/** Opens `path` in a fresh browser context; its problems replace those of the previous page. */
export async function open(path: string, beforeLoad?: (page: Page) => Promise<unknown>): Promise<Page> {
  if (!server) throw new Error('the server did not start');
  return session.open(new URL(server.url).origin, path, beforeLoad);
}

/** Chromium prints a console error for every HTTP error answer, expected ones included: this matches one. */
export const httpError = (status: number, path: string) => (problem: string) =>
  problem.includes(`status of ${status}`) && problem.includes(path);
/** The problems of the page, less the error answers the test expects. */
export function unexpectedProblems(...expected: ((problem: string) => boolean)[]): string[] {
  return session.problems.filter((problem) => !expected.some((matches) => matches(problem)));
}

export const heading = (page: Page, name: string, level = 1) => page.getByRole('heading', { level, name, exact: true });
export const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
export const storedToken = (page: Page) => page.evaluate(() => window.sessionStorage.getItem('dancu.officer.token'));

/** Signs in through the form at `path` (the sign-in page, or a page that sends there). */
export async function signIn(page: Page, token = server?.token ?? '') {
  await heading(page, 'Đăng nhập cán bộ').waitFor();
  await page.getByRole('textbox', { name: 'Mã truy cập', exact: true }).fill(token);
  await page.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
}

export async function openSignedIn(path: string, beforeLoad?: (page: Page) => Promise<unknown>): Promise<Page> {
  const page = await open(path, beforeLoad);
  await signIn(page);
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
  return page;
}

export async function search(page: Page, name: string) {
  await page.getByLabel('Họ và tên').fill(name);
  await page.getByRole('button', { name: 'Tìm kiếm', exact: true }).click();
}

export const resultRows = (page: Page) => region(page, 'Kết quả tìm kiếm').locator('tbody tr');
