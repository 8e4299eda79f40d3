import { Type } from 'typebox';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../test/support/db.ts';
import { loadConfig } from '../config/index.ts';
import { DomainError } from '../kernel/index.ts';
import { buildApp } from './app.ts';

let handle: TestDatabase;
let app: Awaited<ReturnType<typeof buildApp>>;

beforeAll(async () => {
  handle = await openTestDatabase();
  app = await buildApp({
    config: { ...loadConfig({}), logLevel: 'silent', bodyLimit: 4_096 },
    db: handle.db,
    webRoot: '/nonexistent',
  });
  // Probe routes: one with a strict schema, one that throws each kind of error.
  app.post(
    '/api/v1/probe',
    { schema: { body: Type.Object({ name: Type.String({ maxLength: 20 }) }, { additionalProperties: false }) } },
    async (request) => ({ hello: request.body }),
  );
  app.get('/api/v1/probe/domain', async () => {
    throw new DomainError('INVALID_PERSONAL_ID', 'The personal ID number must have 12 digits.', { reason: 'length' });
  });
  app.get('/api/v1/probe/uncatalogued', async () => {
    throw new DomainError('NOT_IN_THE_CATALOGUE', 'secret internals');
  });
  app.get('/api/v1/probe/crash', async () => {
    throw new Error('connection string postgres://secret@db');
  });
  await app.ready();
});
afterAll(async () => {
  await app.close();
  await handle.close();
});

describe('operations endpoints', () => {
  it('reports health and readiness with the database engine', async () => {
    const health = await app.inject('/health');
    expect(health.statusCode).toBe(200);
    expect(health.json()).toEqual({ status: 'ok', version: expect.any(String) });
    const ready = await app.inject('/ready');
    expect(ready.json()).toEqual({ status: 'ready', database: handle.db.engine });
  });

  it('exposes Prometheus metrics including request durations by route', async () => {
    await app.inject('/health');
    const metrics = await app.inject('/metrics');
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/health",status="200"\}/);
    expect(metrics.body).toContain('process_cpu_user_seconds_total');
  });

  it('serves an OpenAPI 3.1 document built from the route schemas', async () => {
    const docs = await app.inject('/api/docs/json');
    expect(docs.statusCode).toBe(200);
    const document = docs.json();
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(expect.arrayContaining(['/health', '/ready', '/api/v1/probe']));
    const page = await app.inject({ url: '/api/docs', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBeLessThan(400);
  });
});

describe('problem responses', () => {
  it('answers an unknown route with a 404 problem', async () => {
    const response = await app.inject('/api/v1/nothing-here');
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.json()).toMatchObject({
      type: 'urn:dancu:problem:ROUTE_NOT_FOUND',
      status: 404,
      code: 'ROUTE_NOT_FOUND',
      instance: '/api/v1/nothing-here',
      requestId: expect.any(String),
    });
  });

  it('answers a malformed JSON body with a 400 problem', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": "Đức"',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('MALFORMED_JSON');
  });

  it('answers an oversize body with a 413 problem', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ name: 'x'.repeat(10_000) }),
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a body of another media type with a 415 problem', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/probe',
      headers: { 'content-type': 'application/xml' },
      payload: '<name/>',
    });
    expect(response.statusCode).toBe(415);
    expect(response.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('refuses unknown fields and says which field is wrong', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/probe', payload: { name: 'An', admin: true } });
    expect(response.statusCode).toBe(400);
    const problem = response.json();
    expect(problem.code).toBe('VALIDATION_FAILED');
    expect(problem.errors.length).toBeGreaterThan(0);
    expect(problem.errors[0].path).toMatch(/^\/body/);
  });

  it('accepts a valid body', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/probe', payload: { name: 'Nguyễn Văn Đức' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ hello: { name: 'Nguyễn Văn Đức' } });
  });

  it('maps a domain error to its catalogued status with its code and details', async () => {
    const response = await app.inject('/api/v1/probe/domain');
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      code: 'INVALID_PERSONAL_ID',
      detail: 'The personal ID number must have 12 digits.',
      details: { reason: 'length' },
      title: 'Số định danh cá nhân không hợp lệ',
    });
  });

  it('gives the English title when the caller prefers English', async () => {
    const response = await app.inject({
      url: '/api/v1/probe/domain',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(response.json().title).toBe('Invalid personal ID number');
  });

  it.each([
    ['/api/v1/probe/uncatalogued', 'secret internals'],
    ['/api/v1/probe/crash', 'postgres://'],
  ])('answers %s with a 500 that leaks nothing', async (url, secret) => {
    const response = await app.inject(url);
    expect(response.statusCode).toBe(500);
    expect(response.json().code).toBe('INTERNAL_ERROR');
    expect(response.body).not.toContain(secret);
  });
});

describe('request handling', () => {
  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const kept = await app.inject({ url: '/health', headers: { 'x-request-id': 'lb-1234567890' } });
    expect(kept.headers['x-request-id']).toBe('lb-1234567890');
    const replaced = await app.inject({ url: '/health', headers: { 'x-request-id': 'bad id\n' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers', async () => {
    const response = await app.inject('/health');
    expect(response.headers['content-security-policy']).toContain("default-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['strict-transport-security']).toContain('max-age=');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('tells a browser asking for a page that the web app is not built, and never serves it for API paths', async () => {
    const page = await app.inject({ url: '/citizen', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(503);
    expect(page.json().code).toBe('WEB_APP_NOT_BUILT');
    const api = await app.inject({ url: '/api/v1/unknown', headers: { accept: 'text/html' } });
    expect(api.json().code).toBe('ROUTE_NOT_FOUND');
  });
});
