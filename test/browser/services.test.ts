/// <reference lib="dom" />
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, latestCode } from '../support/identity.ts';
import { type RunningServer, startServer } from '../support/server.ts';
import { type Citizen, type Officer, servicesPeople } from '../support/services-people.ts';
import { sessionOf } from '../support/services-world.ts';
import { launchChromium, openWatched } from './chromium.ts';

let server: RunningServer | undefined;
let browser: Browser | undefined;
const contexts: BrowserContext[] = [];
/** What went wrong on each page opened so far: console errors, uncaught errors, requests to other hosts. */
const problems: string[][] = [];
/** Phường Ba Đình, Hà Nội: the mother's household and the officers' jurisdiction. */
const COMMUNE = '2025:00004';
/** Phường An Hội Tây, Thành phố Hồ Chí Minh, which charges the criminal-record fee to level-2 accounts. */
const OTHER_COMMUNE = '2025:26882';
let people: Awaited<ReturnType<typeof servicesPeople>> | undefined;

const BIRTH_GROUP = 'Liên thông đăng ký khai sinh – đăng ký thường trú – cấp thẻ BHYT cho trẻ dưới 6 tuổi';

beforeAll(async () => {
  server = await startServer();
  people = await servicesPeople(server.app, server.db, COMMUNE, OTHER_COMMUNE);
  browser = await launchChromium();
});

afterAll(async () => {
  for (const context of contexts) await context.close();
  await browser?.close();
  await server?.close();
});

/** Opens `path` in a fresh browser context (its own cookies), recording its problems. */
async function open(path: string): Promise<Page> {
  if (!server || !browser) throw new Error('the server or the browser did not start');
  const watched = await openWatched(browser, new URL(server.url).origin, path);
  contexts.push(watched.context);
  problems.push(watched.problems);
  return watched.page;
}

/**
 * The problems of every page, less the 401 that a page needing the session gets before the sign-in (Chromium
 * prints a console error for every HTTP error answer).
 */
function unexpectedProblems(): string[] {
  return problems
    .flat()
    .filter((problem) => !(problem.includes('status of 401') && problem.includes('/api/v1/session')));
}

const heading = (page: Page, name: string, level = 1) => page.getByRole('heading', { level, name, exact: true });
const textbox = (page: Page, name: string) => page.getByRole('textbox', { name, exact: true });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const region = (page: Page, name: string) => page.getByRole('region', { name, exact: true });

/** Signs in on the provider's page at level 2: password, then the code sent by SMS (read from the inbox). */
async function signInLevel2(page: Page, who: Citizen) {
  await heading(page, 'Đăng nhập bằng tài khoản định danh điện tử').waitFor();
  await textbox(page, 'Số định danh cá nhân').fill(who.personalId);
  await textbox(page, 'Mật khẩu').fill(who.password);
  await button(page, 'Đăng nhập').click();
  await heading(page, 'Nhập mã xác thực', 2).waitFor();
  await textbox(page, 'Mã xác thực').fill(await latestCode(server?.app as RunningServer['app'], who.phone));
  await button(page, 'Xác nhận').click();
}

/** An officer signs in to the console with their own level-2 account, and opens the dossier from the queue. */
async function officerOpensDossier(officer: Officer, receiptCode: string): Promise<Page> {
  const page = await open('/officer/dossiers');
  await heading(page, 'Đăng nhập cán bộ').waitFor();
  await page.getByRole('link', { name: 'Đăng nhập bằng tài khoản định danh điện tử' }).click();
  await signInLevel2(page, officer);
  await heading(page, 'Hồ sơ cần xử lý').waitFor();
  await page.getByRole('link', { name: receiptCode }).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(receiptCode) }).waitFor();
  return page;
}

/** The officer takes the step up and approves it. */
async function claimAndApprove(page: Page, stepTitle: string) {
  const step = page.getByRole('article', { name: stepTitle });
  await step.getByRole('button', { name: 'Nhận xử lý' }).click();
  await step.getByRole('button', { name: 'Phê duyệt', exact: true }).click();
  await page.getByText('Không có bước nào của cơ quan bạn đang chờ xử lý trong hồ sơ này.').waitFor();
}

