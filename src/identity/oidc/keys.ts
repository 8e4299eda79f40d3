import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Database } from '../../db/index.ts';
import type { Clock } from '../../kernel/index.ts';
import { tables } from '../context.ts';

/** A signing key is used for 90 days, then stays published (to verify what it signed) for 30 more. */
export const KEY_ROTATION_DAYS = 90;
export const KEY_PUBLISHED_DAYS = 30;
const DAY_MS = 86_400_000;

/**
 * The ES256 signing keys of the provider, kept in the database so that every node signs with the same key.
 * Returns the JWKS to give the provider: the newest key first (it signs), then the older keys still
 * published. Makes a new key when the newest is older than the rotation period (or none exists) and retires
 * keys past their publication time.
 */
export async function signingKeys(db: Database, clock: Clock): Promise<{ keys: JWK[] }> {
  const now = clock.now();
  await db.transaction(async (tx) => {
    // One node at a time decides on rotation.
    await tx.query("select pg_advisory_xact_lock(hashtext('dancu.identity.signing_key'))");
    const live = await tables(tx)
      .selectFrom('identity.signing_key')
      .select('created_at')
      .where('retired_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!live || now.getTime() - live.created_at.getTime() >= KEY_ROTATION_DAYS * DAY_MS) {
      const jwk = await newSigningJwk();
      await tables(tx)
        .insertInto('identity.signing_key')
        .values({ kid: jwk.kid as string, private_jwk: JSON.stringify(jwk), created_at: now, retired_at: null })
        .execute();
    }
    const retireBefore = new Date(now.getTime() - (KEY_ROTATION_DAYS + KEY_PUBLISHED_DAYS) * DAY_MS);
    await tables(tx)
      .updateTable('identity.signing_key')
      .set({ retired_at: now })
      .where('retired_at', 'is', null)
      .where('created_at', '<', retireBefore)
      .execute();
  });
  const rows = await tables(db)
    .selectFrom('identity.signing_key')
    .select('private_jwk')
    .where('retired_at', 'is', null)
    .orderBy('created_at', 'desc')
    .execute();
  return {
    keys: rows.map(
      (row) => (typeof row.private_jwk === 'string' ? JSON.parse(row.private_jwk) : row.private_jwk) as JWK,
    ),
  };
}

/** Forces a new signing key now (`dancu keys rotate`); the previous key stays published. */
export async function rotateSigningKey(db: Database, clock: Clock): Promise<string> {
  const jwk = await newSigningJwk();
  await tables(db)
    .insertInto('identity.signing_key')
    .values({ kid: jwk.kid as string, private_jwk: JSON.stringify(jwk), created_at: clock.now(), retired_at: null })
    .execute();
  return jwk.kid as string;
}

async function newSigningJwk(): Promise<JWK> {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { ...jwk, kid, alg: 'ES256', use: 'sig' };
}
