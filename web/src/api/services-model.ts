/**
 * The shapes of the public services API (`/api/v1/services`, `/api/v1/dossiers`, `/api/v1/agency`,
 * `/api/v1/payments`, `/api/v1/notifications`), as src/services describes them.
 */

/** A text in both languages of the app. */
export interface Localized {
  readonly vi: string;
  readonly en: string;
}

export type FieldType = 'text' | 'textarea' | 'date' | 'select' | 'checkbox' | 'number' | 'personalId' | 'commune';

/** Trường biểu mẫu — one field of a procedure's e-form, or of a step's decision. */
export interface FormField {
  readonly name: string;
  readonly type: FieldType;
  readonly required: boolean;
  readonly maxLength?: number;
  readonly options?: readonly { readonly value: string; readonly label: Localized }[];
  readonly label: Localized;
  /** A fact the registry pre-fills, which the applicant cannot change. */
  readonly readOnly?: boolean;
}

export interface ProcedureDocument {
  readonly kind: string;
  readonly name: Localized;
  readonly required: boolean;
}

/** One agency's part of a procedure (of an interlinked group, one component procedure). */
export interface ProcedureStep {
  readonly name: string;
  readonly title: Localized;
  readonly agency: string;
  readonly agencyName: Localized;
  readonly level: 'commune' | 'province';
  readonly limitDays: number;
  /** The applicant may leave the step out (the death group's component procedures). */
  readonly optional?: boolean;
  /** Steps that must be done first. */
  readonly after: readonly string[];
  readonly decisionFields?: readonly FormField[];
}

/** Thủ tục hành chính — a procedure of the catalogue. */
export interface Procedure {
  readonly code: string;
  readonly name: Localized;
  readonly description: Localized;
  /** An interlinked group (liên thông): one e-form, several agencies. */
  readonly group: boolean;
  /** The eID level the applicant signs in with. */
  readonly level: 1 | 2;
  readonly feeVnd: number;
  readonly limitDays: number;
  /** The fewest steps of a group an applicant may choose (the death group: 2). */
  readonly minSteps?: number;
  readonly documents: readonly ProcedureDocument[];
  readonly steps: readonly ProcedureStep[];
  readonly fields: readonly FormField[];
}

/** An e-form's values by field name. */
export type FormValues = Readonly<Record<string, string | number | boolean | null>>;

export type DossierState =
  | 'awaiting_payment'
  | 'received'
  | 'in_progress'
  | 'supplement_requested'
  | 'done'
  | 'refused'
  | 'withdrawn';

export type StepState =
  | 'waiting'
  | 'pending'
  | 'claimed'
  | 'supplement_requested'
  | 'done'
  | 'refused'
  | 'skipped'
  | 'cancelled'
  | 'compensated';

export type PaymentState = 'due' | 'pending' | 'paid' | 'refunded' | 'exempt';

export interface DossierPayment {
  readonly state: PaymentState;
  readonly amountVnd: number;
  /** Why no fee is due (a province's exemption for level-2 accounts). */
  readonly exemption: Localized | null;
  readonly receiptNumber: string | null;
  readonly paidAt: string | null;
}

/** Yêu cầu bổ sung — what an agency asked the applicant to add, and by when. */
export interface DossierSupplement {
  readonly reason: string;
  readonly documents: readonly string[];
  /** The step that asked. */
  readonly step: string;
  readonly requestedAt: string;
  readonly dueOn: string;
}

export interface DossierStep {
  readonly name: string;
  readonly title: Localized;
  readonly agency: string;
  readonly agencyName: Localized;
  readonly state: StepState;
  readonly dueOn: string | null;
  readonly overdue: boolean;
  readonly claimedBy: string | null;
  /** The account of the officer holding the step. */
  readonly claimedById: string | null;
  readonly completedAt: string | null;
  /** What the step produced (the child's personal ID number, the health insurance card number, …). */
  readonly result: Readonly<Record<string, unknown>> | null;
}

export interface DossierEvent {
  readonly at: string;
  readonly kind: string;
  readonly step: string | null;
  readonly state: string | null;
  readonly actorName: string | null;
  readonly note: string | null;
}

/** Hồ sơ — one application and its way through the agencies. */
export interface Dossier {
  readonly id: string;
  readonly receiptCode: string;
  readonly procedureCode: string;
  readonly procedureName: Localized;
  readonly state: DossierState;
  readonly applicantName: string;
  readonly communeId: string;
  readonly submittedAt: string;
  /** When the agencies received it (after the fee was paid, when one is due). */
  readonly receivedAt: string | null;
  readonly dueOn: string | null;
  readonly overdue: boolean;
  readonly form: FormValues;
  readonly payment: DossierPayment | null;
  readonly supplement: DossierSupplement | null;
  readonly steps: readonly DossierStep[];
  readonly history: readonly DossierEvent[];
}

export interface DossierSummary {
  readonly id: string;
  readonly receiptCode: string;
  readonly procedureCode: string;
  readonly procedureName: Localized;
  readonly state: DossierState;
  readonly submittedAt: string;
  readonly dueOn: string | null;
  readonly overdue: boolean;
}

export interface Notification {
  readonly id: number;
  readonly dossierId: string;
  readonly title: string;
  readonly body: string;
  readonly createdAt: string;
  readonly readAt: string | null;
}

/** One step waiting at the officer's agency. */
export interface QueueItem {
  readonly dossierId: string;
  readonly receiptCode: string;
  readonly procedureCode: string;
  readonly procedureName: Localized;
  readonly step: string;
  readonly stepTitle: Localized;
  readonly state: StepState;
  readonly receivedAt: string | null;
  readonly dueOn: string | null;
  readonly overdue: boolean;
  readonly workingDaysLeft: number | null;
  readonly claimedBy: string | null;
  readonly communeId: string | null;
}

export interface SandboxPayment {
  readonly paymentId: string;
  readonly amountVnd: number;
  readonly merchant: string;
  readonly description: string;
  readonly state: 'pending' | 'paid' | 'cancelled' | 'refunded';
  readonly dossierId: string;
}
