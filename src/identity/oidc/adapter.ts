import type { Adapter, AdapterPayload } from 'oidc-provider';
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

/**
 * The storage of the OpenID provider (its adapter contract) in `identity.oidc_payload`, the same on PGlite
 * and PostgreSQL. Expired rows are invisible at once and deleted by {@link purgeExpired}. Clients are not
 * stored here: they live in `identity.oidc_client` (see clients.ts).
 */
export function postgresAdapter(db: Database, findClient: (id: string) => Promise<AdapterPayload | undefined>) {
  return class PostgresAdapter implements Adapter {
    constructor(readonly model: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
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
      return this.#one('id = $2', id);
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return this.#one('uid = $2', uid);
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return this.#one('user_code = $2', userCode);
    }

    async consume(id: string): Promise<void> {
      await db.query('update identity.oidc_payload set consumed_at = now() where model = $1 and id = $2', [
        this.model,
        id,
      ]);
    }

    async destroy(id: string): Promise<void> {
      await db.query('delete from identity.oidc_payload where model = $1 and id = $2', [this.model, id]);
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await db.query('delete from identity.oidc_payload where grant_id = $1', [grantId]);
    }

    async #one(where: string, value: string): Promise<AdapterPayload | undefined> {
      const { rows } = await db.query<PayloadRow>(
        `select payload, consumed_at from identity.oidc_payload
         where model = $1 and ${where} and (expires_at is null or expires_at > now())`,
        [this.model, value],
      );
      const row = rows[0];
      if (!row) return undefined;
      return row.consumed_at
        ? { ...row.payload, consumed: Math.floor(new Date(row.consumed_at).getTime() / 1000) }
        : row.payload;
    }
  };
}

/** Deletes expired provider rows (run from time to time); returns how many went. */
export async function purgeExpired(db: Database): Promise<number> {
  const { rows } = await db.query<{ n: string }>(
    'with gone as (delete from identity.oidc_payload where expires_at < now() returning 1) select count(*) as n from gone',
  );
  return Number(rows[0]?.n ?? 0);
}
