import { DomainError } from '../kernel/index.ts';
import type { Actor, AdminUnits } from '../registry/index.ts';
import { getAccountRow, type IdentityDeps, recordAccountEvent, tables } from './context.ts';
import type { Agency, RoleAssignment } from './model.ts';
import type { RoleAssignmentRow } from './tables.ts';

/** What an administrator grants. */
export interface RoleGrant {
  readonly role: 'officer' | 'admin';
  readonly agency?: Agency;
  /** A 2025 commune (`2025:00004`) or province (`2025:01`) of jurisdiction; officers need one. */
  readonly communeId?: string;
  readonly provinceId?: string;
}

/** Tên cơ quan — how an agency shows in "who accessed my data". */
export const AGENCY_NAMES: Record<Agency, string> = {
  police: 'Công an',
  civil_status: 'Tư pháp - Hộ tịch',
  social_insurance: 'Bảo hiểm xã hội',
  social_affairs: 'Văn hóa - Xã hội',
  justice: 'Sở Tư pháp',
};

/**
 * Gives a role to an account.
 * @throws DomainError ACCOUNT_NOT_FOUND, ROLE_INVALID (officer without agency or jurisdiction, admin with one,
 *   a unit that is not a 2025 unit), ADMIN_UNIT_NOT_FOUND, ROLE_EXISTS
 */
export async function grantRole(
  deps: IdentityDeps & { units: AdminUnits },
  accountId: string,
  grant: RoleGrant,
  by: Actor,
): Promise<RoleAssignment> {
  const { communeId, provinceId } = await checkJurisdiction(deps.units, grant);
  return deps.db.transaction(async (tx) => {
    await getAccountRow(tx, accountId, true);
    const now = deps.clock.now();
    const live = await tables(tx)
      .selectFrom('identity.role_assignment')
      .select('id')
      .where('account_id', '=', accountId)
      .where('role', '=', grant.role)
      .where('agency', grant.agency ? '=' : 'is', grant.agency ?? null)
      .where('commune_id', communeId ? '=' : 'is', communeId)
      .where('province_id', provinceId ? '=' : 'is', provinceId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    if (live) throw new DomainError('ROLE_EXISTS', 'The account already holds this role.');
    const row = await tables(tx)
      .insertInto('identity.role_assignment')
      .values({
        account_id: accountId,
        role: grant.role,
        agency: grant.agency ?? null,
        commune_id: communeId,
        province_id: provinceId,
        granted_by: by.id,
        granted_at: now,
        revoked_by: null,
        revoked_at: null,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordAccountEvent(tx, now, {
      accountId,
      kind: 'role_granted',
      actorId: by.id,
      details: { roleId: Number(row.id), role: grant.role },
    });
    return roleView(row);
  });
}

/** Takes a role back. @throws DomainError ROLE_NOT_FOUND */
export async function revokeRole(deps: IdentityDeps, roleId: number, by: Actor): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    const row = await tables(tx)
      .updateTable('identity.role_assignment')
      .set({ revoked_at: now, revoked_by: by.id })
      .where('id', '=', String(roleId))
      .where('revoked_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!row) throw new DomainError('ROLE_NOT_FOUND', 'No live role has this identifier.');
    await recordAccountEvent(tx, now, {
      accountId: row.account_id,
      kind: 'role_revoked',
      actorId: by.id,
      details: { roleId },
    });
  });
}

/** The live roles of an account. */
export async function rolesOf(deps: Pick<IdentityDeps, 'db'>, accountId: string): Promise<RoleAssignment[]> {
  const rows = await tables(deps.db)
    .selectFrom('identity.role_assignment')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(roleView);
}

/** Every live role, for the administrators' list. */
export async function listRoles(
  deps: Pick<IdentityDeps, 'db'>,
): Promise<Array<RoleAssignment & { accountId: string; personalId: string }>> {
  const rows = await tables(deps.db)
    .selectFrom('identity.role_assignment as r')
    .innerJoin('identity.account as a', 'a.id', 'r.account_id')
    .selectAll('r')
    .select('a.personal_id')
    .where('r.revoked_at', 'is', null)
    .orderBy('r.id')
    .limit(1000)
    .execute();
  return rows.map((row) => ({ ...roleView(row), accountId: row.account_id, personalId: row.personal_id }));
}

export function roleView(row: Omit<RoleAssignmentRow, 'id'> & { id: string | number }): RoleAssignment {
  return {
    id: Number(row.id),
    role: row.role,
    agency: row.agency,
    provinceId: row.province_id,
    communeId: row.commune_id,
    grantedBy: row.granted_by,
    grantedAt: row.granted_at.toISOString(),
  };
}

async function checkJurisdiction(
  units: AdminUnits,
  grant: RoleGrant,
): Promise<{ communeId: string | null; provinceId: string | null }> {
  if (grant.role === 'admin') {
    if (grant.agency || grant.communeId || grant.provinceId) {
      throw new DomainError('ROLE_INVALID', 'An administrator role has no agency or jurisdiction.');
    }
    return { communeId: null, provinceId: null };
  }
  if (!grant.agency) throw new DomainError('ROLE_INVALID', 'An officer role names its agency.');
  if (Boolean(grant.communeId) === Boolean(grant.provinceId)) {
    throw new DomainError('ROLE_INVALID', 'An officer role has one jurisdiction: a commune or a province.');
  }
  if (grant.communeId) {
    const commune = await units.getCommune(grant.communeId);
    if (commune.era !== '2025' || commune.validTo !== null) {
      throw new DomainError('ROLE_INVALID', 'A jurisdiction is a commune in force since 1 July 2025.');
    }
    return { communeId: commune.id, provinceId: null };
  }
  const province = await units.getProvince(grant.provinceId as string);
  if (province.era !== '2025')
    throw new DomainError('ROLE_INVALID', 'A jurisdiction is a province in force since 1 July 2025.');
  return { communeId: null, provinceId: province.id };
}
