/**
 * Nhân viên đối tác — the members of a partner's staff: eID accounts an administrator lets use the partner
 * console. An account serves one partner at a time, so a signed-in member's partner is never ambiguous.
 */
import { type Database, sqlState } from '../db/index.ts';
import { type Clock, DomainError } from '../kernel/index.ts';
import type { PartnerStaffMember } from './model.ts';
import { store } from './store.ts';

export interface StaffDeps {
  readonly db: Database;
  readonly clock: Clock;
  /** The eID account of a person, if they have one (`Identity.accountIdOf`). */
  readonly accountIdOf: (personalId: string) => Promise<string | undefined>;
}

export class PartnerStaff {
  readonly #deps: StaffDeps;

  constructor(deps: StaffDeps) {
    this.#deps = deps;
  }

  /**
   * Makes the eID account of a person a member of the partner's staff.
   * @throws DomainError PARTNER_NOT_FOUND, ACCOUNT_NOT_FOUND, PARTNER_STAFF_EXISTS (already a member of this or
   *   another partner's staff)
   */
  async add(partnerId: string, personalId: string, by: string): Promise<PartnerStaffMember> {
    const accountId = await this.#deps.accountIdOf(personalId);
    if (!accountId) throw new DomainError('ACCOUNT_NOT_FOUND', 'This person has no eID account.');
    const now = this.#deps.clock.now();
    try {
      return await this.#deps.db.transaction(async (tx) => {
        if (!(await store.findPartner(tx, partnerId, true))) {
          throw new DomainError('PARTNER_NOT_FOUND', 'No partner has this id.', { id: partnerId });
        }
        const row = await store.insertStaff(tx, {
          partner_id: partnerId,
          account_id: accountId,
          personal_id: personalId,
          granted_by: by,
          granted_at: now,
        });
        await store.insertEvent(tx, {
          partner_id: partnerId,
          at: now,
          actor_id: by,
          kind: 'staff_added',
          details: { staffId: Number(row.id) },
        });
        return staffView(row);
      });
    } catch (error) {
      if (sqlState(error) === '23505') {
        throw new DomainError('PARTNER_STAFF_EXISTS', 'This account is already a member of a partner’s staff.');
      }
      throw error;
    }
  }

  /** Ends a membership. @throws DomainError PARTNER_STAFF_NOT_FOUND (also for another partner's member) */
  async remove(partnerId: string, staffId: number, by: string): Promise<void> {
    const now = this.#deps.clock.now();
    await this.#deps.db.transaction(async (tx) => {
      if (!(await store.revokeStaff(tx, partnerId, staffId, by, now))) {
        throw new DomainError('PARTNER_STAFF_NOT_FOUND', 'The partner has no current member with this id.');
      }
      await store.insertEvent(tx, {
        partner_id: partnerId,
        at: now,
        actor_id: by,
        kind: 'staff_removed',
        details: { staffId },
      });
    });
  }

  /** The partner's current members, in the order they were added. */
  async list(partnerId: string): Promise<PartnerStaffMember[]> {
    return (await store.staff(this.#deps.db, partnerId)).map(staffView);
  }

  /** The partner whose staff the account is a member of, if any. */
  async partnerOf(accountId: string): Promise<string | undefined> {
    return store.partnerOfStaff(this.#deps.db, accountId);
  }
}

function staffView(row: Awaited<ReturnType<typeof store.staff>>[number]): PartnerStaffMember {
  return {
    id: Number(row.id),
    accountId: row.account_id,
    personalId: row.personal_id,
    grantedBy: row.granted_by,
    grantedAt: row.granted_at.toISOString(),
  };
}
