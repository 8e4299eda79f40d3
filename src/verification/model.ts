/**
 * Xác thực thông tin — verification of customers' declared data for partners (banks, telecom operators, …).
 * Each schema and its type share one name.
 */
import { type Static, Type } from 'typebox';
import { PURPOSE_CODES } from './purposes.ts';

const closed = { additionalProperties: false } as const;
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
/** A Vietnamese calendar month, `YYYY-MM`. */
export const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' });
export type Month = Static<typeof Month>;

/** What kind of organisation a partner is. */
export const PartnerKind = Type.Union([
  Type.Literal('bank'),
  Type.Literal('telecom'),
  Type.Literal('insurer'),
  Type.Literal('hospital'),
  Type.Literal('airport'),
  Type.Literal('university'),
  Type.Literal('other'),
]);
export type PartnerKind = Static<typeof PartnerKind>;

export const PartnerStatus = Type.Union([Type.Literal('active'), Type.Literal('suspended')]);
export type PartnerStatus = Static<typeof PartnerStatus>;

/**
 * What a check compares: `identity` (name, birth date, sex), `card` (card number and issue date), `phone`,
 * `address`.
 */
export const CheckType = Type.Union([
  Type.Literal('identity'),
  Type.Literal('card'),
  Type.Literal('phone'),
  Type.Literal('address'),
]);
export type CheckType = Static<typeof CheckType>;
export const CHECK_TYPES: readonly CheckType[] = ['identity', 'card', 'phone', 'address'];

/** A purpose code of the catalogue (`purposes.ts`), e.g. `account_opening`. */
export const PurposeCode = Type.Enum(PURPOSE_CODES);
export type PurposeCode = Static<typeof PurposeCode>;

export const PartnerSlug = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' });

/** Đối tác — a partner as an administrator registers it. */
export const NewPartner = Type.Object(
  {
    id: PartnerSlug,
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    kind: PartnerKind,
    /** A machine client registered with scope `verification` (POST /api/v1/admin/clients). */
    clientId: Type.String({ minLength: 1, maxLength: 64 }),
  },
  closed,
);
export type NewPartner = Static<typeof NewPartner>;

export const PartnerChanges = Type.Object(
  {
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
    kind: Type.Optional(PartnerKind),
  },
  closed,
);
export type PartnerChanges = Static<typeof PartnerChanges>;

/** Hợp đồng — the terms of a partner's access; a new contract replaces the old from its first day. */
export const NewContract = Type.Object(
  {
    purposes: Type.Array(PurposeCode, { minItems: 1, maxItems: 20, uniqueItems: true }),
    checkTypes: Type.Array(CheckType, { minItems: 1, maxItems: 4, uniqueItems: true }),
    /** Price of one online check, in đồng. */
    onlinePriceVnd: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
    /** Price of one record of a batch, in đồng. */
    batchPriceVnd: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
    /** Checks per Vietnamese calendar month. */
    monthlyQuota: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 }),
    /** Online checks per second (per node). */
    ratePerSecond: Type.Integer({ minimum: 1, maximum: 100_000 }),
    validFrom: Day,
    /** Last day in force; open-ended when absent. */
    validUntil: Type.Optional(Day),
  },
  closed,
);
export type NewContract = Static<typeof NewContract>;

export const Contract = Type.Object(
  {
    id: Type.Integer(),
    purposes: Type.Array(Type.Object({ code: Type.String(), label: Type.String() }, closed)),
    checkTypes: Type.Array(CheckType),
    onlinePriceVnd: Type.Integer(),
    batchPriceVnd: Type.Integer(),
    monthlyQuota: Type.Integer(),
    ratePerSecond: Type.Integer(),
    validFrom: Day,
    validUntil: Type.Union([Day, Type.Null()]),
    createdAt: Type.String({ format: 'date-time' }),
  },
  closed,
);
export type Contract = Static<typeof Contract>;

export const PartnerEvent = Type.Object(
  {
    at: Type.String({ format: 'date-time' }),
    actorId: Type.String(),
    kind: Type.String(),
    details: Type.Record(Type.String(), Type.Unknown()),
  },
  closed,
);
export type PartnerEvent = Static<typeof PartnerEvent>;

export const Partner = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    kind: PartnerKind,
    clientId: Type.String(),
    status: PartnerStatus,
    createdAt: Type.String({ format: 'date-time' }),
    updatedAt: Type.String({ format: 'date-time' }),
  },
  closed,
);
export type Partner = Static<typeof Partner>;

