import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider';

/** The few pages the provider renders itself (logout confirmation, errors), in Vietnamese and English. */
const CSP = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'";
const STYLE =
  'body{font-family:system-ui,sans-serif;background:#f4f6f8;margin:0;padding:48px 16px;color:#1a1b1e}' +
  'main{max-width:420px;margin:0 auto;background:#fff;border-radius:8px;padding:24px 28px;box-shadow:0 1px 3px rgba(0,0,0,.12)}' +
  'h1{font-size:1.3rem;margin:0 0 12px}p{line-height:1.5}.en{color:#555;font-size:.9rem}' +
  'button{font:inherit;padding:10px 16px;border-radius:6px;border:1px solid #1c7ed6;margin:8px 8px 0 0;cursor:pointer}' +
  'button.primary{background:#1c7ed6;color:#fff}';

function page(ctx: KoaContextWithOIDC, title: string, body: string): void {
  ctx.set('content-security-policy', CSP);
  ctx.set('x-content-type-options', 'nosniff');
  ctx.set('referrer-policy', 'no-referrer');
  ctx.type = 'html';
  ctx.body = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${htmlEscape(title)}</title><style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

export async function logoutSource(ctx: KoaContextWithOIDC, form: string): Promise<void> {
  page(
    ctx,
    'Đăng xuất',
    `<h1>Bạn muốn đăng xuất khỏi tài khoản định danh điện tử?</h1><p class="en">Do you want to sign out of your eID account?</p>${form}` +
      '<button class="primary" autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Đăng xuất / Sign out</button>' +
      '<button type="submit" form="op.logoutForm">Ở lại / Stay signed in</button>',
  );
}

export async function postLogoutSuccessSource(ctx: KoaContextWithOIDC): Promise<void> {
  page(
    ctx,
    'Đã đăng xuất',
    '<h1>Bạn đã đăng xuất.</h1><p class="en">You are signed out.</p><p><a href="/">Trang chủ / Home</a></p>',
  );
}

export async function renderError(ctx: KoaContextWithOIDC, out: ErrorOut): Promise<void> {
  const code = out.error ?? 'server_error';
  const description = out.error_description ?? '';
  page(
    ctx,
    'Không thể tiếp tục',
    `<h1>Không thể tiếp tục đăng nhập</h1><p class="en">The sign-in cannot go on.</p><p><code>${htmlEscape(code)}</code></p><p>${htmlEscape(description)}</p><p><a href="/">Trang chủ / Home</a></p>`,
  );
}

function htmlEscape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
