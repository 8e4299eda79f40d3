/**
 * The columns of a batch file and the reading of one row into a declaration, with a stable code for each way
 * a row can be unreadable (docs/verification.md).
 */
import { DomainError, isDomainError, parsePersonalId } from '../../kernel/index.ts';
import { assertCalendarDays, requestedCheckTypes } from '../check.ts';
import { type CheckType, VerificationRequest } from '../model.ts';
import type { CsvRecordError } from './csv-reader.ts';

/** The columns a batch file may have, named in its header row in any order; `personalId` is required. */
export const BATCH_COLUMNS = [
  'personalId',
  'fullName',
  'birthDate',
  'sex',
  'cardNumber',
  'cardIssuedOn',
  'phone',
  'address',
] as const;
export type BatchColumn = (typeof BATCH_COLUMNS)[number];

/** Why a row is not checked. */
export type RowError =
  | CsvRecordError
  | 'ROW_WRONG_COLUMN_COUNT'
  | 'INVALID_PERSONAL_ID'
  | 'INVALID_DATE'
  | 'INVALID_FIELD';

/** A row's declared fields (empty cells absent), as the online check's request has them. */
export type Declaration = Partial<Record<BatchColumn, string>>;

export interface ReadRow {
  readonly declared: Declaration;
  readonly error?: RowError;
  /** The column at fault, for `INVALID_DATE` and `INVALID_FIELD`. */
  readonly column?: BatchColumn;
}

/**
 * The header row: known column names, each once, `personalId` among them.
 * @throws DomainError BATCH_HEADER_INVALID
 */
export function readHeader(fields: readonly string[] | undefined): BatchColumn[] {
  const names = (fields ?? []).map((name, index) => (index === 0 ? name.replace(/^\uFEFF/, '') : name).trim());
  const unknown = names.filter((name) => !(BATCH_COLUMNS as readonly string[]).includes(name));
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (!fields || unknown.length > 0 || repeated.length > 0 || !names.includes('personalId')) {
    throw new DomainError(
      'BATCH_HEADER_INVALID',
      'The first row must name the columns: personalId and any of the others, each once.',
      { columns: [...BATCH_COLUMNS], unknown, repeated },
    );
  }
  return names as BatchColumn[];
}

/** The check types a file's columns imply, as the online check derives them from the fields given. */
export function checkTypesOfColumns(columns: readonly BatchColumn[]): CheckType[] {
  const probe = Object.fromEntries(columns.filter((c) => c !== 'personalId').map((c) => [c, 'x']));
  return requestedCheckTypes({ personalId: 'x', ...probe } as unknown as VerificationRequest);
}

/** The online request's own rule for a field, so that a batch row is read exactly as a request is. */
const rule = (column: BatchColumn) =>
  VerificationRequest.properties[column] as unknown as { pattern?: string; maxLength?: number };
const matches = (column: BatchColumn) => {
  const regex = new RegExp(rule(column).pattern ?? '');
  return (value: string) => regex.test(value);
};
const FORMATS: Partial<Record<BatchColumn, (value: string) => boolean>> = {
  fullName: (value) => value.length <= (rule('fullName').maxLength ?? 200),
  birthDate: matches('birthDate'),
  sex: (value) => value === 'male' || value === 'female',
  cardNumber: matches('cardNumber'),
  cardIssuedOn: matches('cardIssuedOn'),
  phone: matches('phone'),
  address: (value) => value.length <= (rule('address').maxLength ?? 500),
};

/** Reads one data row against the header: the checks of the online request's schema, cell by cell. */
export function readRow(columns: readonly BatchColumn[], fields: readonly string[]): ReadRow {
  if (fields.length !== columns.length) return { declared: {}, error: 'ROW_WRONG_COLUMN_COUNT' };
  const declared: Declaration = {};
  columns.forEach((column, index) => {
    const value = (fields[index] as string).trim();
    if (value !== '') declared[column] = value;
  });
  if (declared.personalId === undefined) return { declared, error: 'INVALID_PERSONAL_ID', column: 'personalId' };
  try {
    parsePersonalId(declared.personalId);
  } catch (error) {
    if (isDomainError(error)) return { declared, error: 'INVALID_PERSONAL_ID', column: 'personalId' };
    throw error;
  }
  for (const column of columns) {
    const value = declared[column];
    if (value === undefined || !FORMATS[column] || FORMATS[column](value)) continue;
    const isDate = column === 'birthDate' || column === 'cardIssuedOn';
    return { declared, error: isDate ? 'INVALID_DATE' : 'INVALID_FIELD', column };
  }
  try {
    assertCalendarDays(declared as VerificationRequest);
  } catch (error) {
    if (isDomainError(error) && error.code === 'INVALID_DATE') {
      return { declared, error: 'INVALID_DATE', column: (error.details as { field: BatchColumn }).field };
    }
    throw error;
  }
  return { declared };
}
