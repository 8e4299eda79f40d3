import { createHash, randomBytes } from 'node:crypto';
import type { Database } from '../db/index.ts';
import type { Clock } from '../kernel/index.ts';
import { tables } from './context.ts';

/** A web session lasts 8 hours from sign-in. */
export const WEB_SESSION_TTL_MS = 8 * 3600_000;
/** A sign-in started must come back within 10 minutes. */
const LOGIN_TTL_MS = 10 * 60_000;

/** A sign-in of the web app in flight, between the redirect to the provider and the callback. */
export interface PendingLogin {
  readonly state: string;
  readonly codeVerifier: string;
  readonly nonce: string;
  readonly returnTo: string;
}

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

  /** Keeps what the callback of a sign-in will need (PKCE verifier, state, nonce, where to return). */
  async startLogin(login: PendingLogin): Promise<void> {
    await tables(this.db)
      .insertInto('identity.web_login')
      .values({
        state: login.state,
        code_verifier: login.codeVerifier,
        nonce: login.nonce,
        return_to: login.returnTo,
        created_at: this.clock.now(),
      })
      .execute();
  }

  /** Takes the sign-in of a callback's `state` (once); undefined when unknown or older than 10 minutes. */
  async takeLogin(state: string): Promise<PendingLogin | undefined> {
    const row = await tables(this.db)
      .deleteFrom('identity.web_login')
      .where('state', '=', state)
      .returningAll()
      .executeTakeFirst();
    if (!row || row.created_at.getTime() < this.clock.now().getTime() - LOGIN_TTL_MS) return undefined;
    return { state: row.state, codeVerifier: row.code_verifier, nonce: row.nonce, returnTo: row.return_to };
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
