import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';

/**
 * Debian's Chromium, headless (DESIGN.md §5). `CHROMIUM_PATH` points elsewhere; the flags keep it from
 * reaching the network on its own (updates, sync, field trials), so a test sees only the app's requests.
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page in its own browser context, with what went wrong on it so far. */
export interface WatchedPage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors (with the URL they came from), uncaught errors, requests to other hosts. */
  readonly problems: string[];
}

/**
 * Opens `path` of `origin` in a fresh context (its own storage), recording problems as they happen.
 * `beforeLoad` runs before the first request, e.g. to intercept routes.
 */
export async function openWatched(
  browser: Browser,
  origin: string,
  path: string,
  beforeLoad?: (page: Page) => Promise<unknown>,
): Promise<WatchedPage> {
  const context = await browser.newContext();
  const page = await context.newPage();
  // Everything is local: a locator that has not matched after 10 s never will, so fail well before the test.
  page.setDefaultTimeout(10_000);
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()} at ${message.location().url}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'data:' && url.origin !== origin) problems.push(`request to another host: ${url.href}`);
  });
  await beforeLoad?.(page);
  await page.goto(new URL(path, origin).href);
  return { context, page, problems };
}

/** A test file's Chromium and its pages: each page in a fresh context, closed after its test. */
export class BrowserSession {
  #browser: Browser | undefined;
  #context: BrowserContext | undefined;
  /** What went wrong on the page opened last: console errors, uncaught errors, requests to other hosts. */
  problems: string[] = [];

  async launch(): Promise<void> {
    this.#browser = await launchChromium();
  }

  /** Opens `path` of `origin` in a fresh context; its problems replace those of the previous page. */
  async open(origin: string, path: string, beforeLoad?: (page: Page) => Promise<unknown>): Promise<Page> {
    if (!this.#browser) throw new Error('the browser did not start');
    const watched = await openWatched(this.#browser, origin, path, beforeLoad);
    this.#context = watched.context;
    this.problems = watched.problems;
    return watched.page;
  }

  async closePage(): Promise<void> {
    await this.#context?.close();
    this.#context = undefined;
  }

  async close(): Promise<void> {
    await this.#browser?.close();
  }
}

/**
 * A browser session with its hooks: Chromium launched before the file's tests (after the set-up registered
 * before this call), the page of each test closed after it, Chromium closed at the end.
 */
export function browserSession(): BrowserSession {
  const session = new BrowserSession();
  beforeAll(() => session.launch());
  afterEach(() => session.closePage());
  afterAll(() => session.close());
  return session;
}
