import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/support/app.ts';
import { BootstrapTokens } from '../identity/index.ts';

let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  token = await new BootstrapTokens(t.db, t.clock).reset();
});
afterAll(async () => t.close());

describe('GET /api/v1/session', () => {
  it('names the caller behind a valid token', async () => {
    const response = await t.app.inject({ url: '/api/v1/session', headers: { authorization: `Bearer ${token}` } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      actor: { id: 'bootstrap-admin', kind: 'admin', name: 'Quản trị khởi tạo' },
      via: 'token',
      roles: [{ id: 0, role: 'admin', agency: null, communeId: null, provinceId: null }],
    });
  });

  it.each([
    ['no header', () => ({})],
    ['an empty bearer', () => ({ authorization: 'Bearer' })],
    ['the token with a character more', () => ({ authorization: `Bearer ${token}x` })],
    ['the token as Basic credentials', () => ({ authorization: `Basic ${token}` })],
    ['a well-formed unknown token', () => ({ authorization: `Bearer dancu_bt_${'A'.repeat(43)}` })],
  ])('refuses %s with 401 and a Bearer challenge', async (_case, headers) => {
    const response = await t.app.inject({ url: '/api/v1/session', headers: headers() });
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UNAUTHENTICATED');
    expect(response.headers['www-authenticate']).toBe('Bearer realm="dancu"');
  });
});
