import Provider, { type Configuration, interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';
import type { Database } from '../../db/index.ts';
import type { Clock } from '../../kernel/index.ts';
import { ACR_LEVEL1, ACR_LEVEL2 } from '../model.ts';
import { platformSecret } from '../secrets.ts';
import { postgresAdapter } from './adapter.ts';
import { type ClaimsDeps, findAccount, SCOPE_CLAIMS } from './claims.ts';
import { MACHINE_SCOPES, WEB_CLIENT_ID } from './clients.ts';
import { findGrantId } from './consents.ts';
import { signingKeys } from './keys.ts';
import { logoutSource, postLogoutSuccessSource, renderError } from './pages.ts';

export interface ProviderOptions extends ClaimsDeps {
  readonly clock: Clock;
  /** The issuer: the platform's public URL followed by `/oidc`. */
  readonly issuer: string;
  /** Behind a load balancer that sets `X-Forwarded-*`. */
  readonly proxy: boolean;
}

/** Lifetimes in seconds. */
const TTL = {
  AccessToken: 10 * 60,
  /** A partner system's access token (client credentials): ten minutes, then it asks for another. */
  ClientCredentials: 10 * 60,
  AuthorizationCode: 60,
  IdToken: 10 * 60,
  RefreshToken: 30 * 24 * 3600,
  Interaction: 15 * 60,
  Session: 8 * 3600,
  Grant: 365 * 24 * 3600,
};

/**
 * Nhà cung cấp định danh — the OpenID provider of the eID service (`oidc-provider`): authorization code with
 * PKCE for every client, refresh tokens, userinfo, RP-initiated logout; ES256 keys from the database; `acr`
 * level 1 or 2, a request for level 2 forcing a new sign-in at that level.
 */
export async function createProvider(options: ProviderOptions): Promise<Provider> {
  const { db, clients, clock } = options;
  const jwks = await signingKeys(db, clock);
  const cookieKey = (await platformSecret(db, clock, 'oidc.cookie-key')).toString('base64url');
  const configuration: Configuration = {
    adapter: postgresAdapter(db, (id) => clients.metadata(id)),
    findAccount: findAccount(options),
    jwks: jwks as Configuration['jwks'],
    cookies: { keys: [cookieKey], long: { signed: true, sameSite: 'lax' }, short: { signed: true, sameSite: 'lax' } },
    // `acr` with `openid`: every ID token says the level the citizen signed in at, asked for or not.
    claims: { ...SCOPE_CLAIMS, openid: ['sub', 'acr'], auth_time: null, sid: null } as Configuration['claims'],
    scopes: ['openid', 'offline_access', ...Object.keys(SCOPE_CLAIMS).filter((s) => s !== 'openid'), ...MACHINE_SCOPES],
    acrValues: [ACR_LEVEL1, ACR_LEVEL2],
    responseTypes: ['code'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      claimsParameter: { enabled: true },
      clientCredentials: { enabled: true },
    },
    enabledJWA: {
      idTokenSigningAlgValues: ['ES256'],
      userinfoSigningAlgValues: ['ES256'],
      clientAuthSigningAlgValues: ['ES256', 'PS256', 'RS256', 'EdDSA'],
    },
    clientDefaults: {
      id_token_signed_response_alg: 'ES256',
      grant_types: ['authorization_code'],
      response_types: ['code'],
    },
    issueRefreshToken: async (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    ttl: TTL,
    interactions: { url: async (_ctx, interaction) => `/interaction/${interaction.uid}`, policy: policy() },
    loadExistingGrant: loadExistingGrant(db),
    renderError,
    clientBasedCORS: () => false,
  };
  const provider = new Provider(options.issuer, configuration);
  provider.proxy = options.proxy;
  return provider;
}

/** The base policy, with one more reason to ask for a sign-in: the client wants level 2 and the session is not. */
function policy() {
  const { base, Check } = interactionPolicy;
  const prompts = base();
  prompts.get('login')?.checks.add(
    new Check('acr_level2', 'level 2 authentication is required', (ctx: KoaContextWithOIDC) => {
      if (!wantsLevel2(ctx)) return Check.NO_NEED_TO_PROMPT;
      return ctx.oidc.session?.acr === ACR_LEVEL2 ? Check.NO_NEED_TO_PROMPT : Check.REQUEST_PROMPT;
    }),
  );
  return prompts;
}

/** Whether the authorization request asks for level 2 (`acr_values`, or an `acr` claim request). */
export function wantsLevel2(ctx: KoaContextWithOIDC): boolean {
  const acrValues = ctx.oidc.params?.acr_values;
  if (typeof acrValues === 'string' && acrValues.split(' ').includes(ACR_LEVEL2)) return true;
  const requested = ctx.oidc.claims?.id_token?.acr;
  return Boolean(requested && (requested.value === ACR_LEVEL2 || requested.values?.includes(ACR_LEVEL2)));
}

/**
 * The grant a sign-in may reuse: the one the citizen approved for this client, if still there. The platform's
 * own web app needs no consent screen: its grant is made on the spot.
 */
function loadExistingGrant(db: Database) {
  return async (ctx: KoaContextWithOIDC) => {
    const { oidc } = ctx;
    const clientId = oidc.client?.clientId;
    const accountId = oidc.session?.accountId;
    if (!clientId || !accountId) return undefined;
    // The consent given in this sign-in, else in this browser session, else the one the citizen gave before.
    const grantId =
      oidc.result?.consent?.grantId ??
      oidc.session?.grantIdFor(clientId) ??
      (await findGrantId(db, accountId, clientId));
    if (grantId) {
      const grant = await oidc.provider.Grant.find(grantId);
      if (grant && grant.accountId === accountId) return grant;
    }
    if (clientId !== WEB_CLIENT_ID) return undefined;
    const grant = new oidc.provider.Grant({ clientId, accountId });
    grant.addOIDCScope('openid profile personal_id');
    await grant.save();
    return grant;
  };
}
