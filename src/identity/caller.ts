import { DomainError } from '../kernel/index.ts';
import type { Actor, AdminUnits } from '../registry/index.ts';
import type { Acr, Agency, RoleAssignment } from './model.ts';

/** Who is calling: an account signed in through the web app, or the bootstrap token of first setup. */
export interface Caller {
  readonly actor: Actor;
  /** The eID account; absent for the bootstrap token. */
  readonly accountId?: string;
  readonly personalId?: string;
  readonly acr?: Acr;
  readonly roles: readonly RoleAssignment[];
  readonly via: 'session' | 'token';
}

/** Whether the caller is an administrator. */
export function isAdmin(caller: Caller): boolean {
  return caller.roles.some((role) => role.role === 'admin');
}

/**
 * The caller's officer roles of an agency (all agencies when none is named).
 * @throws DomainError FORBIDDEN when the caller holds none
 */
export function officerRoles(caller: Caller, agency?: Agency): RoleAssignment[] {
  const roles = caller.roles.filter((role) => role.role === 'officer' && (!agency || role.agency === agency));
  if (roles.length === 0) {
    throw new DomainError(
      'FORBIDDEN',
      agency ? `Only officers of ${agency} may do this.` : 'Only officers may do this.',
    );
  }
  return roles;
}

/**
 * Refuses an act of an officer outside their jurisdiction: the commune (a 2025 commune) must be theirs, or lie
 * in their province.
 * @throws DomainError FORBIDDEN (not an officer of the agency), OUTSIDE_JURISDICTION
 */
export async function assertJurisdiction(
  units: AdminUnits,
  caller: Caller,
  agency: Agency,
  communeIds: readonly string[],
): Promise<RoleAssignment> {
  const roles = officerRoles(caller, agency);
  for (const communeId of communeIds) {
    const direct = roles.find((role) => role.communeId === communeId);
    if (direct) return direct;
    const commune = await units.findCommune(communeId);
    const byProvince = commune && roles.find((role) => role.provinceId === commune.provinceId);
    if (byProvince) return byProvince;
  }
  throw new DomainError('OUTSIDE_JURISDICTION', 'The person does not live in your jurisdiction.');
}
