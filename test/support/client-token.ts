import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { SignJWT } from 'jose';

/** A client-credentials access token for `scope`, through the provider in process (tests and benchmarks). */
export async function clientToken(
  app: FastifyInstance,
  issuer: string,
  clientId: string,
  kid: string,
  privateKey: CryptoKey,
  scope: string,
): Promise<string> {
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: 'ES256', kid })
    .setIssuer(clientId)
    .setSubject(clientId)
    .setAudience(issuer)
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
