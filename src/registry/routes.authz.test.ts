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

const OFFICER_ROUTES = [
  '/api/v1/registry/people?name=nguyen',
  '/api/v1/registry/people/001088012345',
  '/api/v1/registry/people/001088012345/record',
  '/api/v1/registry/people/001088012345/access-log',
  '/api/v1/registry/households/1',
  '/api/v1/registry/data-quality',
  '/api/v1/registry/data-quality/missing_fields',
];

describe('who may use the officer API', () => {
  it.each(OFFICER_ROUTES)('refuses an anonymous caller at %s with 401', async (url) => {
    const response = await t.app.inject(url);
    expect(response.statusCode).toBe(401);
    expect(response.json().code).toBe('UNAUTHENTICATED');
    expect(response.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it.each(OFFICER_ROUTES)('refuses a wrong or revoked token at %s', async (url) => {
    const wrong = await t.app.inject({ url, headers: { authorization: 'Bearer dancu_bt_not-the-token' } });
    expect(wrong.statusCode).toBe(401);
    const basic = await t.app.inject({ url, headers: { authorization: `Basic ${token}` } });
    expect(basic.statusCode).toBe(401);
  });

  it('lets the bootstrap administrator in', async () => {
    const response = await t.app.inject({
      url: '/api/v1/registry/data-quality',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(response.statusCode).toBe(200);
  });

  it('writes nothing to the access log for a refused caller', async () => {
    await t.app.inject('/api/v1/registry/people/001088012345/record');
    const { rows } = await t.db.query<{ n: number }>('select count(*)::int8 as n from audit.access_log');
    expect(rows[0]?.n).toBe(0);
  });
});
