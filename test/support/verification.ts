import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { exportJWK, generateKeyPair } from 'jose';
import { BootstrapTokens } from '../../src/identity/index.ts';
import { OFFICER, testRegistry } from '../../src/registry/testing.ts';
import type { NewContract, PartnerKind, VerificationAnswer } from '../../src/verification/index.ts';
import { CONTRACT } from '../../src/verification/testing.ts';
import { createTestApp, type TestApp } from './app.ts';
import { clientToken } from './client-token.ts';
import { expectStatus } from './identity.ts';

/** The home of the fixture's main person. */
export const HOME = { communeId: '2025:00004', addressLine: 'Số 5 phố Điện Biên Phủ' };

export interface VerificationFixture {
  readonly t: TestApp;
  readonly adminToken: string;
  readonly people: Awaited<ReturnType<typeof testRegistry>>;
  /** Nguyễn Văn Đức, born 1990-05-17: two cards (the first replaced), a phone, a former 9-digit number, a home. */
  readonly duc: string;
  /** A bank with the default contract (testing.ts `CONTRACT`) and a live access token. */
  readonly bank: TestPartner & { readonly accessToken: string };
  check(token: string, body: Record<string, unknown>): Promise<LightMyRequestResponse>;
  answer(body: Record<string, unknown>, token?: string): Promise<VerificationAnswer>;
  admin(method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The whole app on a fresh database (clock at 09:00 on 2 March 2026 in Vietnam), with one person and a bank. */
export async function verificationFixture(): Promise<VerificationFixture> {
  const t = await createTestApp();
  const adminToken = await new BootstrapTokens(t.db, t.clock).reset();
  const people = await testRegistry(t.db, t.clock.now().toISOString());
  const duc = await people.person({
    familyName: 'Nguyễn',
    middleName: 'Văn',
    givenName: 'Đức',
    birthDate: '1990-05-17',
    phone: '0912345678',
    formerIdNumber: '012345678',
  });
  await people.registry.issueCard(duc, { issuedOn: '2016-01-10', issuingAuthority: 'Cục Cảnh sát QLHC' }, OFFICER);
  await people.registry.issueCard(duc, { issuedOn: '2025-05-01', issuingAuthority: 'Bộ Công an' }, OFFICER);
  await people.registry.registerPermanentResidence(duc, HOME, '2025-08-01', OFFICER);
  const partner = await registerPartner(t.app, adminToken, { id: 'ngan-hang-a', name: 'Ngân hàng TMCP Thử nghiệm A' });
  const bank = { ...partner, accessToken: await partner.token() };
  const check = (token: string, body: Record<string, unknown>) =>
    t.app.inject({
      method: 'POST',
      url: '/api/v1/verifications',
      headers: { authorization: `Bearer ${token}` },
      payload: { purpose: 'account_opening', ...body },
    });
  return {
    t,
    adminToken,
    people,
    duc,
    bank,
    check,
    answer: async (body, token = bank.accessToken) => {
      const response = await check(token, body);
      expectStatus(response, 200);
      return response.json() as VerificationAnswer;
    },
    admin: (method, url, payload) =>
      t.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${adminToken}` },
        ...(payload ? { payload } : {}),
      }),
    close: () => t.close(),
  };
}

export interface TestPartner {
  readonly id: string;
  readonly name: string;
  readonly clientId: string;
  /** Fetches a fresh client-credentials access token (private_key_jwt), through the provider in process. */
  token(): Promise<string>;
}

/**
 * Registers a machine client with scope `verification` and a partner for it (with `contract` unless null),
 * as an administrator holding `adminToken` would (with `partner: false`, the client only), and returns a way to
 * get the client's access tokens.
 */
export async function registerPartner(
  app: FastifyInstance,
  adminToken: string,
  options: {
    id: string;
    name: string;
    kind?: PartnerKind;
    contract?: NewContract | null;
    partner?: boolean;
    /** The client's scopes, all asked for in its tokens (default `verification`). */
    scopes?: readonly string[];
  },
): Promise<TestPartner> {
  const scopes = options.scopes ?? ['verification'];
  const headers = { authorization: `Bearer ${adminToken}` };
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const clientId = `${options.id}-client`;
  const kid = `${options.id}-key`;
  const client = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/clients',
    headers,
    payload: {
      clientId,
      name: `${options.name} eKYC`,
      organisation: options.name,
      purpose: 'Xác thực thông tin khách hàng',
      kind: 'machine',
      scopes,
      jwks: { keys: [{ ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'ES256' }] },
    },
  });
  if (client.statusCode !== 201) throw new Error(`client registration failed: ${client.body}`);
  const issuer = app.services.identity.issuer;
  const token = () => clientToken(app, issuer, clientId, kid, privateKey, scopes.join(' '));
  if (options.partner === false) return { id: options.id, name: options.name, clientId, token };
  const partner = await app.inject({
    method: 'POST',
    url: '/api/v1/admin/partners',
    headers,
    payload: { id: options.id, name: options.name, kind: options.kind ?? 'bank', clientId },
  });
  if (partner.statusCode !== 201) throw new Error(`partner registration failed: ${partner.body}`);
  if (options.contract !== null) {
    const contract = await app.inject({
      method: 'POST',
      url: `/api/v1/admin/partners/${options.id}/contracts`,
      headers,
      payload: options.contract ?? CONTRACT,
    });
    if (contract.statusCode !== 201) throw new Error(`contract failed: ${contract.body}`);
  }
  return { id: options.id, name: options.name, clientId, token };
}
