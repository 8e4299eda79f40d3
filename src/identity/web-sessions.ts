import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/index.ts';
import type { Clock } from '../kernel/index.ts';
import { tables } from './context.ts';

/** A web session lasts 8 hours from sign-in. */
export const WEB_SESSION_TTL_MS = 8 * 3600_000;

export interface WebSession {
  readonly accountId: string;
  readonly acr: string;
  readonly idToken: string;
  readonly csrfToken: string;
}

/**
 * Sessions of the platform's web app: an opaque token in an httpOnly cookie, stored only as a hash, with a
 * CSRF token that unsafe requests must echo in a header.
 */
export class WebSessions {
  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  async create(
    accountId: string,
    acr: string,
    idToken: string,
  ): Promise<{ token: string; csrfToken: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const now = this.clock.now();
    const expiresAt = new Date(now.getTime() + WEB_SESSION_TTL_MS);
    await tables(this.db)
      .insertInto('identity.web_session')
      .values({
        id_hash: digest(token),
        account_id: accountId,
        acr,
        id_token: idToken,
        csrf_token: csrfToken,
        created_at: now,
        expires_at: expiresAt,
      })
      .execute();
    return { token, csrfToken, expiresAt };
  }

  /** The live session of a cookie token whose account is active, or undefined. */
  async find(token: string): Promise<WebSession | undefined> {
    const row = await tables(this.db)
      .selectFrom('identity.web_session as s')
      .innerJoin('identity.account as a', 'a.id', 's.account_id')
      .select(['s.account_id', 's.acr', 's.id_token', 's.csrf_token'])
      .where('s.id_hash', '=', digest(token))
      .where('s.expires_at', '>', this.clock.now())
      .where('a.status', '=', 'active')
      .executeTakeFirst();
    return row
      ? { accountId: row.account_id, acr: row.acr, idToken: row.id_token, csrfToken: row.csrf_token }
      : undefined;
  }

  /** Ends a session; returns it (for the logout redirect) if it existed. */
  async destroy(token: string): Promise<WebSession | undefined> {
    const row = await tables(this.db)
      .deleteFrom('identity.web_session')
      .where('id_hash', '=', digest(token))
      .returningAll()
      .executeTakeFirst();
    return row
      ? { accountId: row.account_id, acr: row.acr, idToken: row.id_token, csrfToken: row.csrf_token }
      : undefined;
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
