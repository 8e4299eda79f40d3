import Provider, { type Adapter, type AdapterPayload, errors } from 'oidc-provider';
import type { Database } from '../../db/index.ts';

/** Models whose rows carry a grant id, so that revoking a grant removes all of them. */
const GRANTABLE = new Set([
  'AccessToken',
  'AuthorizationCode',
  'RefreshToken',
  'DeviceCode',
  'BackchannelAuthenticationRequest',
]);

interface PayloadRow {
  payload: AdapterPayload;
  consumed_at: Date | null;
}

/** What `findAccount` (claims.ts) needs of an account. */
export interface AccountRow {
  id: string;
  personal_id: string;
  phone: string;
  status: string;
  level: number;
}

interface TokenRow extends PayloadRow {
  grant_row: { payload: AdapterPayload; consumed_at: string | null } | string | null;
  account_row: AccountRow | string | null;
}

/**
 * Rows read along with a token, for the request being served (the provider's context): the token endpoint
 * and userinfo look up the grant and the account right after the code or token, so the one statement that
 * finds a code or token also reads them. Each entry serves one later lookup of the same request, then is gone.
 */
const readAhead = new WeakMap<object, Map<string, unknown>>();

/**
 * What the lookup of a token read ahead under `key` (`Grant:<id>`, `Account:<id>`) for the request being
 * served: `{ value }` (undefined value: no such live row), or undefined when nothing was read ahead.
 */
export function takeReadAhead<T>(key: string): { value: T | undefined } | undefined {
  const ctx = Provider.ctx;
  const entries = ctx ? readAhead.get(ctx) : undefined;
  if (!entries?.has(key)) return undefined;
  const value = entries.get(key) as T | undefined;
  entries.delete(key);
  return { value };
}

/** Forgets what was read ahead under `key` for the request being served (the row is being written). */
function dropReadAhead(key: string): void {
  const ctx = Provider.ctx;
  if (ctx) readAhead.get(ctx)?.delete(key);
}

function keepReadAhead(key: string, value: unknown): void {
  const ctx = Provider.ctx;
  if (!ctx) return;
  const entries = readAhead.get(ctx) ?? new Map<string, unknown>();
  readAhead.set(ctx, entries);
  entries.set(key, value);
}

const LIVE = '(expires_at is null or expires_at > now())';
const UUID = "'^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'";

/**
 * A code or token with its live grant and its account, in one statement (see {@link readAhead}); scalar
 * subqueries plan faster than joins on PGlite. The account id is checked to be a UUID before the cast, so that
 * a stray value finds no account rather than failing.
 */
const FIND_TOKEN = `
  select t.payload, t.consumed_at,
    (select json_build_object('payload', g.payload, 'consumed_at', g.consumed_at) from identity.oidc_payload g
     where g.model = 'Grant' and g.id = t.grant_id and ${LIVE.replaceAll('expires_at', 'g.expires_at')}) as grant_row,
    (select json_build_object('id', a.id, 'personal_id', a.personal_id, 'phone', a.phone, 'status', a.status,
       'level', a.level) from identity.account a
     where a.id = (case when t.account_id ~* ${UUID} then t.account_id::uuid end)) as account_row
  from identity.oidc_payload t
  where t.model = $1 and t.id = $2 and ${LIVE.replaceAll('expires_at', 't.expires_at')}`;

/**
 * The storage of the OpenID provider (its adapter contract) in `identity.oidc_payload`, the same on PGlite
 * and PostgreSQL. Expired rows are invisible at once and deleted by {@link purgeExpired}. Clients are not
 * stored here: they live in `identity.oidc_client` (see clients.ts).
 */
