/** The only code that touches the `services` tables (see migrations/). */
import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import type { Database, NoTables, Tx } from '../db/index.ts';
import type { Agency } from '../identity/index.ts';
import type { Form, StepState } from './model.ts';
import type {
  DossierRow,
  DossierTable,
  HealthInsuranceCardRow,
  HealthInsuranceCardTable,
  HistoryRow,
  NewHistory,
  NotificationRow,
  NotificationTable,
  PaymentRow,
  PaymentTable,
  ServicesTables,
  StepRow,
  StepTable,
} from './tables.ts';

export type { DossierRow, HistoryRow, NotificationRow, PaymentRow, StepRow } from './tables.ts';

/** Open steps: in an agency's queue. */
export const OPEN_STEP_STATES: readonly StepState[] = ['pending', 'claimed', 'supplement_requested'];

export function tables(on: Database | Tx): Kysely<ServicesTables> {
  return (on.kysely as Kysely<NoTables>).withTables<ServicesTables>();
}

/** jsonb values are written as JSON text (the same on both engines). */
const json = (value: unknown) => JSON.stringify(value);

/** Columns of `timestamptz` type, which JSON gives as text. */
const INSTANTS = new Set([
  'submitted_at',
  'received_at',
  'supplement_requested_at',
  'closed_at',
  'claimed_at',
  'completed_at',
  'at',
  'created_at',
  'paid_at',
  'refunded_at',
]);

function revive<T>(row: Record<string, unknown>): T {
  for (const [key, value] of Object.entries(row)) {
    if (INSTANTS.has(key) && typeof value === 'string') row[key] = new Date(value);
  }
  return row as T;
}

const DOSSIER_WITH_PARTS = `
  select to_jsonb(d) as dossier,
    (select coalesce(jsonb_agg(to_jsonb(s) order by s.position), '[]'::jsonb)
       from services.dossier_step s where s.dossier_id = d.id) as steps,
    (select coalesce(jsonb_agg(to_jsonb(h) order by h.id), '[]'::jsonb)
       from services.dossier_history h where h.dossier_id = d.id) as history,
    (select coalesce(jsonb_agg(to_jsonb(p) order by p.created_at), '[]'::jsonb)
       from services.payment p where p.dossier_id = d.id) as payments
  from services.dossier d where d.id = $1`;