describe('public services in the browser', () => {
  it('a mother files the birth group from the pre-filled form; three agencies approve it; she sees the child ID number', async () => {
    const mother = people?.mother;
    if (!mother || !people) throw new Error('no people');

    // The catalogue, searched without accents.
    const page = await open('/citizen/services');
    await heading(page, 'Dịch vụ công trực tuyến').waitFor();
    await textbox(page, 'Tên thủ tục').fill('khai sinh');
    await button(page, 'Tìm').click();
    const card = page.getByRole('article', { name: BIRTH_GROUP });
    await card.getByText('Liên thông', { exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('q')).toBe('khai sinh');

    // Filing needs a level-2 sign-in, which comes back to the form.
    await card.getByRole('link', { name: `Nộp hồ sơ: ${BIRTH_GROUP}` }).click();
    await signInLevel2(page, mother);
    await heading(page, BIRTH_GROUP).waitFor();
    const form = page.getByRole('form', { name: 'Biểu mẫu điện tử' });
    const motherName = form.getByRole('textbox', { name: 'Họ tên mẹ' });
    await expect.poll(() => motherName.inputValue()).toBe(mother.fullName);
    expect(await motherName.getAttribute('readonly')).not.toBeNull();
    expect(await form.getByRole('textbox', { name: 'Số định danh của mẹ' }).inputValue()).toBe(mother.personalId);

    // Required fields are checked before anything is sent.
    await button(page, 'Nộp hồ sơ').click();
    await page.getByText('mục chưa hợp lệ', { exact: false }).waitFor();
    expect(await page.getByText('Ô này là bắt buộc.').count()).toBeGreaterThan(3);

    await form.getByRole('textbox', { name: 'Họ của trẻ' }).fill('Phạm');
    await form.getByRole('textbox', { name: 'Tên đệm của trẻ' }).fill('Gia');
    await form.getByRole('textbox', { name: 'Tên của trẻ' }).fill('Bảo');
    await form.getByRole('combobox', { name: 'Giới tính' }).selectOption('male');
    await form.getByLabel('Ngày sinh').fill(new Date().toISOString().slice(0, 10));
    await form.getByRole('textbox', { name: 'Nơi sinh' }).fill('Bệnh viện Phụ sản Hà Nội');
    await form.getByRole('textbox', { name: 'Số giấy chứng sinh' }).fill('GCS-2026-001234');
    await button(page, 'Nộp hồ sơ').click();

    // The dossier: its receipt code, and three steps at three agencies.
    const filed = page.getByText('Đã nộp hồ sơ. Mã hồ sơ của bạn là', { exact: false });
    const receiptCode = /là (\S+)\.$/.exec((await filed.textContent()) ?? '')?.[1] ?? '';
    expect(receiptCode).not.toBe('');
    await heading(page, BIRTH_GROUP).waitFor();
    const steps = region(page, 'Các bước giải quyết').locator('tbody tr');
    await steps.nth(2).waitFor();
    expect(await steps.count()).toBe(3);

    // Each agency in turn takes its step up and approves it in the officer console.
    const civil = await officerOpensDossier(people.civilStatus, receiptCode);
    await claimAndApprove(civil, 'Đăng ký khai sinh');
    const police = await officerOpensDossier(people.police, receiptCode);
    await claimAndApprove(police, 'Đăng ký thường trú cho trẻ');
    const insurance = await officerOpensDossier(people.socialInsurance, receiptCode);
    await claimAndApprove(insurance, 'Cấp thẻ bảo hiểm y tế cho trẻ dưới 6 tuổi');

    // The mother's page: every step done, the child's number, the card, and the timeline.
    await page.reload();
    await page.getByText('Đã có kết quả', { exact: true }).first().waitFor();
    // The filing was announced once, not again on reload.
    expect(await filed.count()).toBe(0);
    expect(await steps.getByText('Hoàn thành', { exact: true }).count()).toBe(3);
    const childId = await steps
      .first()
      .getByText(/^\d{12}$/)
      .textContent();
    expect(childId).toMatch(/^\d{12}$/);
    await steps.nth(2).getByText(/^TE1/).waitFor();
    const timeline = region(page, 'Quá trình xử lý');
    expect(await timeline.getByText('Giải quyết xong', { exact: false }).count()).toBe(3);
    await timeline.getByText('Hoàn thành hồ sơ').waitFor();
    expect(unexpectedProblems()).toEqual([]);
    // Four level-2 sign-ins and three officers' pages: more than the default minute on a busy machine.
  }, 180_000);

  it('a citizen pays the fee on the sandbox page, answers a supplement request, marks a notice read and withdraws', async () => {
    const applicant = people?.applicant;
    const justice = people?.justice;
    if (!applicant || !justice || !server) throw new Error('no people');
    const title = 'Cấp Phiếu lý lịch tư pháp số 1';

    // The form: the registry's facts are filled in and read-only, dates as dd/mm/yyyy.
    const page = await open('/citizen/services/criminal-record-1/apply');
    await signInLevel2(page, applicant);
    await heading(page, title).waitFor();
    const form = page.getByRole('form', { name: 'Biểu mẫu điện tử' });
    const name = form.getByRole('textbox', { name: 'Họ và tên' });
    await expect.poll(() => name.inputValue()).toBe(applicant.fullName);
    expect(await form.getByRole('textbox', { name: 'Ngày sinh' }).inputValue()).toBe('09/09/1990');
    await form.getByRole('textbox', { name: 'Mục đích sử dụng phiếu' }).fill('Bổ sung hồ sơ xin việc');
    await button(page, 'Nộp hồ sơ').click();

    // The fee is due: paying leads to the sandbox page, which returns to the dossier.
    const fee = region(page, 'Lệ phí');
    await fee.getByText('Chưa nộp', { exact: false }).waitFor();
    await page.getByText('Chờ nộp lệ phí', { exact: true }).first().waitFor();
    await fee.getByRole('button', { name: 'Nộp lệ phí 200.000 ₫' }).click();
    await heading(page, 'Cổng thanh toán thử nghiệm').waitFor();
    await page.getByText('200.000 ₫', { exact: true }).waitFor();
    await page.getByText('Lệ phí hồ sơ', { exact: false }).waitFor();
    await button(page, 'Thanh toán').click();
    await page.waitForURL((url) => url.pathname.startsWith('/citizen/dossiers/'));
    await fee.getByText('Biên lai số', { exact: false }).waitFor();
    await page.getByText('Đã tiếp nhận', { exact: true }).first().waitFor();
    const dossierId = new URL(page.url()).pathname.split('/').pop() ?? '';

    // The province's justice department asks for a document (through the API: the console was shown above).
    const headers = await sessionOf(server.app, justice.accountId);
    const step = `/api/v1/agency/dossiers/${dossierId}/steps/criminal_record_certificate`;
    expectStatus(await server.app.inject({ method: 'POST', url: `${step}/claim`, headers, payload: {} }), 200);
    const asked = await server.app.inject({
      method: 'POST',
      url: `${step}/decision`,
      headers,
      payload: {
        decision: 'request_supplement',
        note: 'Cần bản sao hộ chiếu vì đã cư trú ở nước ngoài.',
        documents: ['Bản sao hộ chiếu'],
      },
    });
    expectStatus(asked, 200);

    // The citizen sees what is asked and by when, and answers.
    await page.reload();
    const supplement = region(page, 'Bổ sung hồ sơ');
    await supplement.getByText('Cần bản sao hộ chiếu vì đã cư trú ở nước ngoài.').waitFor();
    await supplement.getByText('Bản sao hộ chiếu', { exact: true }).waitFor();
    await supplement.getByText(/^Hạn bổ sung: \d{2}\/\d{2}\/\d{4}\./).waitFor();
    await button(page, 'Gửi bổ sung').click();
    await supplement.getByText('Hãy ghi nội dung bổ sung (ít nhất 3 ký tự).').waitFor();
    await supplement.getByRole('textbox', { name: 'Nội dung bổ sung' }).fill('Đã gửi bản sao hộ chiếu qua bưu điện.');
    await button(page, 'Gửi bổ sung').click();
    await supplement.waitFor({ state: 'detached' });
    await region(page, 'Quá trình xử lý').getByText('Đã bổ sung hồ sơ').waitFor();

    // The notices of the dossier: one is marked read.
    await page.goto(new URL('/citizen/dossiers', server.url).href);
    const notices = region(page, 'Thông báo');
    const unread = notices.getByText(/^\d+ thông báo chưa đọc\.$/);
    const before = Number(/^(\d+)/.exec((await unread.textContent()) ?? '')?.[1]);
    expect(before).toBeGreaterThan(1);
    await notices
      .getByRole('button', { name: /^Đánh dấu đã đọc: / })
      .first()
      .click();
    await notices.getByText(`${before - 1} thông báo chưa đọc.`).waitFor();
    await region(page, 'Hồ sơ đã nộp').getByRole('link').first().click();

    // Withdrawn before any step was settled: the fee is refunded.
    await heading(page, title).waitFor();
    await page.getByRole('textbox', { name: 'Lý do rút hồ sơ' }).fill('Không còn cần phiếu.');
    await button(page, 'Rút hồ sơ').click();
    await page.getByText('Đã rút', { exact: true }).first().waitFor();
    await fee.getByText('Đã hoàn trả', { exact: false }).waitFor();
    expect(await button(page, 'Rút hồ sơ').count()).toBe(0);
    expect(unexpectedProblems()).toEqual([]);
  }, 120_000);
});
