import { type Browser, chromium } from 'playwright-core';

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
