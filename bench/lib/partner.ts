/**
 * A verification partner for a benchmark, made as an administrator would (test/support/verification.ts does
 * the same through the admin routes): a machine client with its ES256 key, the partner, its contract; and
 * client-credentials access tokens obtained from the provider as the partner's system would get them
 * (`private_key_jwt`).
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import type { ClientRegistration } from '../../src/identity/index.ts';
import type { NewContract, PartnerTerms } from '../../src/verification/index.ts';

export interface BenchPartner {
  readonly id: string;
  readonly terms: PartnerTerms;
  /** A fresh client-credentials access token for the client's scopes. */
  token(): Promise<string>;
}

export async function registerPartner(
  app: FastifyInstance,
  options: { id: string; name: string; scopes: readonly string[]; contract: NewContract },
): Promise<BenchPartner> {
  const { identity, verification } = app.services;
  const { privateKey, publicKey } = await generateKeyPair('ES256', { extractable: true });
  const clientId = `${options.id}-client`;
  const kid = `${options.id}-key`;
  const jwk = { ...(await exportJWK(publicKey)), kty: 'EC' as const, kid, use: 'sig' as const, alg: 'ES256' };
  await identity.clients.register(
    {
      clientId,
      name: `${options.name} eKYC`,
      organisation: options.name,
      purpose: 'Xác thực thông tin khách hàng',
      kind: 'machine',
      // The machine scopes are in the schema, but spread into it, so its static type misses them.
      scopes: [...options.scopes] as ClientRegistration['scopes'],
      jwks: { keys: [jwk] },
    },
    'bench',
  );
  await verification.partners.create({ id: options.id, name: options.name, kind: 'bank', clientId }, 'bench');
  await verification.partners.addContract(options.id, options.contract, 'bench');
  const terms = await verification.partners.get(options.id);
  const token = () => clientToken(app, clientId, kid, privateKey, options.scopes.join(' '));
  return { id: options.id, terms, token };
}

async function clientToken(
  app: FastifyInstance,
  clientId: string,
  kid: string,
  privateKey: CryptoKey,
  scope: string,
): Promise<string> {
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(app.services.identity.issuer)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime('2m')
    .sign(privateKey);
  const response = await app.inject({
    method: 'POST',
    url: '/oidc/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({
      grant_type: 'client_credentials',
      scope,
      client_id: clientId,
      client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
      client_assertion: assertion,
    }).toString(),
  });
  const body = response.json() as { access_token?: string };
  if (!body.access_token) throw new Error(`token request failed: ${response.body}`);
  return body.access_token;
}
