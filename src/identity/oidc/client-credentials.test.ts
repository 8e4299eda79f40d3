import { exportJWK, generateKeyPair } from 'jose';
import * as client from 'openid-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ListeningApp, listeningApp } from '../../../test/support/listening.ts';

let server: ListeningApp;
let issuer: URL;

beforeAll(async () => {
  server = await listeningApp();
  issuer = new URL(`${server.url}/oidc`);
});
afterAll(async () => server?.close());

async function admin(method: string, path: string, payload?: unknown) {
  return server.app.inject({
    method: method as 'POST',
    url: path,
    payload: payload as object,
    headers: { authorization: `Bearer ${server.token}` },
  });
}

describe('a partner system with client credentials', () => {
  it('gets an access token with private_key_jwt, which the platform resolves to the partner and its scopes', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
    const jwk = { ...(await exportJWK(publicKey)), kid: 'bank-key-1', use: 'sig' as const, alg: 'ES256' };
    const registered = await admin('POST', '/api/v1/admin/clients', {
      clientId: 'ngan-hang-may',
      name: 'Hệ thống eKYC',
      organisation: 'Ngân hàng TMCP Thử nghiệm',
      purpose: 'Xác thực thông tin khách hàng',
      kind: 'machine',
      scopes: ['verification'],
      jwks: { keys: [jwk] },
    });
    expect(registered.statusCode).toBe(201);
    expect(registered.json()).toMatchObject({ kind: 'machine', scopes: ['verification'] });
    const config = await client.discovery(
      issuer,
      'ngan-hang-may',
      {},
      client.PrivateKeyJwt({ key: privateKey, kid: 'bank-key-1' }),
      {
        execute: [client.allowInsecureRequests],
      },
    );
    const tokens = await client.clientCredentialsGrant(config, { scope: 'verification' });
    await expect(server.app.services.identity.machineClient(tokens.access_token)).resolves.toMatchObject({
      clientId: 'ngan-hang-may',
      scopes: ['verification'],
    });
    await expect(client.clientCredentialsGrant(config, { scope: 'verification.batch' })).rejects.toMatchObject({
      error: 'invalid_scope',
    });
    await expect(server.app.services.identity.machineClient('not-a-token')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
  });

  it('refuses a machine client that asks for citizens’ scopes', async () => {
    const { publicKey } = await generateKeyPair('ES256', { extractable: true });
    const response = await admin('POST', '/api/v1/admin/clients', {
      clientId: 'may-sai',
      name: 'Sai',
      organisation: 'Thử',
      purpose: 'Thử nghiệm sai',
      kind: 'machine',
      scopes: ['verification', 'profile'],
      jwks: { keys: [await exportJWK(publicKey)] },
    });
    expect(response.json().code).toBe('CLIENT_INVALID');
  });
});
