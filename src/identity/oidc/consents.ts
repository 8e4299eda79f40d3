import type { Database } from '../../db/index.ts';
import { DomainError } from '../../kernel/index.ts';
import { tables } from '../context.ts';
import { SCOPE_LABELS } from './claims.ts';
import { type ClientRegistry, WEB_CLIENT_ID } from './clients.ts';

export interface ConsentView {
  readonly grantId: string;
  readonly clientId: string;
  readonly clientName: string;
  readonly organisation: string;
  readonly purpose: string;
  readonly scopes: Array<{ scope: string; vi: string; en: string }>;
  readonly grantedAt: string | null;
}

interface GrantPayload {
  clientId: string;
  accountId: string;
  iat?: number;
  openid?: { scope?: string };
}

/** The live grant a citizen gave a client, if any (one per client: a new consent extends it). */
export async function findGrantId(db: Database, accountId: string, clientId: string): Promise<string | undefined> {
  const { rows } = await db.query<{ id: string }>(
    `select id from identity.oidc_payload
     where model = 'Grant' and account_id = $1 and payload->>'clientId' = $2 and (expires_at is null or expires_at > now())
     order by id limit 1`,
    [accountId, clientId],
  );
  return rows[0]?.id;
}

/** The apps a citizen let see their data (grants of the provider), the web app itself left out. */
export async function listConsents(db: Database, clients: ClientRegistry, accountId: string): Promise<ConsentView[]> {
  const rows = await tables(db)
    .selectFrom('identity.oidc_payload')
    .select(['id', 'payload'])
    .where('model', '=', 'Grant')
    .where('account_id', '=', accountId)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', new Date())]))
    .execute();
  const views: ConsentView[] = [];
  for (const row of rows) {
    const grant = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as GrantPayload;
    if (grant.clientId === WEB_CLIENT_ID) continue;
    const client = await clients.get(grant.clientId).catch(() => undefined);
    const scopes = (grant.openid?.scope ?? '').split(' ').filter((scope) => SCOPE_LABELS[scope]);
    views.push({
      grantId: row.id,
      clientId: grant.clientId,
      clientName: client?.name ?? grant.clientId,
      organisation: client?.organisation ?? '',
      purpose: client?.purpose ?? '',
      scopes: scopes.map((scope) => ({ scope, ...(SCOPE_LABELS[scope] as { vi: string; en: string }) })),
      grantedAt: grant.iat ? new Date(grant.iat * 1000).toISOString() : null,
    });
  }
  return views.sort((a, b) => a.clientName.localeCompare(b.clientName, 'vi'));
}

/**
 * Withdraws a consent: the grant goes, with every code, access token and refresh token issued under it, so the
 * app gets nothing more until the citizen consents again.
 * @throws DomainError CONSENT_NOT_FOUND
 */
export async function revokeConsent(db: Database, accountId: string, grantId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const gone = await tables(tx)
      .deleteFrom('identity.oidc_payload')
      .where('model', '=', 'Grant')
      .where('id', '=', grantId)
      .where('account_id', '=', accountId)
      .returning('id')
      .executeTakeFirst();
    if (!gone) throw new DomainError('CONSENT_NOT_FOUND', 'You gave no consent with this identifier.');
    await tables(tx).deleteFrom('identity.oidc_payload').where('grant_id', '=', grantId).execute();
  });
}