/** A partner with its contracts (oldest first) and the history of changes. */
export const PartnerDetail = Type.Object(
  {
    partner: Partner,
    contracts: Type.Array(Contract),
    history: Type.Array(PartnerEvent),
  },
  closed,
);
export type PartnerDetail = Static<typeof PartnerDetail>;

/**
 * Hạn mức — a month's quota and what is used of it: `used` checks in the access log, `reserved` rows of the
 * partner's unfinished batch jobs, `remaining` what is left for both.
 */
export const QuotaStatus = Type.Object(
  {
    month: Month,
    quota: Type.Integer(),
    used: Type.Integer(),
    reserved: Type.Integer(),
    remaining: Type.Integer(),
  },
  closed,
);
export type QuotaStatus = Static<typeof QuotaStatus>;

/** What a partner sees of itself: its details, the contract in force today and its quota this month. */
export const PartnerContract = Type.Object(
  {
    partner: Partner,
    /** Null when no contract is in force today (every check is then refused). */
    contract: Type.Union([Contract, Type.Null()]),
    quota: Type.Union([QuotaStatus, Type.Null()]),
  },
  closed,
);
export type PartnerContract = Static<typeof PartnerContract>;

/** Nhân viên đối tác — a member of a partner's staff, who may use the partner console. */
export const PartnerStaffMember = Type.Object(
  {
    id: Type.Integer(),
    accountId: Type.String(),
    personalId: Type.String(),
    grantedBy: Type.String(),
    grantedAt: Type.String({ format: 'date-time' }),
  },
  closed,
);
export type PartnerStaffMember = Static<typeof PartnerStaffMember>;

export const NewPartnerStaffMember = Type.Object({ personalId: Type.String({ pattern: '^\\d{12}$' }) }, closed);
export type NewPartnerStaffMember = Static<typeof NewPartnerStaffMember>;

/** A year, a month or a day: what customers often remember of a birth date. */
const DeclaredDate = Type.String({ pattern: '^\\d{4}(-\\d{2}(-\\d{2})?)?$' });

/** What a partner's customer declared, and why the partner checks it. */
export const VerificationRequest = Type.Object(
  {
    personalId: Type.String({ minLength: 1, maxLength: 20 }),
    purpose: PurposeCode,
    /** Defaults to the types of the fields given (`identity` when only the number is given). */
    checkTypes: Type.Optional(Type.Array(CheckType, { minItems: 1, maxItems: 4, uniqueItems: true })),
    fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    birthDate: Type.Optional(DeclaredDate),
    sex: Type.Optional(Type.Union([Type.Literal('male'), Type.Literal('female')])),
    cardNumber: Type.Optional(Type.String({ pattern: '^\\d{9}$|^\\d{12}$' })),
    cardIssuedOn: Type.Optional(Day),
    phone: Type.Optional(Type.String({ pattern: '^\\+?[0-9 .-]{8,20}$' })),
    address: Type.Optional(Type.String({ minLength: 1, maxLength: 500 })),
  },
  closed,
);
export type VerificationRequest = Static<typeof VerificationRequest>;

export const Result = Type.Union([Type.Literal('match'), Type.Literal('mismatch'), Type.Literal('not_provided')]);
export type Result = Static<typeof Result>;

/** One attribute's outcome: the result and the reason codes behind it (docs/verification.md). */
export const AttributeResult = Type.Object({ result: Result, reasons: Type.Array(Type.String()) }, closed);
export type AttributeResult = Static<typeof AttributeResult>;

export const ATTRIBUTES = ['personalId', 'fullName', 'birthDate', 'sex', 'card', 'phone', 'address'] as const;
export type Attribute = (typeof ATTRIBUTES)[number];

export const StatusFlags = Type.Object(
  {
    deceased: Type.Boolean(),
    missing: Type.Boolean(),
    cardExpired: Type.Boolean(),
    cardRevoked: Type.Boolean(),
    eidLocked: Type.Boolean(),
  },
  closed,
);
export type StatusFlags = Static<typeof StatusFlags>;

/** The answer of a check: outcomes and flags only, never a value of the registry. */
export const VerificationAnswer = Type.Object(
  {
    checkId: Type.String({ format: 'uuid' }),
    checkedAt: Type.String({ format: 'date-time' }),
    purpose: Type.String(),
    checkTypes: Type.Array(CheckType),
    attributes: Type.Object(
      Object.fromEntries(ATTRIBUTES.map((name) => [name, AttributeResult])) as Record<
        Attribute,
        typeof AttributeResult
      >,
      closed,
    ),
    flags: StatusFlags,
  },
  closed,
);
export type VerificationAnswer = Static<typeof VerificationAnswer>;
