/**
 * A relying party's world for the OpenID provider's tests: the platform listening on a port, a citizen with a
 * level-1 account, and a public client (PKCE) registered by an administrator; the steps of a sign-in. The
 * bindings are live: a test file sees them once {@link startRelyingPartyWorld}'s set-up has run.
 */
import * as client from 'openid-client';
import { afterAll, beforeAll, expect } from 'vitest';
import { OFFICER, testRegistry } from '../../src/registry/testing.ts';
import type { CookieBrowser } from './browser-fetch.ts';
import { type Registered, registerAccount } from './identity.ts';
import { type ListeningApp, listeningApp } from './listening.ts';

export let server: ListeningApp;
export let citizen: Registered;
export let issuer: URL;
export const RP = 'ngan-hang-test';

export async function admin(method: string, path: string, payload?: unknown) {
  return server.app.inject({
    method: method as 'POST',
    url: path,
    payload: payload as object,
    headers: { authorization: `Bearer ${server.token}` },
  });
}

/** Starts the platform and registers the citizen and the client before the file's tests; stops it after. */
export function startRelyingPartyWorld(): void {
  beforeAll(async () => {
    server = await listeningApp();
    issuer = new URL(`${server.url}/oidc`);
    const { person, registry } = await testRegistry(server.db, new Date().toISOString());
    const personalId = await person({
      familyName: 'Nguyễn',
      middleName: 'Văn',
      givenName: 'Đức',
      birthDate: '1990-05-17',
    });
    await registry.registerPermanentResidence(
      personalId,
      { communeId: '2025:00004', addressLine: 'Số 5 phố Điện Biên Phủ' },
      '2025-08-01',
      OFFICER,
    );
    citizen = await registerAccount(server.app, { personalId, fullName: 'Nguyễn Văn Đức', birthDate: '1990-05-17' });
    const registered = await admin('POST', '/api/v1/admin/clients', {
      clientId: RP,
      name: 'Ngân hàng Thử nghiệm',
      organisation: 'Ngân hàng TMCP Thử nghiệm',
      purpose: 'Mở tài khoản thanh toán trực tuyến (eKYC)',
      kind: 'public',
      redirectUris: [`${server.url}/rp/callback`],
      postLogoutRedirectUris: [`${server.url}/rp/signed-out`],
      scopes: ['profile', 'personal_id', 'address', 'offline_access'],
    });
    expect(registered.statusCode).toBe(201);
  });
  afterAll(async () => server?.close());
}

export async function discover() {
  return client.discovery(issuer, RP, { token_endpoint_auth_method: 'none' }, client.None(), {
    execute: [client.allowInsecureRequests],
  });
}

/** The client's authorization request to its callback, with the PKCE challenge of `verifier`. */
export async function authorizationUrl(
  config: client.Configuration,
  verifier: string,
  params: Record<string, string>,
): Promise<URL> {
  return client.buildAuthorizationUrl(config, {
    redirect_uri: `${server.url}/rp/callback`,
    code_challenge: await client.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    ...params,
  });
}

/** Runs the browser part of a sign-in; returns where the provider sent the browser back to the client. */
export async function signIn(browser: CookieBrowser, authorizationUrl: URL, consent = true): Promise<URL> {
  let { url } = await browser.follow(authorizationUrl.href);
  expect(url).toMatch(/\/interaction\/[\w-]+$/);
  const login = await browser.fetch(`${url}/password`, {
    json: { personalId: citizen.personalId, password: citizen.password },
  });
  expect(login.status).toBe(200);
  const { redirectTo } = (await login.json()) as { redirectTo: string };
  ({ url } = await browser.follow(new URL(redirectTo, server.url).href, `${server.url}/rp/`));
  if (url.startsWith(`${server.url}/rp/`)) return new URL(url);
  expect(url).toMatch(/\/interaction\/[\w-]+$/);
  const details = await (await browser.fetch(`${url}/details`)).json();
  expect(details).toMatchObject({
    prompt: 'consent',
    client: { id: RP, organisation: 'Ngân hàng TMCP Thử nghiệm', purpose: 'Mở tài khoản thanh toán trực tuyến (eKYC)' },
  });
  const step = await browser.fetch(`${url}/${consent ? 'consent' : 'abort'}`, { json: {} });
  const next = (await step.json()) as { redirectTo: string };
  ({ url } = await browser.follow(new URL(next.redirectTo, server.url).href, `${server.url}/rp/`));
  return new URL(url);
}
