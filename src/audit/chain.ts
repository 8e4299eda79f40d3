/**
 * The hash chain of the access log: which lane an entry goes to and what its hash seals. Changing anything
 * here makes every stored chain fail verification, so the encoding is pinned by a test vector.
 */
import { createHash } from 'node:crypto';

/** The `prev_hash` of the first row of every lane: 32 zero bytes, as pre-filled in `audit.chain_head`. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/** Lanes used when none are configured; the migration pre-fills heads for lanes 0–15. */
export const DEFAULT_LANES = 16;

/** Everything of a row that its hash seals (the identity `id` is not known before the insert). */
export interface ChainedRow {
  readonly lane: number;
  readonly seq: number;
  readonly at: Date;
  readonly actorId: string;
  readonly actorKind: string;
  readonly actorName: string | null;
  readonly purpose: string;
  readonly channel: string;
  readonly action: string;
  /** The subject of a plain entry; null for a group, whose subjects {@link ChainedRow.group} seals. */
  readonly subjectId: string | null;
  readonly requestId: string | null;
  /** `details` as {@link canonicalJson}, or null. */
  readonly detailsJson: string | null;
  /** A group's number of subjects and {@link subjectsDigest}; absent (or null) for a plain entry. */
  readonly group?: GroupSeal | null;
}

/** What a group entry's hash seals of its subjects. */
export interface GroupSeal {
  readonly subjects: number;
  readonly digest: Buffer;
}

/**
 * `sha256(prevHash || utf8(material))`, where material is the JSON array
 * `[lane, seq, at, actor_id, actor_kind, actor_name, purpose, channel, action, subject_id, request_id, details]`:
 * `at` as ISO 8601 UTC with milliseconds, absent values as `null`, `details` embedded as canonical JSON.
 * JSON quoting makes the field boundaries unambiguous (no separator can be forged inside a value). A group's
 * array has two more members, its number of subjects and their digest in lower-case hex (its subject_id is
 * null): 14 members, where a plain entry's has 12.
 */
export function rowHash(prevHash: Uint8Array, row: ChainedRow): Buffer {
  const group = row.group ? `,${row.group.subjects},"${row.group.digest.toString('hex')}"` : '';
  const material = `[${row.lane},${row.seq},${atJson(row.at)},${actorJson(row)},${JSON.stringify(row.subjectId)},${JSON.stringify(row.requestId)},${row.detailsJson ?? 'null'}${group}]`;
  return createHash('sha256').update(prevHash).update(material, 'utf8').digest();
}

/** Bytes per subject in {@link subjectsDigest}: twelve digits and a 32-bit line. */
const SUBJECT_BYTES = 16;

/**
 * The SHA-256 of a group's subjects in item order: for each, its twelve ASCII digits and its line as an
 * unsigned 32-bit big-endian number (0 when it has none).
 *
 * @example subjectsDigest(['001095012345'], [7]) // sha256('001095012345' || 00 00 00 07)
 */
export function subjectsDigest(subjectIds: readonly string[], lines: readonly (number | null)[]): Buffer {
  const bytes = Buffer.allocUnsafe(subjectIds.length * SUBJECT_BYTES);
  for (let i = 0; i < subjectIds.length; i++) {
    const at = i * SUBJECT_BYTES;
    bytes.write(subjectIds[i] as string, at, 12, 'latin1');
    bytes.writeUInt32BE(lines[i] ?? 0, at + 12);
  }
  return createHash('sha256').update(bytes).digest();
}

/**
 * The JSON of the fields that the entries of one call share (their time, their actor, purpose, channel and
 * action), kept from the last row sealed: a batch chunk seals a thousand rows that differ only in subject,
 * place and details. Only a saving of work: the text is the same as written afresh.
 */
let lastAt: { at: Date | undefined; time: number; json: string } = { at: undefined, time: Number.NaN, json: '' };
let lastActor: { fields: readonly (string | null)[]; json: string } = { fields: [], json: '' };

function atJson(at: Date): string {
  if (lastAt.at !== at || lastAt.time !== at.getTime()) {
    lastAt = { at, time: at.getTime(), json: JSON.stringify(at.toISOString()) };
  }
  return lastAt.json;
}

function actorJson(row: ChainedRow): string {
  const held = lastActor.fields;
  if (
    held[0] !== row.actorId ||
    held[1] !== row.actorKind ||
    held[2] !== row.actorName ||
    held[3] !== row.purpose ||
    held[4] !== row.channel ||
    held[5] !== row.action
  ) {
    const fields = [row.actorId, row.actorKind, row.actorName, row.purpose, row.channel, row.action];
    lastActor = { fields, json: fields.map((field) => JSON.stringify(field)).join(',') };
  }
  return lastActor.json;
}

/**
 * The lane of a subject: FNV-1a (32 bit) of the ID number's digits, modulo `lanes`. Stable across processes,
 * so one subject's entries stay in one lane while different subjects spread over all lanes.
 *
 * @example laneOf('001095012345', 16) // a number from 0 to 15, always the same for this subject
 */
export function laneOf(subjectId: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < subjectId.length; i++) {
    hash ^= subjectId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % lanes;
}

const MAX_DEPTH = 8;

/**
 * JSON with object keys sorted by UTF-16 code units (as RFC 8785 does) and nothing else varying, so that
 * `details` hash the same when written and when read back from `jsonb`. Like `JSON.stringify`, it drops
 * object members whose value is `undefined`.
 *
 * @throws TypeError for a value JSON cannot carry faithfully (a non-finite number, a bigint, a class
 *   instance such as `Date`, a function, a string that is not {@link isStorableText}) or nesting deeper
 *   than 8 levels.
 * @example canonicalJson({ b: 1, a: [true, null] }) // '{"a":[true,null],"b":1}'
 */
export function canonicalJson(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH) throw new TypeError(`nested deeper than ${MAX_DEPTH} levels`);
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return canonicalString(value);
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('a number that is not finite');
      return JSON.stringify(value);
    case 'object':
      return Array.isArray(value) ? canonicalArray(value, depth) : canonicalObject(value, depth);
    default:
      throw new TypeError(`a ${typeof value}, which JSON cannot carry`);
  }
}

function canonicalArray(items: readonly unknown[], depth: number): string {
  return `[${items.map((item) => canonicalJson(item, depth + 1)).join(',')}]`;
}

function canonicalObject(value: object, depth: number): string {
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) throw new TypeError('an object that is not plain JSON');
  const record = value as Record<string, unknown>;
  const members = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${canonicalString(key)}:${canonicalJson(record[key], depth + 1)}`);
  return `{${members.join(',')}}`;
}

function canonicalString(text: string): string {
  if (!isStorableText(text)) throw new TypeError('a string with a NUL character or a lone surrogate');
  return JSON.stringify(text);
}

/**
 * True when PostgreSQL stores `text` exactly as given: no NUL character (refused by `text` and `jsonb`) and
 * no lone UTF-16 surrogate (the driver would replace it, and the stored row would no longer match its hash).
 */
export function isStorableText(text: string): boolean {
  return !text.includes('\u0000') && !LONE_SURROGATE.test(text);
}

const LONE_SURROGATE = /\p{Surrogate}/u;
