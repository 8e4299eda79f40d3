/** A subject's history as the citizen reads it: its items and the opaque cursors of its pages. */
import { DomainError } from '../kernel/index.ts';
import type { AccessLogItem } from './model.ts';
import type { StoredRow } from './store.ts';

export function toItem(row: StoredRow): AccessLogItem {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorKind: row.actorKind,
    ...(row.actorName === null ? {} : { actorName: row.actorName }),
    purpose: row.purpose,
    channel: row.channel,
    action: row.action,
    subjectId: row.subjectId,
    ...(row.requestId === null ? {} : { requestId: row.requestId }),
    ...(row.details === null ? {} : { details: row.details }),
  };
}

/** The cursor is opaque to callers: base64url of `<epoch ms>.<id>` of the last row of the page. */
export function encodeCursor(row: StoredRow): string {
  return Buffer.from(`${row.at.getTime()}.${row.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): { at: Date; id: number } {
  const match = /^(\d{1,15})\.(\d{1,15})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw new DomainError(
      'AUDIT_QUERY_INVALID',
      'The page cursor is not one this service gave; start again without it.',
      {
        field: 'before',
      },
    );
  }
  return { at: new Date(Number(match[1])), id: Number(match[2]) };
}
