import { apiGet, apiSend } from './client.ts';

/**
 * Administrators' work on verification partners (`/api/v1/admin/partners…`): partners, their contracts and
 * history, a month's usage and invoice. The shapes mirror src/verification/model.ts.
 */

const BASE = '/api/v1/admin/partners';

export const PARTNER_KINDS = ['bank', 'telecom', 'insurer', 'hospital', 'airport', 'university', 'other'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];
export type PartnerStatus = 'active' | 'suspended';

export const CHECK_TYPES = ['identity', 'card', 'phone', 'address'] as const;
export type CheckType = (typeof CHECK_TYPES)[number];

/** The purpose codes of the server's catalogue (src/verification/purposes.ts); labels are in the i18n files. */
export const PURPOSE_CODES = [
  'account_opening',
  'subscriber_check',
  'customer_data_cleaning',
  'loan_application',
  'transaction_authentication',
  'insurance_contract',
  'patient_admission',
  'boarding_check',
  'student_enrolment',
] as const;
export type PurposeCode = (typeof PURPOSE_CODES)[number];

/** Đối tác — an organisation that checks its customers' data against the registry. */
export interface Partner {
  readonly id: string;
  readonly name: string;
  readonly kind: PartnerKind;
  readonly clientId: string;
  readonly status: PartnerStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewPartner {
  /** Lower-case letters, digits and hyphens, 2 to 63 characters. */
  readonly id: string;
  readonly name: string;
  readonly kind: PartnerKind;
  /** An enabled machine client with scope `verification`. */
  readonly clientId: string;
}

/** Hợp đồng — the terms of a partner's access; prices in đồng. */
export interface Contract {
  readonly id: number;
  readonly purposes: readonly { readonly code: string; readonly label: string }[];
  readonly checkTypes: readonly CheckType[];
  readonly onlinePriceVnd: number;
  readonly batchPriceVnd: number;
  readonly monthlyQuota: number;
  readonly ratePerSecond: number;
  readonly validFrom: string;
  readonly validUntil: string | null;
  readonly createdAt: string;
}

export interface NewContract {
  readonly purposes: readonly PurposeCode[];
  readonly checkTypes: readonly CheckType[];
  readonly onlinePriceVnd: number;
  readonly batchPriceVnd: number;
  readonly monthlyQuota: number;
  readonly ratePerSecond: number;
  readonly validFrom: string;
  readonly validUntil?: string;
}

/** One change of a partner: `created`, `updated`, `suspended`, `reactivated`, `contract_added`. */
export interface PartnerEvent {
  readonly at: string;
  readonly actorId: string;
  readonly kind: string;
  readonly details: Readonly<Record<string, unknown>>;
}

export interface PartnerDetail {
  readonly partner: Partner;
  /** Oldest first. */
  readonly contracts: readonly Contract[];
  readonly history: readonly PartnerEvent[];
}

/** Through what checks came: the online check, or a batch job. */
export type UsageChannel = 'online' | 'batch';

/** Checks of one purpose, channel and combination of check types on one day (`YYYY-MM-DD`) or month. */
export interface UsageLine {
  readonly period: string;
  readonly purpose: string;
  readonly purposeLabel: string;
  readonly channel: UsageChannel;
  /** What each of these checks compared (empty for log entries that did not record it). */
  readonly checkTypes: readonly CheckType[];
  readonly checks: number;
}

export interface UsageReport {
  readonly partnerId: string;
  readonly month: string;
  readonly groupBy: 'day' | 'month';
  readonly lines: readonly UsageLine[];
  readonly total: number;
  /** The month's checks that compared each type (a check of several types counts under each). */
  readonly byCheckType: Readonly<Record<CheckType, number>>;
}

export interface InvoiceLine {
  readonly purpose: string;
  readonly purposeLabel: string;
  readonly channel: UsageChannel;
  readonly checkTypes: readonly CheckType[];
  readonly checks: number;
  readonly unitPriceVnd: number;
  readonly amountVnd: number;
}

/** Hóa đơn — a month's invoice in đồng. */
export interface Invoice {
  readonly partnerId: string;
  readonly partnerName: string;
  readonly month: string;
  readonly currency: 'VND';
  readonly lines: readonly InvoiceLine[];
  readonly totalVnd: number;
}

/** Nhân viên đối tác — a member of a partner's staff, who may use the partner console. */
export interface PartnerStaffMember {
  readonly id: number;
  readonly accountId: string;
  readonly personalId: string;
  readonly grantedBy: string;
  readonly grantedAt: string;
}

const one = (id: string) => `${BASE}/${encodeURIComponent(id)}`;

export const listPartners = (signal?: AbortSignal) => apiGet<{ items: Partner[] }>(BASE, { signal });

/** @throws ApiProblem PARTNER_NOT_FOUND, FORBIDDEN, UNAUTHENTICATED */
export const getPartner = (id: string, signal?: AbortSignal) => apiGet<PartnerDetail>(one(id), { signal });

/** @throws ApiProblem PARTNER_EXISTS, PARTNER_CLIENT_INVALID, CLIENT_NOT_FOUND, VALIDATION_FAILED */
export const createPartner = (partner: NewPartner) => apiSend<Partner>('POST', BASE, partner);

/**
 * Suspends (its checks are refused) or reactivates a partner; the reason goes into its history.
 * @throws ApiProblem PARTNER_STATUS_UNCHANGED, PARTNER_NOT_FOUND, VALIDATION_FAILED
 */
export const setPartnerStatus = (id: string, status: PartnerStatus, reason: string) =>
  apiSend<Partner>('POST', `${one(id)}/${status === 'suspended' ? 'suspension' : 'reactivation'}`, { reason });

/** @throws ApiProblem CONTRACT_INVALID, PARTNER_NOT_FOUND, VALIDATION_FAILED */
export const addContract = (id: string, contract: NewContract) =>
  apiSend<Contract>('POST', `${one(id)}/contracts`, contract);

/** The partner's checks of `month` (`YYYY-MM`), by day and purpose. */
export const getUsage = (id: string, month: string, signal?: AbortSignal) =>
  apiGet<UsageReport>(`${one(id)}/usage`, { query: { month, groupBy: 'day' }, signal });

export const getInvoice = (id: string, month: string, signal?: AbortSignal) =>
  apiGet<Invoice>(`${one(id)}/invoices/${encodeURIComponent(month)}`, { signal });

export const listStaff = (id: string, signal?: AbortSignal) =>
  apiGet<{ items: PartnerStaffMember[] }>(`${one(id)}/staff`, { signal });

/**
 * Makes the eID account of a person a member of the partner's staff.
 * @throws ApiProblem ACCOUNT_NOT_FOUND, PARTNER_STAFF_EXISTS, PARTNER_NOT_FOUND, VALIDATION_FAILED
 */
export const addStaff = (id: string, personalId: string) =>
  apiSend<PartnerStaffMember>('POST', `${one(id)}/staff`, { personalId });

/** @throws ApiProblem PARTNER_STAFF_NOT_FOUND */
export const removeStaff = (id: string, staffId: number) => apiSend('DELETE', `${one(id)}/staff/${staffId}`, undefined);
