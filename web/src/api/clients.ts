import { apiGet, apiSend } from './client.ts';

/** OpenID clients (relying parties and partners' machine clients), as administrators see them. */

const BASE = '/api/v1/admin/clients';

export interface ClientView {
  readonly clientId: string;
  readonly name: string;
  readonly organisation: string;
  readonly purpose: string;
  /** `public`, `confidential` or `machine`. */
  readonly kind: string;
  readonly redirectUris: readonly string[];
  readonly scopes: readonly string[];
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

/** A public JSON Web Key, as the server accepts it for `private_key_jwt`. */
export type PublicJwk = Readonly<Record<string, string>>;

export interface MachineClientRegistration {
  /** Lower-case letters, digits, `.`, `_` and `-`, 3 to 64 characters. */
  readonly clientId: string;
  readonly name: string;
  readonly organisation: string;
  readonly purpose: string;
  readonly jwk: PublicJwk;
}

export const listClients = (signal?: AbortSignal) => apiGet<{ items: ClientView[] }>(BASE, { signal });

/** Whether a partner may be registered for `client`: an enabled machine client with scope `verification`. */
export function isVerificationClient(client: ClientView): boolean {
  return client.kind === 'machine' && client.scopes.includes('verification') && client.disabledAt === null;
}

/**
 * Registers a partner's system: a machine client with scope `verification` that authenticates with
 * client credentials and `private_key_jwt` signed by the key whose public half is `jwk`.
 * @throws ApiProblem CLIENT_EXISTS, CLIENT_INVALID, VALIDATION_FAILED
 */
export const registerMachineClient = ({ jwk, ...client }: MachineClientRegistration) =>
  apiSend<ClientView>('POST', BASE, { ...client, kind: 'machine', scopes: ['verification'], jwks: { keys: [jwk] } });

const JWK_MEMBERS = ['kty', 'kid', 'use', 'alg', 'crv', 'x', 'y', 'n', 'e'];
/** Members that only a private key has: pasting one would hand the platform the partner's signing key. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'];

export type JwkReading =
  | { readonly kind: 'ok'; readonly jwk: PublicJwk }
  | { readonly kind: 'error'; readonly reason: 'json' | 'notKey' | 'private' };

/**
 * Reads a pasted key: one JWK, or a JWK Set holding one key. A private key is refused; members the server
 * does not keep are dropped.
 */
export function readPublicJwk(text: string): JwkReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { kind: 'error', reason: 'json' };
  }
  if (isObject(value) && Array.isArray(value.keys) && value.keys.length === 1) value = value.keys[0];
  if (!isObject(value) || !['EC', 'RSA', 'OKP'].includes(String(value.kty))) return { kind: 'error', reason: 'notKey' };
  if (PRIVATE_MEMBERS.some((member) => member in value)) return { kind: 'error', reason: 'private' };
  const jwk: Record<string, string> = {};
  for (const member of JWK_MEMBERS) {
    const found = value[member];
    if (typeof found === 'string') jwk[member] = found;
  }
  return { kind: 'ok', jwk };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
