/** Xác thực theo lô — a batch job as its partner sees it. Each schema and its type share one name. */
import { type Static, Type } from 'typebox';
import { CheckType } from '../model.ts';

const closed = { additionalProperties: false } as const;

export const BatchStatus = Type.Union([
  Type.Literal('queued'),
  Type.Literal('running'),
  Type.Literal('done'),
  Type.Literal('failed'),
]);
export type BatchStatus = Static<typeof BatchStatus>;

/** A batch job: its file's rows, how many are checked so far, and how they came out. */
export const BatchJob = Type.Object(
  {
    id: Type.String({ pattern: '^[0-9]+$' }),
    partnerId: Type.String(),
    purpose: Type.String(),
    checkTypes: Type.Array(CheckType),
    /** SHA-256 of the uploaded file: the same file uploaded again is this job. */
    sha256: Type.String(),
    status: BatchStatus,
    /** Data rows read from the file (the header row aside). */
    rowsRead: Type.Integer(),
    /** Rows whose results are kept, in file order. */
    rowsProcessed: Type.Integer(),
    /** Checked rows where no attribute given is a mismatch. */
    rowsMatched: Type.Integer(),
    /** Checked rows with at least one mismatch (a number nobody has included). */
    rowsMismatched: Type.Integer(),
    /** Rows that could not be read: not checked, not billed (their line and code are in the results). */
    rowsUnreadable: Type.Integer(),
    /** rowsProcessed / rowsRead, from 0 to 1 (1 for a file without rows). */
    progress: Type.Number({ minimum: 0, maximum: 1 }),
    /** The contract's price of one checked row when the job was accepted, in đồng. */
    unitPriceVnd: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
    startedAt: Type.Optional(Type.String({ format: 'date-time' })),
    finishedAt: Type.Optional(Type.String({ format: 'date-time' })),
    /** Where the results file is, once `done`. */
    results: Type.Optional(Type.String()),
  },
  closed,
);
export type BatchJob = Static<typeof BatchJob>;
