/**
 * Usage and invoices: the shapes of a partner's checks counted by day or month, and of a month's invoice in
 * đồng (`metering.ts`).
 */
import { type Static, Type } from 'typebox';
import { CheckType, Month } from './model.ts';

const closed = { additionalProperties: false } as const;

/** The query of a usage report: a month, counted by day (the default) or as a whole. */
export const UsageQuery = Type.Object(
  { month: Month, groupBy: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('month')])) },
  closed,
);
export type UsageQuery = Static<typeof UsageQuery>;

/** Through what a partner's checks came: the online check, or a batch job. */
export const UsageChannel = Type.Union([Type.Literal('online'), Type.Literal('batch')]);
export type UsageChannel = Static<typeof UsageChannel>;

/**
 * Checks of one purpose, channel and combination of check types in one period (`YYYY-MM-DD` or `YYYY-MM`),
 * counted from the access log. `checkTypes` is what each of those checks compared (empty for entries that did
 * not record it).
 */
export const UsageLine = Type.Object(
  {
    period: Type.String(),
    purpose: Type.String(),
    purposeLabel: Type.String(),
    channel: UsageChannel,
    checkTypes: Type.Array(CheckType),
    checks: Type.Integer(),
  },
  closed,
);
export type UsageLine = Static<typeof UsageLine>;

/** Checks of the month that compared each check type (a check of several types counts under each). */
export const CheckTypeCounts = Type.Object(
  { identity: Type.Integer(), card: Type.Integer(), phone: Type.Integer(), address: Type.Integer() },
  closed,
);
export type CheckTypeCounts = Static<typeof CheckTypeCounts>;

export const UsageReport = Type.Object(
  {
    partnerId: Type.String(),
    month: Month,
    groupBy: Type.Union([Type.Literal('day'), Type.Literal('month')]),
    lines: Type.Array(UsageLine),
    total: Type.Integer(),
    byCheckType: CheckTypeCounts,
  },
  closed,
);
export type UsageReport = Static<typeof UsageReport>;

export const InvoiceLine = Type.Object(
  {
    purpose: Type.String(),
    purposeLabel: Type.String(),
    /** `online` checks at the contract's online price, `batch` rows at the batch price of their job. */
    channel: UsageChannel,
    /** What the line's checks compared. */
    checkTypes: Type.Array(CheckType),
    checks: Type.Integer(),
    unitPriceVnd: Type.Integer(),
    amountVnd: Type.Integer(),
  },
  closed,
);
export type InvoiceLine = Static<typeof InvoiceLine>;

/** Hóa đơn — a month's invoice in đồng, computed from the access log and the contract of each day. */
export const Invoice = Type.Object(
  {
    partnerId: Type.String(),
    partnerName: Type.String(),
    month: Month,
    currency: Type.Literal('VND'),
    lines: Type.Array(InvoiceLine),
    totalVnd: Type.Integer(),
  },
  closed,
);
export type Invoice = Static<typeof Invoice>;
