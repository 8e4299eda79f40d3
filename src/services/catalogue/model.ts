/**
 * Danh mục thủ tục — the shapes of the procedure catalogue: procedures, their e-form fields and their steps.
 * Each schema and its type share one name.
 */
import { type Static, Type } from 'typebox';
import { Agency } from '../../identity/index.ts';

const closed = { additionalProperties: false } as const;

/** Text in both languages of the web app. */
export const Text = Type.Object({ vi: Type.String(), en: Type.String() }, closed);
export type Text = Static<typeof Text>;

export const FieldType = Type.Union([
  Type.Literal('text'),
  Type.Literal('textarea'),
  Type.Literal('date'),
  Type.Literal('select'),
  Type.Literal('checkbox'),
  Type.Literal('number'),
  Type.Literal('personalId'),
  Type.Literal('commune'),
]);
export type FieldType = Static<typeof FieldType>;

/** One field of an e-form. */
export const Field = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z][A-Za-z0-9]*$' }),
    type: FieldType,
    label: Text,
    required: Type.Boolean(),
    /** Filled from the registry; the applicant cannot change it. */
    readOnly: Type.Optional(Type.Boolean()),
    maxLength: Type.Optional(Type.Integer({ minimum: 1, maximum: 2000 })),
    options: Type.Optional(Type.Array(Type.Object({ value: Type.String(), label: Text }, closed))),
  },
  closed,
);
export type Field = Static<typeof Field>;

/** One procedure of a group, handled by one agency (a step of the workflow). */
export const StepDefinition = Type.Object(
  {
    name: Type.String({ pattern: '^[a-z][a-z0-9_]*$' }),
    title: Text,
    agency: Agency,
    /** Whether the agency of the dossier's commune or of its province handles it. */
    level: Type.Union([Type.Literal('commune'), Type.Literal('province')]),
    /** Working days; 0 means the same working day. */
    limitDays: Type.Integer({ minimum: 0, maximum: 60 }),
    /** Steps that must be done first. */
    after: Type.Array(Type.String()),
    /** The applicant may leave it out (the death group: 2, 3 or 4 of its procedures). */
    optional: Type.Optional(Type.Boolean()),
    /** The code that does the step's work (see `procedures/`). */
    action: Type.String(),
    /** What the officer fills in when approving. */
    decisionFields: Type.Optional(Type.Array(Field)),
    /** A benefit's amount, for the benefit steps. */
    amountVnd: Type.Optional(Type.Integer({ minimum: 0 })),
  },
  closed,
);
export type StepDefinition = Static<typeof StepDefinition>;

export const FeeExemption = Type.Object(
  {
    /** A 2025 province (`2025:01`): the province's own rule (Hà Nội, Resolution 11). */
    provinceId: Type.String(),
    when: Type.Literal('level2'),
    note: Text,
  },
  closed,
);
export type FeeExemption = Static<typeof FeeExemption>;

const procedureFields = {
  code: Type.String({ pattern: '^[a-z0-9-]+$' }),
  name: Text,
  description: Text,
  /** An interlinked group (liên thông): one form, several agencies. */
  group: Type.Boolean(),
  /** The eID level the applicant needs. */
  level: Type.Union([Type.Literal(1), Type.Literal(2)]),
  /** Working days for the whole dossier. */
  limitDays: Type.Integer({ minimum: 0, maximum: 60 }),
  /** A longer limit when a form field has a value (criminal records: several residences → 15 days). */
  limitDaysWhen: Type.Optional(
    Type.Array(
      Type.Object(
        { field: Type.String(), equals: Type.Union([Type.Boolean(), Type.String()]), limitDays: Type.Integer() },
        closed,
      ),
    ),
  ),
  feeVnd: Type.Integer({ minimum: 0 }),
  feeExemptions: Type.Optional(Type.Array(FeeExemption)),
  /** The fewest steps an applicant may choose (the death group: 2). */
  minSteps: Type.Optional(Type.Integer({ minimum: 1 })),
};

const DocumentDefinition = Type.Object({ kind: Type.String(), name: Text, required: Type.Boolean() }, closed);

/** A procedure as the catalogue file writes it: its form and steps, or those of another procedure (`formOf`). */
export const CatalogueEntry = Type.Object(
  {
    ...procedureFields,
    formOf: Type.Optional(Type.String()),
    documents: Type.Optional(Type.Array(DocumentDefinition)),
    fields: Type.Optional(Type.Array(Field)),
    steps: Type.Optional(Type.Array(StepDefinition)),
  },
  closed,
);
export type CatalogueEntry = Static<typeof CatalogueEntry>;

export const CatalogueFile = Type.Object(
  {
    agencies: Type.Record(Type.String(), Text),
    procedures: Type.Array(CatalogueEntry),
  },
  closed,
);
export type CatalogueFile = Static<typeof CatalogueFile>;

/** A procedure of the catalogue (thủ tục hành chính). */
export const Procedure = Type.Object(
  {
    ...procedureFields,
    documents: Type.Array(DocumentDefinition),
    fields: Type.Array(Field),
    steps: Type.Array(Type.Object({ ...StepDefinition.properties, agencyName: Text }, closed)),
  },
  closed,
);
export type Procedure = Static<typeof Procedure>;
