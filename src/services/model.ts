/**
 * Dịch vụ công trực tuyến — online public services: the procedure catalogue, dossiers (hồ sơ) and their steps
 * at the agencies. Each schema and its type share one name.
 */
import { type Static, Type } from 'typebox';
import { Text } from './catalogue/model.ts';

export * from './catalogue/model.ts';

const closed = { additionalProperties: false } as const;
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Instant = Type.String({ format: 'date-time' });

export const DossierState = Type.Union([
  Type.Literal('awaiting_payment'),
  Type.Literal('received'),
  Type.Literal('in_progress'),
  Type.Literal('supplement_requested'),
  Type.Literal('done'),
  Type.Literal('refused'),
  Type.Literal('withdrawn'),
]);
export type DossierState = Static<typeof DossierState>;

export const StepState = Type.Union([
  Type.Literal('waiting'),
  Type.Literal('pending'),
  Type.Literal('claimed'),
  Type.Literal('supplement_requested'),
  Type.Literal('done'),
  Type.Literal('refused'),
  Type.Literal('cancelled'),
  Type.Literal('compensated'),
]);
export type StepState = Static<typeof StepState>;

/** What an applicant's form holds: field name → value. */
export const Form = Type.Record(
  Type.String({ pattern: '^[a-z][A-Za-z0-9]{0,59}$' }),
  Type.Union([Type.String({ maxLength: 2000 }), Type.Number(), Type.Boolean(), Type.Null()]),
  { maxProperties: 60, additionalProperties: false },
);
export type Form = Static<typeof Form>;

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()]);

export const DossierStep = Type.Object({
  name: Type.String(),
  title: Text,
  agency: Type.String(),
  agencyName: Text,
  state: StepState,
  dueOn: Nullable(Day),
  overdue: Type.Boolean(),
  /** The office of the officer holding the step. */
  claimedBy: Nullable(Type.String()),
  /** Their account, to tell "held by me" from "held by a colleague". */
  claimedById: Nullable(Type.String()),
  completedAt: Nullable(Instant),
  result: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
export type DossierStep = Static<typeof DossierStep>;

export const HistoryEntry = Type.Object({
  at: Instant,
  kind: Type.String(),
  step: Nullable(Type.String()),
  state: DossierState,
  actorName: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type HistoryEntry = Static<typeof HistoryEntry>;

export const PaymentView = Type.Object({
  state: Type.Union([
    Type.Literal('due'),
    Type.Literal('pending'),
    Type.Literal('paid'),
    Type.Literal('refunded'),
    Type.Literal('exempt'),
  ]),
  amountVnd: Type.Integer(),
  exemption: Nullable(Text),
  receiptNumber: Nullable(Type.String()),
  paidAt: Nullable(Instant),
});
export type PaymentView = Static<typeof PaymentView>;

/** A dossier as its applicant and the agencies' officers see it. */
export const Dossier = Type.Object({
  id: Type.String(),
  receiptCode: Type.String(),
  procedureCode: Type.String(),
  procedureName: Text,
  state: DossierState,
  applicantName: Type.String(),
  communeId: Type.String(),
  submittedAt: Instant,
  receivedAt: Nullable(Instant),
  dueOn: Nullable(Day),
  overdue: Type.Boolean(),
  form: Form,
  payment: Nullable(PaymentView),
  supplement: Nullable(
    Type.Object({
      reason: Type.String(),
      documents: Type.Array(Type.String()),
      step: Type.String(),
      requestedAt: Instant,
      dueOn: Day,
    }),
  ),
  steps: Type.Array(DossierStep),
  history: Type.Array(HistoryEntry),
});
export type Dossier = Static<typeof Dossier>;

export const DossierSummary = Type.Object({
  id: Type.String(),
  receiptCode: Type.String(),
  procedureCode: Type.String(),
  procedureName: Text,
  state: DossierState,
  submittedAt: Instant,
  dueOn: Nullable(Day),
  overdue: Type.Boolean(),
});
export type DossierSummary = Static<typeof DossierSummary>;

/** A step waiting in an agency's queue. */
export const QueueItem = Type.Object({
  dossierId: Type.String(),
  receiptCode: Type.String(),
  procedureCode: Type.String(),
  procedureName: Text,
  step: Type.String(),
  stepTitle: Text,
  state: StepState,
  receivedAt: Nullable(Instant),
  dueOn: Nullable(Day),
  overdue: Type.Boolean(),
  /** Working days left to the due day (negative when overdue). */
  workingDaysLeft: Nullable(Type.Integer()),
  claimedBy: Nullable(Type.String()),
  communeId: Nullable(Type.String()),
});
export type QueueItem = Static<typeof QueueItem>;

export const NewDossier = Type.Object(
  {
    procedureCode: Type.String({ maxLength: 60 }),
    form: Form,
    /** The procedures of a group the applicant files (all when absent). */
    steps: Type.Optional(Type.Array(Type.String({ maxLength: 60 }), { maxItems: 10, uniqueItems: true })),
  },
  closed,
);
export type NewDossier = Static<typeof NewDossier>;

export const Decision = Type.Object(
  {
    decision: Type.Union([Type.Literal('approve'), Type.Literal('refuse'), Type.Literal('request_supplement')]),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
    /** The step's decision fields (see the procedure's `decisionFields`). */
    data: Type.Optional(Form),
    /** Documents missing, for a supplement request. */
    documents: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 200 }), { maxItems: 20 })),
  },
  closed,
);
export type Decision = Static<typeof Decision>;

export const Notification = Type.Object({
  id: Type.Integer(),
  dossierId: Type.String(),
  title: Type.String(),
  body: Type.String(),
  createdAt: Instant,
  readAt: Nullable(Instant),
});
export type Notification = Static<typeof Notification>;