export const store = {
  /**
   * A dossier with its steps, history and payments, in one statement (the answer to every change reads it, so
   * one round trip instead of four).
   */
  async dossierWithParts(
    on: Database | Tx,
    id: string,
  ): Promise<{ dossier: DossierRow; steps: StepRow[]; history: HistoryRow[]; payments: PaymentRow[] } | undefined> {
    const { rows } = await on.query<{ dossier: object; steps: object[]; history: object[]; payments: object[] }>(
      DOSSIER_WITH_PARTS,
      [id],
    );
    const row = rows[0];
    if (!row) return undefined;
    const parse = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T;
    return {
      dossier: revive<DossierRow>(parse(row.dossier)),
      steps: parse<Record<string, unknown>[]>(row.steps).map((step) => revive<StepRow>(step)),
      history: parse<Record<string, unknown>[]>(row.history).map((line) => revive<HistoryRow>(line)),
      payments: parse<Record<string, unknown>[]>(row.payments).map((payment) => revive<PaymentRow>(payment)),
    };
  },

  async nextReceiptNumber(tx: Tx): Promise<number> {
    const { rows } = await tx.query<{ n: number }>("select nextval('services.receipt_seq')::int8 as n");
    return Number(rows[0]?.n);
  },

  async insertDossier(tx: Tx, row: DossierTable): Promise<void> {
    await tables(tx)
      .insertInto('services.dossier')
      .values({
        ...row,
        form: json(row.form) as unknown as Form,
        supplement_documents: row.supplement_documents && (json(row.supplement_documents) as unknown as string[]),
      })
      .execute();
  },

  async findDossier(on: Database | Tx, id: string, lock = false): Promise<DossierRow | undefined> {
    let query = tables(on).selectFrom('services.dossier').selectAll().where('id', '=', id);
    if (lock) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  async updateDossier(tx: Tx, id: string, changes: Partial<Omit<DossierTable, 'id'>>): Promise<void> {
    const values: Record<string, unknown> = { ...changes };
    if (changes.form) values.form = json(changes.form);
    if (changes.supplement_documents) values.supplement_documents = json(changes.supplement_documents);
    await tables(tx).updateTable('services.dossier').set(values).where('id', '=', id).execute();
  },

  async dossiersOf(on: Database | Tx, accountId: string, limit: number): Promise<DossierRow[]> {
    return tables(on)
      .selectFrom('services.dossier')
      .selectAll()
      .where('applicant_account_id', '=', accountId)
      .orderBy('submitted_at', 'desc')
      .limit(limit)
      .execute();
  },

  async insertSteps(tx: Tx, rows: readonly StepTable[]): Promise<void> {
    if (rows.length === 0) return;
    await tables(tx)
      .insertInto('services.dossier_step')
      .values(rows.map((row) => ({ ...row, result: row.result && (json(row.result) as unknown as null) })))
      .execute();
  },

  async stepsOf(on: Database | Tx, dossierId: string, lock = false): Promise<StepRow[]> {
    let query = tables(on)
      .selectFrom('services.dossier_step')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .orderBy('position');
    if (lock) query = query.forUpdate();
    return query.execute();
  },

  async updateStep(tx: Tx, dossierId: string, name: string, changes: Partial<StepTable>): Promise<void> {
    const values: Record<string, unknown> = { ...changes };
    if (changes.result) values.result = json(changes.result);
    await tables(tx)
      .updateTable('services.dossier_step')
      .set(values)
      .where('dossier_id', '=', dossierId)
      .where('name', '=', name)
      .execute();
  },

  async appendHistory(tx: Tx, entry: NewHistory): Promise<void> {
    await tables(tx)
      .insertInto('services.dossier_history')
      .values({ ...entry, details: json(entry.details ?? {}) as unknown as Record<string, unknown> })
      .execute();
  },

  async historyOf(on: Database | Tx, dossierId: string): Promise<HistoryRow[]> {
    return tables(on)
      .selectFrom('services.dossier_history')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .orderBy('id')
      .execute();
  },

  /**
   * Open steps of an agency in communes and provinces: a commune-level step is seen by the officers of its
   * commune and of its province; a province-level step by the province's officers.
   */
  async queue(
    on: Database | Tx,
    filter: {
      agency: Agency;
      communeIds: readonly string[];
      provinceIds: readonly string[];
      states: readonly StepState[];
    },
    limit: number,
  ): Promise<Array<StepRow & { receipt_code: string; procedure_code: string; received_at: Date | null }>> {
    if (filter.communeIds.length === 0 && filter.provinceIds.length === 0) return [];
    return tables(on)
      .selectFrom('services.dossier_step as s')
      .innerJoin('services.dossier as d', 'd.id', 's.dossier_id')
      .selectAll('s')
      .select(['d.receipt_code', 'd.procedure_code', 'd.received_at'])
      .where('s.agency', '=', filter.agency)
      .where('s.state', 'in', filter.states)
      .where((eb) => {
        const places = [];
        if (filter.communeIds.length > 0) places.push(eb('s.commune_id', 'in', filter.communeIds));
        if (filter.provinceIds.length > 0) places.push(eb('s.province_id', 'in', filter.provinceIds));
        return eb.or(places);
      })
      .orderBy(sql`s.due_on nulls last`)
      .orderBy('d.receipt_code')
      .limit(limit)
      .execute();
  },

  async dossiersAwaitingSupplementBefore(on: Database | Tx, day: string, limit: number): Promise<string[]> {
    const rows = await tables(on)
      .selectFrom('services.dossier')
      .select('id')
      .where('state', '=', 'supplement_requested')
      .where('supplement_due_on', '<', day)
      .orderBy('supplement_due_on')
      .limit(limit)
      .execute();
    return rows.map((row) => row.id);
  },

  async insertPayment(tx: Tx, row: PaymentTable): Promise<void> {
    await tables(tx).insertInto('services.payment').values(row).execute();
  },

  async findPayment(on: Database | Tx, id: string, lock = false): Promise<PaymentRow | undefined> {
    let query = tables(on).selectFrom('services.payment').selectAll().where('id', '=', id);
    if (lock) query = query.forUpdate();
    return query.executeTakeFirst();
  },

  async paymentsOf(on: Database | Tx, dossierId: string): Promise<PaymentRow[]> {
    return tables(on)
      .selectFrom('services.payment')
      .selectAll()
      .where('dossier_id', '=', dossierId)
      .orderBy('created_at')
      .execute();
  },

  async updatePayment(tx: Tx, id: string, changes: Partial<PaymentTable>): Promise<void> {
    await tables(tx).updateTable('services.payment').set(changes).where('id', '=', id).execute();
  },

  async insertNotification(tx: Tx, row: Omit<NotificationTable, 'id'>): Promise<void> {
    await tables(tx).insertInto('services.notification').values(row).execute();
  },

  async notificationsOf(on: Database | Tx, accountId: string, limit: number): Promise<NotificationRow[]> {
    return tables(on)
      .selectFrom('services.notification')
      .selectAll()
      .where('account_id', '=', accountId)
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },

  async markNotificationRead(on: Database | Tx, accountId: string, id: number, at: Date): Promise<boolean> {
    const result = await tables(on)
      .updateTable('services.notification')
      .set({ read_at: at })
      .where('id', '=', id)
      .where('account_id', '=', accountId)
      .where('read_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  async insertHealthInsuranceCard(tx: Tx, row: HealthInsuranceCardTable): Promise<boolean> {
    const result = await tables(tx)
      .insertInto('services.health_insurance_card')
      .values(row)
      .onConflict((conflict) => conflict.doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
  },

  async healthInsuranceCardsOf(on: Database | Tx, personalIds: readonly string[]): Promise<HealthInsuranceCardRow[]> {
    if (personalIds.length === 0) return [];
    return tables(on)
      .selectFrom('services.health_insurance_card')
      .selectAll()
      .where('personal_id', 'in', personalIds)
      .execute();
  },
};
