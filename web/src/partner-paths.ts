/** The partner console's client routes. */
export const PARTNER_CONSOLE_PATH = '/partner';
export const PARTNER_BATCHES_PATH = '/partner/batches';
export const PARTNER_USAGE_PATH = '/partner/usage';

/** The console's usage and invoice page for `month` (`YYYY-MM`) when given. */
export function partnerConsoleUsagePath(month?: string): string {
  return month ? `${PARTNER_USAGE_PATH}?${new URLSearchParams({ month })}` : PARTNER_USAGE_PATH;
}
