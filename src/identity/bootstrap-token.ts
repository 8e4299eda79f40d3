import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Generated } from 'kysely';
import { type Database, sqlState } from '../db/index.ts';
import { type Clock, DomainError } from '../kernel/index.ts';

type BootstrapTables = {
  'identity.bootstrap_token': {
    id: Generated<number>;
    token_hash: Buffer;
    created_at: Date;
    revoked_at: Date | null;
  };
};

/** What a valid bootstrap token stands for. */
export const BOOTSTRAP_ADMIN = { id: 'bootstrap-admin', kind: 'admin', name: 'Quản trị khởi tạo' } as const;

const PREFIX = 'dancu_bt_';
/**
 * How long a verified token is trusted without asking the database again. Keeps the database off the hot
 * path of every request; a reset on another node takes effect within this time.
 */
const TRUST_MS = 10_000;

/**
 * The bootstrap administrator token (first setup only). Only its SHA-256 is stored; the token itself is
 * shown once, when it is made.
 */
export class BootstrapTokens {
  readonly #trusted = new Map<string, number>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  private get tables() {
    return this.db.kysely.withTables<BootstrapTables>();
  }

  /** Makes the token when none is live and returns it (to print once); returns undefined when one exists. */
  async ensure(): Promise<string | undefined> {
    const live = await this.tables
      .selectFrom('identity.bootstrap_token')
      .select('id')
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return live ? undefined : this.issue();
  }

  /** Revokes the live token and makes a new one (`dancu bootstrap-token --reset`). */
  async reset(): Promise<string> {
    this.#trusted.clear();
    return this.db.transaction(async (tx) => {
      await tx.kysely
        .withTables<BootstrapTables>()
        .updateTable('identity.bootstrap_token')
        .set({ revoked_at: this.clock.now() })
        .where('revoked_at', 'is', null)
        .execute();
      const token = newToken();
      await tx.kysely
        .withTables<BootstrapTables>()
        .insertInto('identity.bootstrap_token')
        .values({ token_hash: hash(token), created_at: this.clock.now(), revoked_at: null })
        .execute();
      return token;
    });
  }

  /**
   * Checks a presented token.
   * @throws DomainError UNAUTHENTICATED when it is not the live token
   */
  async verify(presented: string): Promise<typeof BOOTSTRAP_ADMIN> {
    if (presented.startsWith(PREFIX)) {
      const key = hash(presented).toString('hex');
      const until = this.#trusted.get(key);
      if (until !== undefined && until > this.clock.now().getTime()) return BOOTSTRAP_ADMIN;
      this.#trusted.delete(key);
      const rows = await this.tables
        .selectFrom('identity.bootstrap_token')
        .select('token_hash')
        .where('revoked_at', 'is', null)
        .execute();
      const digest = hash(presented);
      if (rows.some((row) => timingSafeEqual(Buffer.from(row.token_hash), digest))) {
        this.#trusted.set(key, this.clock.now().getTime() + TRUST_MS);
        return BOOTSTRAP_ADMIN;
      }
    }
    throw new DomainError('UNAUTHENTICATED', 'The access token is not valid.');
  }

  private async issue(): Promise<string | undefined> {
    const token = newToken();
    try {
      await this.tables
        .insertInto('identity.bootstrap_token')
        .values({ token_hash: hash(token), created_at: this.clock.now(), revoked_at: null })
        .execute();
      return token;
    } catch (error) {
      // Another node made it first (the unique live index refused ours): that node prints it.
      if (sqlState(error) === '23505') return undefined;
      throw error;
    }
  }
}

function newToken(): string {
  return `${PREFIX}${randomBytes(32).toString('base64url')}`;
}

function hash(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