export function postgresAdapter(db: Database, findClient: (id: string) => Promise<AdapterPayload | undefined>) {
  return class PostgresAdapter implements Adapter {
    constructor(readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      if (this.model === 'Grant') dropReadAhead(`Grant:${id}`);
      const expiresAt = expiresIn ? new Date(Date.now() + expiresIn * 1000) : null;
      await db.query(
        `insert into identity.oidc_payload (model, id, payload, grant_id, user_code, uid, account_id, expires_at)
         values ($1, $2, $3, $4, $5, $6, $7, $8)
         on conflict (model, id) do update set payload = excluded.payload, grant_id = excluded.grant_id,
           user_code = excluded.user_code, uid = excluded.uid, account_id = excluded.account_id,
           expires_at = excluded.expires_at`,
        [
          this.model,
          id,
          JSON.stringify(payload),
          GRANTABLE.has(this.model) ? (payload.grantId ?? null) : null,
          payload.userCode ?? null,
          payload.uid ?? null,
          payload.accountId ?? null,
          expiresAt,
        ],
      );
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.model === 'Client') return findClient(id);
      if (this.model === 'Grant') {
        const ahead = takeReadAhead<AdapterPayload>(`Grant:${id}`);
        if (ahead) return ahead.value;
      }
      if (GRANTABLE.has(this.model) && Provider.ctx) return this.#token(id);
      return this.#one(`id = $2 and ${LIVE}`, id);
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return this.#one(`uid = $2 and ${LIVE}`, uid);
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return this.#one(`user_code = $2 and ${LIVE}`, userCode);
    }

    /**
     * Marks a code or token used, once: a second consumption (two exchanges of one code racing each other)
     * finds it already consumed and is refused.
     */
    async consume(id: string): Promise<void> {
      const { rows } = await db.query(
        `update identity.oidc_payload set consumed_at = now()
         where model = $1 and id = $2 and consumed_at is null returning 1`,
        [this.model, id],
      );
      if (rows.length === 0) throw alreadyConsumed(this.model);
    }

    async destroy(id: string): Promise<void> {
      if (this.model === 'Grant') dropReadAhead(`Grant:${id}`);
      await db.query('delete from identity.oidc_payload where model = $1 and id = $2', [this.model, id]);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      dropReadAhead(`Grant:${grantId}`);
      await db.query('delete from identity.oidc_payload where grant_id = $1', [grantId]);
    }

    async #one(where: string, value: string): Promise<AdapterPayload | undefined> {
      const { rows } = await db.query<PayloadRow>(
        `select payload, consumed_at from identity.oidc_payload where model = $1 and ${where}`,
        [this.model, value],
      );
      const row = rows[0];
      return row ? withConsumed(row.payload, row.consumed_at) : undefined;
    }

    /** A code or token, keeping its grant and account for the lookups that follow in this request. */
    async #token(id: string): Promise<AdapterPayload | undefined> {
      const { rows } = await db.query<TokenRow>(FIND_TOKEN, [this.model, id]);
      const row = rows[0];
      if (!row) return undefined;
      const token = withConsumed(row.payload, row.consumed_at);
      if (typeof token.grantId === 'string') {
        const grant = parseJson(row.grant_row);
        keepReadAhead(`Grant:${token.grantId}`, grant ? withConsumed(grant.payload, grant.consumed_at) : undefined);
      }
      if (typeof token.accountId === 'string') {
        keepReadAhead(`Account:${token.accountId}`, parseJson(row.account_row) ?? undefined);
      }
      return token;
    }
  };
}

/** The error the provider itself gives when it sees a code or token already used (grant_source.js, respond.js). */
function alreadyConsumed(model: string): Error {
  if (model === 'PushedAuthorizationRequest') {
    return new errors.InvalidRequestUri('request_uri is invalid, expired, or was already used');
  }
  const label =
    model === 'AuthorizationCode' ? 'authorization code' : model === 'RefreshToken' ? 'refresh token' : model;
  return new errors.InvalidGrant(`${label} already consumed`);
}

function parseJson<T extends object>(value: T | string | null): T | null {
  return typeof value === 'string' ? (JSON.parse(value) as T) : value;
}

function withConsumed(payload: AdapterPayload, consumedAt: Date | string | null): AdapterPayload {
  return consumedAt ? { ...payload, consumed: Math.floor(new Date(consumedAt).getTime() / 1000) } : payload;
}

/** Deletes expired provider rows (run from time to time); returns how many went. */
export async function purgeExpired(db: Database): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    'with gone as (delete from identity.oidc_payload where expires_at < now() returning 1) select count(*) as n from gone',
  );
  return Number(rows[0]?.n ?? 0);
}
