/** A subject's history as the citizen reads it: its items and the opaque cursors of its pages. */
import { DomainError } from '../kernel/index.ts';
import type { HistoryRow, SubjectCursor } from './history-store.ts';
import type { AccessLogItem } from './model.ts';

/** An entry of the history as the citizen reads it; a group's subject shows its line among the details. */
export function toItem(row: HistoryRow): AccessLogItem {
  const details = row.line === null ? row.details : { ...row.details, line: row.line };
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
    ...(details === null ? {} : { details }),
    ...(row.item === 0 ? {} : { item: row.item }),
  };
}

/**
 * The cursor is opaque to callers: base64url of `<epoch ms>.<id>` of the last entry of the page, with `.<item>`
 * when it is a group's subject.
 */
export function encodeCursor(row: HistoryRow): string {
  const item = row.item === 0 ? '' : `.${row.item}`;
  return Buffer.from(`${row.at.getTime()}.${row.id}${item}`).toString('base64url');
}

export function decodeCursor(cursor: string): SubjectCursor {
  const match = /^(\d{1,15})\.(\d{1,15})(?:\.(\d{1,9}))?$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  if (!match) {
    throw new DomainError(
      'AUDIT_QUERY_INVALID',
      'The page cursor is not one this service gave; start again without it.',
      {
        field: 'before',
      },
    );
  }
  return { at: new Date(Number(match[1])), id: Number(match[2]), item: Number(match[3] ?? 0) };
}
