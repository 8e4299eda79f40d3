/** The only code that touches the `verification` tables. */
import type { Generated, Kysely, Selectable } from 'kysely';
import type { Database, NoTables, Tx } from '../db/index.ts';
import type { CheckType, PartnerKind, PartnerStatus } from './model.ts';

interface PartnerTable {
  id: string;
  name: string;
  kind: PartnerKind;
  client_id: string;
  status: PartnerStatus;
  created_at: Date;
  updated_at: Date;
}

interface PartnerEventTable {
  id: Generated<number>;
  partner_id: string;
  at: Date;
  actor_id: string;
  kind: 'created' | 'updated' | 'suspended' | 'reactivated' | 'contract_added' | 'staff_added' | 'staff_removed';
  details: string;
}

interface ContractTable {
  id: Generated<number>;
  partner_id: string;
  purposes: string[];
  check_types: CheckType[];
  online_price_vnd: number;
  batch_price_vnd: number;
  monthly_quota: number;
  rate_per_second: number;
  valid_from: string;
  valid_until: string | null;
  created_at: Date;
  created_by: string;
}

interface PartnerStaffTable {
  id: Generated<string>;
  partner_id: string;
  account_id: string;
  personal_id: string;
  granted_by: string;
  granted_at: Date;
  revoked_by: string | null;
  revoked_at: Date | null;
}

type VerificationTables = {
  'verification.partner': PartnerTable;
  'verification.partner_staff': PartnerStaffTable;
  'verification.partner_event': PartnerEventTable;
  'verification.contract': ContractTable;
};

export type PartnerRow = Selectable<PartnerTable>;
export type StaffRow = Selectable<PartnerStaffTable>;
export type ContractRow = Selectable<ContractTable>;
export type PartnerEventRow = Omit<Selectable<PartnerEventTable>, 'details'> & { details: Record<string, unknown> };
export type NewEvent = Omit<PartnerEventTable, 'id' | 'details'> & { details?: Record<string, unknown> };

function tables(on: Database | Tx | Kysely<NoTables>): Kysely<VerificationTables> {
  const kysely = 'kysely' in on ? on.kysely : on;
  return kysely.withTables<VerificationTables>();
}

export const store = {
  async findPartner(on: Database | Tx, id: string, lock = false): Promise<PartnerRow | undefined> {
    let query = tables(on).selectFrom('verification.partner').selectAll().where('id', '=', id);
    if (lock) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  async findPartnerByClient(on: Database | Tx, clientId: string): Promise<PartnerRow | undefined> {
    return tables(on)
      .selectFrom('verification.partner')
      .selectAll()
      .where('client_id', '=', clientId)
      .executeTakeFirst();
  },

  async listPartners(on: Database | Tx): Promise<PartnerRow[]> {
    return tables(on).selectFrom('verification.partner').selectAll().orderBy('id').execute();
  },

  /** Inserts unless the id or the client is taken; true when inserted. */
  async insertPartner(tx: Tx, row: PartnerTable): Promise<boolean> {
    const inserted = await tables(tx)
      .insertInto('verification.partner')
      .values(row)
      .onConflict((conflict) => conflict.doNothing())
      .returning('id')
      .executeTakeFirst();
    return inserted !== undefined;
  },

  async updatePartner(
    tx: Tx,
    id: string,
    changes: Partial<Pick<PartnerTable, 'name' | 'kind' | 'status'>> & { updated_at: Date },
  ): Promise<void> {
    await tables(tx).updateTable('verification.partner').set(changes).where('id', '=', id).execute();
  },

  async insertEvent(tx: Tx, event: NewEvent): Promise<void> {
    await tables(tx)
      .insertInto('verification.partner_event')
      .values({ ...event, details: JSON.stringify(event.details ?? {}) })
      .execute();
  },

  async events(on: Database | Tx, partnerId: string): Promise<PartnerEventRow[]> {
    const rows = await tables(on)
      .selectFrom('verification.partner_event')
      .selectAll()
      .where('partner_id', '=', partnerId)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      ...row,
      details: (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as Record<string, unknown>,
    }));
  },

  async insertContract(tx: Tx, row: Omit<ContractTable, 'id'>): Promise<ContractRow> {
    return tables(tx).insertInto('verification.contract').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /** The partner's contracts, oldest first. */
  async contracts(on: Database | Tx, partnerId: string): Promise<ContractRow[]> {
    return tables(on)
      .selectFrom('verification.contract')
      .selectAll()
      .where('partner_id', '=', partnerId)
      .orderBy('valid_from')
      .orderBy('id')
      .execute();
  },

  async insertStaff(
    tx: Tx,
    row: Pick<StaffRow, 'partner_id' | 'account_id' | 'personal_id' | 'granted_by' | 'granted_at'>,
  ): Promise<StaffRow> {
    return tables(tx).insertInto('verification.partner_staff').values(row).returningAll().executeTakeFirstOrThrow();
  },

  /** Ends a current membership; false when the partner has none with this id. */
  async revokeStaff(tx: Tx, partnerId: string, id: number, by: string, at: Date): Promise<boolean> {
    const row = await tables(tx)
      .updateTable('verification.partner_staff')
      .set({ revoked_by: by, revoked_at: at })
      .where('id', '=', String(id))
      .where('partner_id', '=', partnerId)
      .where('revoked_at', 'is', null)
      .returning('id')
      .executeTakeFirst();
    return row !== undefined;
  },

  async staff(on: Database | Tx, partnerId: string): Promise<StaffRow[]> {
    return tables(on)
      .selectFrom('verification.partner_staff')
      .selectAll()
      .where('partner_id', '=', partnerId)
      .where('revoked_at', 'is', null)
      .orderBy('id')
      .execute();
  },

  async partnerOfStaff(on: Database | Tx, accountId: string): Promise<string | undefined> {
    const row = await tables(on)
      .selectFrom('verification.partner_staff')
      .select('partner_id')
      .where('account_id', '=', accountId)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row?.partner_id;
  },
};
