/** The services module's tables, for Kysely (see migrations/). */
import type { Generated, Selectable } from 'kysely';
import type { Agency } from '../identity/index.ts';
import type { DossierState, Form, StepState } from './model.ts';

export interface DossierTable {
  id: string;
  receipt_code: string;
  procedure_code: string;
  applicant_account_id: string;
  applicant_personal_id: string;
  applicant_name: string;
  subject_personal_id: string | null;
  commune_id: string;
  province_id: string;
  form: Form;
  state: DossierState;
  limit_days: number;
  fee_vnd: number;
  fee_exemption: string | null;
  submitted_at: Date;
  received_at: Date | null;
  counted_from: string | null;
  due_on: string | null;
  supplement_reason: string | null;
  supplement_documents: string[] | null;
  supplement_step: string | null;
  supplement_requested_at: Date | null;
  supplement_due_on: string | null;
  closed_at: Date | null;
}

export interface StepTable {
  dossier_id: string;
  name: string;
  position: number;
  agency: Agency;
  commune_id: string | null;
  province_id: string;
  after_steps: string[];
  limit_days: number;
  state: StepState;
  counted_from: string | null;
  due_on: string | null;
  claimed_by: string | null;
  claimed_by_name: string | null;
  claimed_at: Date | null;
  decided_by: string | null;
  completed_at: Date | null;
  result: Record<string, unknown> | null;
}

export interface HistoryTable {
  id: Generated<number>;
  dossier_id: string;
  at: Date;
  kind: string;
  step: string | null;
  state: DossierState;
  actor_id: string;
  actor_name: string | null;
  note: string | null;
  details: Record<string, unknown>;
}

export interface PaymentTable {
  id: string;
  dossier_id: string;
  provider: string;
  amount_vnd: number;
  state: 'pending' | 'paid' | 'cancelled' | 'refunded';
  created_at: Date;
  provider_reference: string | null;
  paid_at: Date | null;
  receipt_number: string | null;
  refunded_at: Date | null;
}

export interface NotificationTable {
  id: Generated<number>;
  account_id: string;
  dossier_id: string;
  title: string;
  body: string;
  created_at: Date;
  read_at: Date | null;
}

export interface HealthInsuranceCardTable {
  card_number: string;
  social_insurance_code: string;
  personal_id: string;
  valid_from: string;
  valid_to: string;
  first_care_facility: string | null;
  issued_at: Date;
  dossier_id: string;
}

export type ServicesTables = {
  'services.dossier': DossierTable;
  'services.dossier_step': StepTable;
  'services.dossier_history': HistoryTable;
  'services.payment': PaymentTable;
  'services.notification': NotificationTable;
  'services.health_insurance_card': HealthInsuranceCardTable;
};

export type DossierRow = Selectable<DossierTable>;
export type StepRow = Selectable<StepTable>;
export type HistoryRow = Selectable<HistoryTable>;
export type PaymentRow = Selectable<PaymentTable>;
export type NotificationRow = Selectable<NotificationTable>;
export type HealthInsuranceCardRow = Selectable<HealthInsuranceCardTable>;
export type NewHistory = Omit<HistoryTable, 'id' | 'details'> & { details?: Record<string, unknown> };
