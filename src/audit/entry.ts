/** Checks an access entry or group and turns it into the fields of a row, before anything is locked or written. */
import { Compile } from 'typebox/compile';
import { DomainError, isDomainError, parsePersonalId, toNfc } from '../kernel/index.ts';
import { type ChainedRow, canonicalJson, type GroupSeal, isStorableText, laneOf, subjectsDigest } from './chain.ts';
import { AccessEntry, AccessGroup } from './model.ts';

/** A checked entry: everything of its row except its place in the lane. */
export type PreparedEntry = Omit<ChainedRow, 'seq'>;

/** A checked group: its row as an entry's, and its subjects for the subject rows, in item order. */
export interface PreparedGroup extends PreparedEntry {
  readonly group: GroupSeal;
  readonly subjectIds: readonly string[];
  readonly lines: readonly (number | null)[];
}

/**
 * Texts already found storable and of a storable length, by field: the entries of one call mostly share their
 * actor and purpose (a batch chunk: a thousand entries of one partner), so each is checked once per call.
 */
export type CheckedTexts = Map<string, string>;

const entrySchema = Compile(AccessEntry);
const groupSchema = Compile(AccessGroup);
const MAX_TEXT = 200;
const MAX_DETAILS = 2048;
/** A personal ID number (twelve digits in a row): `details` must carry none. */
const PERSONAL_ID_RUN = /(?<![0-9])[0-9]{12}(?![0-9])/;

/**
 * Checks one entry of a batch (`index` is its place, for the error), computes its lane and stamps it with `at`.
 * `checked` carries the texts found good from one entry of a call to the next.
 *
 * @throws DomainError `AUDIT_ENTRY_INVALID` with `details.index` and `details.field`: a missing, unknown or
 *   malformed field, a subject that is not a valid personal ID number (`details.reason` from the kernel),
 *   text PostgreSQL cannot store as given, or `details` that are not plain JSON of at most 2 KiB or that
 *   contain a personal ID number.
 */
export function prepareEntry(
  entry: unknown,
  index: number,
  lanes: number,
  at: Date,
  checked: CheckedTexts = new Map(),
): PreparedEntry {
  if (!entrySchema.Check(entry)) throw schemaError(entrySchema, entry, index);
  const subjectId = checkSubject(entry.subjectId, index);
  return sharedFields(entry, index, laneOf(subjectId, lanes), at, subjectId, checked);
}

/**
 * Checks a group of accesses and seals the list of its subjects (`subjectsDigest`). A group's row goes to the
 * lane of its actor: it has no one subject, and one lane's lock is all its append takes.
 *
 * @throws DomainError `AUDIT_ENTRY_INVALID` as {@link prepareEntry}, `details.index` being the place of the
 *   subject at fault (0 for the group's own fields); `subjects` must hold 1 to 100,000.
 */
export function prepareGroup(group: unknown, lanes: number, at: Date): PreparedGroup {
  if (!groupSchema.Check(group)) throw schemaError(groupSchema, group, 0);
  const count = group.subjects.length;
  const subjectIds = new Array<string>(count);
  const lines = new Array<number | null>(count);
  for (let i = 0; i < count; i++) {
    const subject = group.subjects[i] as { subjectId: string; line?: number };
    subjectIds[i] = checkSubject(subject.subjectId, i);
    lines[i] = subject.line ?? null;
  }
  return {
    ...sharedFields(group, 0, laneOf(group.actorId, lanes), at, null, new Map()),
    group: { subjects: count, digest: subjectsDigest(subjectIds, lines) },
    subjectIds,
    lines,
  };
}

function sharedFields(
  entry: Omit<AccessEntry, 'subjectId'>,
  index: number,
  lane: number,
  at: Date,
  subjectId: string | null,
  checked: CheckedTexts,
): PreparedEntry {
  const prepared: PreparedEntry = {
    lane,
    at,
    actorId: entry.actorId,
    actorKind: entry.actorKind,
    actorName: entry.actorName === undefined ? null : toNfc(entry.actorName),
    purpose: toNfc(entry.purpose),
    channel: entry.channel,
    action: entry.action,
    subjectId,
    requestId: entry.requestId ?? null,
    detailsJson: entry.details === undefined ? null : checkDetails(entry.details, index),
  };
  for (const field of ['actorId', 'actorName', 'purpose', 'requestId'] as const) {
    const text = prepared[field];
    if (text === null || checked.get(field) === text) continue;
    if (!isStorableText(text)) throw invalid(index, field, 'contains a NUL character or a lone surrogate');
    if (text.length === 0 || text.length > MAX_TEXT)
      throw invalid(index, field, `must have 1 to ${MAX_TEXT} characters`);
    checked.set(field, text);
  }
  return prepared;
}

function schemaError(schema: typeof entrySchema | typeof groupSchema, entry: unknown, index: number): DomainError {
  const errors = schema.Errors(entry).filter((error) => error.keyword !== 'boolean');
  const first = errors.find((error) => error.keyword === 'anyOf') ?? errors[0];
  const extra = (first?.params as { additionalProperties?: string[] } | undefined)?.additionalProperties;
  const field = first?.instancePath.slice(1) || extra?.[0] || 'entry';
  return invalid(index, field, first?.message ?? 'is not an access entry');
}

function checkSubject(subjectId: string, index: number): string {
  try {
    return parsePersonalId(subjectId);
  } catch (error) {
    if (!isDomainError(error, 'INVALID_PERSONAL_ID')) throw error;
    throw invalid(index, 'subjectId', 'is not a valid personal ID number', { reason: error.details?.reason });
  }
}

function checkDetails(details: Record<string, unknown>, index: number): string {
  let json: string;
  try {
    json = canonicalJson(details);
  } catch (error) {
    throw invalid(index, 'details', `must be plain JSON: ${(error as Error).message}`);
  }
  if (json.length > MAX_DETAILS) throw invalid(index, 'details', `must be at most ${MAX_DETAILS} characters as JSON`);
  if (PERSONAL_ID_RUN.test(json)) throw invalid(index, 'details', 'must not contain a personal ID number');
  return json;
}

function invalid(index: number, field: string, problem: string, extra: Record<string, unknown> = {}): DomainError {
  // The offending value is never echoed: it may be personal data, and errors end up in logs.
  return new DomainError('AUDIT_ENTRY_INVALID', `Access entry ${index}: ${field} ${problem}; nothing was recorded.`, {
    index,
    field,
    ...extra,
  });
}
