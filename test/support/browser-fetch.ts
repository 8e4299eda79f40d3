/**
 * A tiny stand-in for a browser in protocol tests: keeps cookies by name and follows nothing by itself, so
 * that each redirect of a sign-in can be looked at.
 */
export class CookieBrowser {
  readonly #cookies = new Map<string, string>();

  async fetch(
    url: string,
    init: { method?: string; json?: unknown; form?: Record<string, string> } = {},
  ): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json, text/html' };
    if (this.#cookies.size > 0) headers.cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | undefined;
    if (init.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.json);
    } else if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await fetch(url, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      redirect: 'manual',
    });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = cookie.split(';');
      const [name = '', ...value] = pair.split('=');
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a) || /expires=Thu, 01 Jan 1970/i.test(a));
      if (expired) this.#cookies.delete(name.trim());
      else this.#cookies.set(name.trim(), value.join('='));
    }
    return response;
  }

  /** Follows redirects from `url` until a page that is not a redirect, or one to `stopAt`; returns the last URL and response. */
  async follow(url: string, stopAt?: string): Promise<{ url: string; response: Response }> {
    let current = url;
    for (let hop = 0; hop < 10; hop++) {
      const response = await this.fetch(current);
      const location = response.headers.get('location');
      if (response.status < 300 || response.status >= 400 || !location) return { url: current, response };
      current = new URL(location, current).href;
      if (stopAt && current.startsWith(stopAt)) return { url: current, response };
    }
    throw new Error('too many redirects');
  }
}
