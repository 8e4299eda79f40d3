/**
 * Verification of the access log's hash chains: every lane is walked in keyset pages (never the whole table
 * in memory) and every row's hash recomputed, so that a row changed, deleted or slipped in directly in SQL is
 * found, with its lane and seq.
 *
 * What a chain cannot show: someone able to write the tables who recomputes every hash from the changed row
 * to the lane's head. Publishing the heads elsewhere (signed, periodically) closes that gap.
 */
import { canonicalJson, GENESIS_HASH, rowHash, subjectsDigest } from './chain.ts';
import type { ChainBreak, ChainReport } from './model.ts';
import type { AuditStore, LaneHead, StoredRow } from './store.ts';

/** Rows read per query while walking a lane. */
export const VERIFY_PAGE_SIZE = 1000;

/** Walks every lane that has a head or rows; reports the first break of each lane. */
export async function verifyChains(store: AuditStore, pageSize = VERIFY_PAGE_SIZE): Promise<ChainReport> {
  const heads = new Map((await store.heads()).map((head) => [head.lane, head]));
  const withRows = await store.lanesWithRows();
  const lanes = [...new Set([...heads.keys(), ...withRows])].sort((a, b) => a - b);
  let rows = 0;
  const breaks: ChainBreak[] = [];
  for (const lane of lanes) {
    const result = await verifyLane(store, lane, heads.get(lane), pageSize);
    rows += result.rows;
    if (result.broken) breaks.push(result.broken);
  }
  return { ok: breaks.length === 0, rows, lanes: lanes.length, breaks };
}

interface LaneResult {
  readonly rows: number;
  readonly broken?: ChainBreak;
}

/**
 * Checks the rows of a lane up to the head read before the walk: rows appended since belong to the next
 * verification (an append moves the head in the transaction that inserts its rows, so every row up to the
 * head read is already visible).
 */
async function verifyLane(
  store: AuditStore,
  lane: number,
  head: LaneHead | undefined,
  pageSize: number,
): Promise<LaneResult> {
  if (!head) {
    const [first] = await store.lanePage(lane, 1);
    return { rows: 0, broken: { lane, seq: first?.seq ?? 0, id: first?.id ?? null, reason: 'no_head' } };
  }
  let rows = 0;
  let previous: { seq: number; id: number | null; hash: Buffer } = { seq: 0, id: null, hash: GENESIS_HASH };
  for await (const row of walk(store, lane, pageSize)) {
    if (row.seq > head.seq) break;
    const broken = checkRow(row, previous) ?? (row.group ? await checkSubjects(store, row) : undefined);
    if (broken) return { rows, broken: { lane, ...broken } };
    rows++;
    previous = row;
  }
  const broken = checkTail(previous, head) ?? (await checkBeyondHead(store, head));
  return broken ? { rows, broken: { lane, ...broken } } : { rows };
}

type Finding = Omit<ChainBreak, 'lane'>;

function checkRow(row: StoredRow, previous: { seq: number; hash: Buffer }): Finding | undefined {
  if (row.seq <= previous.seq) return { seq: row.seq, id: row.id, reason: 'duplicate' };
  if (row.seq > previous.seq + 1) return { seq: previous.seq + 1, id: null, reason: 'missing' };
  if (!row.prevHash.equals(previous.hash)) return { seq: row.seq, id: row.id, reason: 'link' };
  const detailsJson = row.details === null ? null : canonicalJson(row.details);
  if (!rowHash(row.prevHash, { ...row, detailsJson }).equals(row.hash)) {
    return { seq: row.seq, id: row.id, reason: 'altered' };
  }
  return undefined;
}

/**
 * A group's subjects, read back in item order, must be numbered 1 to n and give the digest its hash sealed
 * (the row's hash was checked first, so its count and digest are the ones appended).
 */
async function checkSubjects(store: AuditStore, row: StoredRow): Promise<Finding | undefined> {
  const { subjectIds, lines, items } = await store.groupSubjects(row.id);
  const numbered = items.every((item, index) => item === index + 1);
  const group = row.group;
  if (numbered && group && items.length === group.subjects && subjectsDigest(subjectIds, lines).equals(group.digest)) {
    return undefined;
  }
  return { seq: row.seq, id: row.id, reason: 'subjects' };
}

/** The walk must end exactly at the head: same seq (else the last rows were deleted), same hash. */
function checkTail(last: { seq: number; id: number | null; hash: Buffer }, head: LaneHead): Finding | undefined {
  if (last.seq < head.seq) return { seq: last.seq + 1, id: null, reason: 'missing' };
  if (!last.hash.equals(head.hash)) return { seq: head.seq, id: last.id, reason: 'head' };
  return undefined;
}

/**
 * A row past the head that no append wrote. The row is read before the head is read again: a row an append
 * committed is then always at or below the fresh head.
 */
async function checkBeyondHead(store: AuditStore, head: LaneHead): Promise<Finding | undefined> {
  const last = await store.lastRow(head.lane);
  if (!last || last.seq <= head.seq) return undefined;
  const fresh = await store.head(head.lane);
  if (fresh && last.seq <= fresh.seq) return undefined;
  return { seq: last.seq, id: last.id, reason: 'beyond_head' };
}

/** The rows of a lane in chain order, one keyset page at a time. */
async function* walk(store: AuditStore, lane: number, pageSize: number): AsyncIterable<StoredRow> {
  let after: { seq: number; id: number } | undefined;
  for (;;) {
    const page = await store.lanePage(lane, pageSize, after);
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < pageSize) return;
    after = { seq: last.seq, id: last.id };
  }
}
