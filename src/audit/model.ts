/**
 * Nhật ký truy cập — the access log: who touched which person's data, why and through which channel.
 * Each schema and its type share one name.
 */
import { type Static, Type } from 'typebox';

/** Who acted: an officer, the citizen, a partner (bank, telco), an admin, the platform itself, an agency. */
export const ActorKind = Type.Union([
  Type.Literal('officer'),
  Type.Literal('citizen'),
  Type.Literal('partner'),
  Type.Literal('admin'),
  Type.Literal('system'),
  Type.Literal('agency'),
]);
export type ActorKind = Static<typeof ActorKind>;

/** Through what the data was reached. */
export const AccessChannel = Type.Union([
  Type.Literal('api'),
  Type.Literal('web'),
  Type.Literal('batch'),
  Type.Literal('oidc'),
  Type.Literal('cli'),
  Type.Literal('event'),
]);
export type AccessChannel = Static<typeof AccessChannel>;

const Text200 = Type.String({ minLength: 1, maxLength: 200 });

/** What an entry and a group share: who acted, why, how, and facts about the access. */
const ACCESS_FIELDS = {
  /** The account, client or service that acted. */
  actorId: Text200,
  actorKind: ActorKind,
  /** The partner's or agency's display name, shown to the citizen. */
  actorName: Type.Optional(Text200),
  /** Why (mục đích), in words a citizen understands; not blank, at most 200 characters. */
  purpose: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  channel: AccessChannel,
  /** `read`, `search`, `verify`, `export`, `sign_in`, `claims_released`, …: lower case, digits, `_` and `.`. */
  action: Type.String({ pattern: '^[a-z][a-z0-9_.]{0,63}$' }),
  requestId: Type.Optional(Text200),
  /** Facts about the access (a result, a count): plain JSON, at most 2 KiB, never personal data. */
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
};

/** One access to one person's data, as a caller records it. */
export const AccessEntry = Type.Object(
  {
    ...ACCESS_FIELDS,
    /** The personal ID number whose data was touched. */
    subjectId: Type.String(),
  },
  { additionalProperties: false },
);
export type AccessEntry = Static<typeof AccessEntry>;

/** Subjects one group entry may hold at most (a chunk of a batch file is a few thousand). */
export const MAX_GROUP_SUBJECTS = 100_000;

/**
 * Many accesses by one actor with one purpose, channel and action at one moment (a chunk of a partner's batch
 * file): one chained entry whose hash seals the list of its subjects, each shown in that subject's history as
 * an entry of its own. `details` are shared by all of them.
 */
export const AccessGroup = Type.Object(
  {
    ...ACCESS_FIELDS,
    /** In the caller's order: each personal ID number, and where it came from (a line of a file), if anywhere. */
    subjects: Type.Array(
      Type.Object(
        { subjectId: Type.String(), line: Type.Optional(Type.Integer({ minimum: 1, maximum: 2_147_483_647 })) },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: MAX_GROUP_SUBJECTS },
    ),
  },
  { additionalProperties: false },
);
export type AccessGroup = Static<typeof AccessGroup>;

/** One row of a subject's access history. */
export const AccessLogItem = Type.Object(
  {
    id: Type.Integer(),
    /** ISO 8601 instant, UTC. */
    at: Type.String({ format: 'date-time' }),
    actorId: Type.String(),
    actorKind: ActorKind,
    actorName: Type.Optional(Type.String()),
    purpose: Type.String(),
    channel: AccessChannel,
    action: Type.String(),
    subjectId: Type.String(),
    requestId: Type.Optional(Type.String()),
    /** The entry's details; for a subject of a group, the group's with the subject's `line` when it has one. */
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
    /** For a subject of a group entry (whose `id` it shares with the group's other subjects): its place in it. */
    item: Type.Optional(Type.Integer({ minimum: 1 })),
  },
  { additionalProperties: false },
);
export type AccessLogItem = Static<typeof AccessLogItem>;

/** A page of a subject's history, newest first; `next` is the cursor of the following page, if any. */
export const AccessLogPage = Type.Object(
  { items: Type.Array(AccessLogItem), next: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export type AccessLogPage = Static<typeof AccessLogPage>;

/** Which page of a subject's history: at most `limit` items (default 20, at most 100) before the cursor. */
export interface PageRequest {
  readonly limit?: number;
  /** The `next` of the previous page. */
  readonly before?: string;
}

/** A metering query: entries at or after `from` and before `to`, optionally of one actor or kind of actor. */
export interface UsageFilter {
  readonly actorId?: string;
  readonly actorKind?: ActorKind;
  readonly from: Date;
  readonly to: Date;
  /** Days and months are those of Vietnam (UTC+7), as invoices are. */
  readonly groupBy: 'day' | 'month';
  /**
   * A key of the entries' details to count by as well (e.g. `checkTypes`): each row then carries that value as
   * `detail` (null for entries without it). Letters, digits and `_`, starting with a letter.
   */
  readonly detailKey?: string;
}

/** Entries of one actor with one action from `from` (inclusive) to `to` (exclusive), for a plain count. */
export interface CountFilter {
  readonly actorId: string;
  readonly actorKind: ActorKind;
  readonly action: string;
  readonly from: Date;
  readonly to: Date;
}

/**
 * How many entries one actor made with one action, purpose and channel in one day (`YYYY-MM-DD`) or month
 * (`YYYY-MM`), and with one value of the details' `detailKey` when the query named one.
 */
export const UsageRow = Type.Object(
  {
    period: Type.String(),
    actorId: Type.String(),
    actorKind: ActorKind,
    action: Type.String(),
    purpose: Type.String(),
    channel: AccessChannel,
    /** The value of the details' `detailKey` (null when absent); only when the query named a key. */
    detail: Type.Optional(Type.Unknown()),
    count: Type.Integer({ minimum: 1 }),
  },
  { additionalProperties: false },
);
export type UsageRow = Static<typeof UsageRow>;

/**
 * Why a lane's chain breaks at a row: `altered` (the row no longer matches its hash), `link` (its `prev_hash`
 * is not the previous row's hash: a row before it was replaced, or it was moved), `missing` (a seq is absent:
 * a row was deleted), `duplicate` (a seq appears twice), `head` (the last row is not the one the lane's head
 * records), `beyond_head` (a row past the lane's head, which no append wrote), `no_head` (rows in a lane that
 * has no head), `subjects` (a group entry's subjects no longer match the digest its hash seals: one was
 * changed, deleted or slipped in).
 */
export const ChainBreakReason = Type.Union([
  Type.Literal('altered'),
  Type.Literal('link'),
  Type.Literal('missing'),
  Type.Literal('duplicate'),
  Type.Literal('head'),
  Type.Literal('beyond_head'),
  Type.Literal('no_head'),
  Type.Literal('subjects'),
]);
export type ChainBreakReason = Static<typeof ChainBreakReason>;

/** The first break of one lane; `id` is null when no row stands at that place (a deleted row). */
export const ChainBreak = Type.Object(
  {
    lane: Type.Integer(),
    seq: Type.Integer(),
    id: Type.Union([Type.Integer(), Type.Null()]),
    reason: ChainBreakReason,
  },
  { additionalProperties: false },
);
export type ChainBreak = Static<typeof ChainBreak>;

/** The outcome of walking every lane: `rows` checked, `lanes` walked, the first break of each broken lane. */
export const ChainReport = Type.Object(
  { ok: Type.Boolean(), rows: Type.Integer(), lanes: Type.Integer(), breaks: Type.Array(ChainBreak) },
  { additionalProperties: false },
);
export type ChainReport = Static<typeof ChainReport>;
