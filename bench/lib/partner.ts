import type { FastifyInstance } from 'fastify';
import { exportJWK, generateKeyPair } from 'jose';
import type { ClientRegistration } from '../../src/identity/index.ts';
import type { NewContract, PartnerTerms } from '../../src/verification/index.ts';
import { clientToken } from '../../test/support/client-token.ts';

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
  const token = () =>
    clientToken(app, app.services.identity.issuer, clientId, kid, privateKey, options.scopes.join(' '));
  return { id: options.id, terms, token };
}
