/** The administration area's client routes. */
export const ADMIN_PATH = '/admin';
export const PARTNERS_PATH = '/admin/partners';
/** Outside `/admin/partners/…`, where any segment could be a partner's id. */
export const NEW_PARTNER_PATH = '/admin/new-partner';

export function partnerPath(id: string): string {
  return `${PARTNERS_PATH}/${encodeURIComponent(id)}`;
}

/** The usage and invoice page of a partner, for `month` (`YYYY-MM`) when given. */
export function partnerUsagePath(id: string, month?: string): string {
  const path = `${partnerPath(id)}/usage`;
  return month ? `${path}?${new URLSearchParams({ month })}` : path;
}
