import type { AdapterPayload } from 'oidc-provider';
import { type Static, Type } from 'typebox';
import type { Database } from '../../db/index.ts';
import { type Clock, DomainError } from '../../kernel/index.ts';
import { tables } from '../context.ts';

const closed = { additionalProperties: false } as const;
const HttpsOrLocalUrl = Type.String({
  minLength: 8,
  maxLength: 500,
  pattern: '^(https://|http://localhost[:/]|http://127\\.0\\.0\\.1[:/])',
});

/** Scopes of machine clients (partner systems), granted by client credentials. */
export const MACHINE_SCOPES = ['verification', 'verification.batch'] as const;

/** A public JWK of a bank's client (for `private_key_jwt`). */
const PublicJwk = Type.Object(
  {
    kty: Type.Union([Type.Literal('EC'), Type.Literal('RSA'), Type.Literal('OKP')]),
    kid: Type.Optional(Type.String({ maxLength: 200 })),
    use: Type.Optional(Type.Literal('sig')),
    alg: Type.Optional(Type.String({ maxLength: 20 })),
    crv: Type.Optional(Type.String({ maxLength: 20 })),
    x: Type.Optional(Type.String({ maxLength: 2000 })),
    y: Type.Optional(Type.String({ maxLength: 2000 })),
    n: Type.Optional(Type.String({ maxLength: 2000 })),
    e: Type.Optional(Type.String({ maxLength: 20 })),
  },
  closed,
);

/** What an administrator registers: a relying party of the eID service. */
export const ClientRegistration = Type.Object(
  {
    clientId: Type.String({ pattern: '^[a-z0-9][a-z0-9._-]{2,63}$' }),
    /** The app's name shown on the consent screen. */
    name: Type.String({ minLength: 2, maxLength: 100 }),
    /** The organisation behind it (a bank, a ministry). */
    organisation: Type.String({ minLength: 2, maxLength: 200 }),
    /** Why it asks for citizens' data, shown on the consent screen. */
    purpose: Type.String({ minLength: 5, maxLength: 200 }),
    kind: Type.Union([Type.Literal('public'), Type.Literal('confidential'), Type.Literal('machine')], {
      description:
        'public: a browser or mobile app with PKCE; confidential: a server with private_key_jwt; machine: a partner system calling the APIs with client credentials and private_key_jwt',
    }),
    /** Where the client gets people back after sign-in (not for machine clients). */
    redirectUris: Type.Optional(Type.Array(HttpsOrLocalUrl, { minItems: 1, maxItems: 10 })),
    postLogoutRedirectUris: Type.Optional(Type.Array(HttpsOrLocalUrl, { maxItems: 10 })),
    /** Scopes the client may ask for (besides `openid`). */
    scopes: Type.Array(
      Type.Union([
        Type.Literal('profile'),
        Type.Literal('personal_id'),
        Type.Literal('address'),
        Type.Literal('household'),
        Type.Literal('phone'),
        Type.Literal('offline_access'),
        ...MACHINE_SCOPES.map((scope) => Type.Literal(scope)),
      ]),
      { maxItems: 10 },
    ),
    /** Public keys of a confidential client, for `private_key_jwt`. */
    jwks: Type.Optional(Type.Object({ keys: Type.Array(PublicJwk, { minItems: 1, maxItems: 5 }) }, closed)),
  },
  closed,
);
export type ClientRegistration = Static<typeof ClientRegistration>;

export const ClientView = Type.Object(
  {
    clientId: Type.String(),
    name: Type.String(),
    organisation: Type.String(),
    purpose: Type.String(),
    kind: Type.String(),
    redirectUris: Type.Array(Type.String()),
    scopes: Type.Array(Type.String()),
    createdAt: Type.String({ format: 'date-time' }),
    disabledAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  closed,
);
export type ClientView = Static<typeof ClientView>;

/** The first-party client: the platform's own web app. */
export const WEB_CLIENT_ID = 'dancu-web';

/**
 * The registry of relying parties (admins register them). Confidential clients authenticate with
 * `private_key_jwt` (banks); public clients are apps with PKCE and no secret.
 */
export class ClientRegistry {
  readonly #cache = new Map<string, { payload: AdapterPayload | undefined; until: number }>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  /**
   * Registers a client.
   * @throws DomainError CLIENT_EXISTS, CLIENT_INVALID (a confidential client without keys, a public one with keys)
   */
  async register(registration: ClientRegistration, by: string): Promise<ClientView> {
    if (registration.kind !== 'public' && !registration.jwks) {
      throw new DomainError(
        'CLIENT_INVALID',
        'A confidential or machine client registers its public keys for private_key_jwt.',
      );
    }
    if (registration.kind === 'public' && registration.jwks) {
      throw new DomainError('CLIENT_INVALID', 'A public client has no keys.');
    }
    const machineScopes = registration.scopes.filter((scope) => (MACHINE_SCOPES as readonly string[]).includes(scope));
    if (
      registration.kind === 'machine' ? machineScopes.length !== registration.scopes.length : machineScopes.length > 0
    ) {
      throw new DomainError(
        'CLIENT_INVALID',
        'Only machine clients hold the verification scopes, and they hold no others.',
      );
    }
    if (registration.kind !== 'machine' && !registration.redirectUris) {
      throw new DomainError('CLIENT_INVALID', 'A client that signs people in registers its redirect URIs.');
    }
    if (registration.clientId === WEB_CLIENT_ID) throw new DomainError('CLIENT_EXISTS', 'This client id is taken.');
    const metadata =
      registration.kind === 'machine'
        ? {
            client_id: registration.clientId,
            client_name: registration.name,
            redirect_uris: [],
            grant_types: ['client_credentials'],
            response_types: [],
            scope: registration.scopes.join(' '),
            token_endpoint_auth_method: 'private_key_jwt',
            token_endpoint_auth_signing_alg: 'ES256',
            jwks: registration.jwks,
          }
        : {
            client_id: registration.clientId,
            client_name: registration.name,
            redirect_uris: registration.redirectUris,
            post_logout_redirect_uris: registration.postLogoutRedirectUris ?? [],
            grant_types: ['authorization_code', 'refresh_token'],
            response_types: ['code'],
            scope: ['openid', ...registration.scopes].join(' '),
            token_endpoint_auth_method: registration.kind === 'confidential' ? 'private_key_jwt' : 'none',
            ...(registration.jwks ? { jwks: registration.jwks, token_endpoint_auth_signing_alg: 'ES256' } : {}),
            id_token_signed_response_alg: 'ES256',
          };
    const now = this.clock.now();
    const inserted = await tables(this.db)
      .insertInto('identity.oidc_client')
      .values({
        client_id: registration.clientId,
        metadata: JSON.stringify(metadata),
        organisation: registration.organisation,
        purpose: registration.purpose,
        created_by: by,
        created_at: now,
        disabled_at: null,
      })
      .onConflict((oc) => oc.column('client_id').doNothing())
      .returning('client_id')
      .executeTakeFirst();
    if (!inserted) throw new DomainError('CLIENT_EXISTS', 'This client id is taken.');
    return this.get(registration.clientId);
  }

  /** Makes or refreshes the web app's own client (a confidential client with a secret kept in the database). */
  async ensureWebClient(redirectUri: string, postLogoutUri: string, secret: string): Promise<void> {
    const metadata = {
      client_id: WEB_CLIENT_ID,
      client_name: 'Cổng dịch vụ công dancu',
      client_secret: secret,
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [postLogoutUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      scope: 'openid profile personal_id',
      token_endpoint_auth_method: 'client_secret_post',
      id_token_signed_response_alg: 'ES256',
    };
    await tables(this.db)
      .insertInto('identity.oidc_client')
      .values({
        client_id: WEB_CLIENT_ID,
        metadata: JSON.stringify(metadata),
        organisation: 'dancu',
        purpose: 'Đăng nhập cổng dịch vụ công',
        created_by: 'system',
        created_at: this.clock.now(),
        disabled_at: null,
      })
      .onConflict((oc) => oc.column('client_id').doUpdateSet({ metadata: JSON.stringify(metadata) }))
      .execute();
    this.#cache.delete(WEB_CLIENT_ID);
  }

  /** Disables a client: it can no longer sign anyone in; its tokens stop working. @throws DomainError CLIENT_NOT_FOUND */
  async disable(clientId: string): Promise<void> {
    const row = await tables(this.db)
      .updateTable('identity.oidc_client')
      .set({ disabled_at: this.clock.now() })
      .where('client_id', '=', clientId)
      .where('disabled_at', 'is', null)
      .returning('client_id')
      .executeTakeFirst();
    if (!row) throw new DomainError('CLIENT_NOT_FOUND', 'No live client has this id.');
    this.#cache.delete(clientId);
  }

  async list(): Promise<ClientView[]> {
    const rows = await tables(this.db)
      .selectFrom('identity.oidc_client')
      .selectAll()
      .where('client_id', '<>', WEB_CLIENT_ID)
      .orderBy('client_id')
      .execute();
    return rows.map(clientView);
  }

  /** @throws DomainError CLIENT_NOT_FOUND */
  async get(clientId: string): Promise<ClientView> {
    const row = await tables(this.db)
      .selectFrom('identity.oidc_client')
      .selectAll()
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    if (!row) throw new DomainError('CLIENT_NOT_FOUND', 'No client has this id.');
    return clientView(row);
  }

  /** The provider's view of a live client (cached for a few seconds: the token endpoint asks on every call). */
  async metadata(clientId: string): Promise<AdapterPayload | undefined> {
    const now = Date.now();
    const cached = this.#cache.get(clientId);
    if (cached && cached.until > now) return cached.payload;
    const row = await tables(this.db)
      .selectFrom('identity.oidc_client')
      .select(['metadata', 'disabled_at'])
      .where('client_id', '=', clientId)
      .executeTakeFirst();
    const payload = row && row.disabled_at === null ? (parse(row.metadata) as AdapterPayload) : undefined;
    this.#cache.set(clientId, { payload, until: now + 5_000 });
    return payload;
  }
}

function parse(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

function clientView(row: {
  client_id: string;
  metadata: unknown;
  organisation: string;
  purpose: string;
  created_at: Date;
  disabled_at: Date | null;
}): ClientView {
  const metadata = parse(row.metadata) as {
    client_name: string;
    token_endpoint_auth_method: string;
    redirect_uris: string[];
    scope: string;
    grant_types?: string[];
  };
  return {
    clientId: row.client_id,
    name: metadata.client_name,
    organisation: row.organisation,
    purpose: row.purpose,
    kind: metadata.grant_types?.includes('client_credentials')
      ? 'machine'
      : metadata.token_endpoint_auth_method === 'none'
        ? 'public'
        : 'confidential',
    redirectUris: metadata.redirect_uris,
    scopes: metadata.scope.split(' ').filter((scope) => scope !== 'openid'),
    createdAt: row.created_at.toISOString(),
    disabledAt: row.disabled_at ? row.disabled_at.toISOString() : null,
  };
}
