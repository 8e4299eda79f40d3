import type { ApiProblem } from '../../api/problem.ts';
import type { FormField, FormValues } from '../../api/services-model.ts';
import { isDay } from '../../i18n/format.ts';

/**
 * Why a field's value is refused: missing or not in the field's format (checked here before sending), or one
 * of the reasons the server gives in a `FORM_INVALID` problem.
 */
export type FieldProblem =
  | 'required'
  | 'personalId'
  | 'date'
  | 'number'
  | 'unknown'
  | 'type'
  | 'too_long'
  | 'option'
  | 'format';

const SERVER_REASONS: readonly FieldProblem[] = ['required', 'unknown', 'type', 'too_long', 'option', 'format'];
const PERSONAL_ID = /^\d{12}$/;

/** Whether a value counts as given: a ticked box, a non-blank text, a number. */
export function isFilled(value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') return value.trim() !== '';
  return value !== null && value !== undefined;
}

/**
 * The fields of `values` the server would refuse: required ones left empty, personal ID numbers that are not
 * 12 digits, days that do not exist, numbers that are not whole. The server checks again; this spares a round
 * trip and says which field.
 */
export function validateForm(fields: readonly FormField[], values: FormValues): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (!isFilled(value)) {
      if (field.required && !field.readOnly && field.type !== 'checkbox') problems[field.name] = 'required';
      continue;
    }
    const text = typeof value === 'string' ? value.trim() : String(value);
    if (field.type === 'personalId' && !PERSONAL_ID.test(text)) problems[field.name] = 'personalId';
    if (field.type === 'date' && !isDay(text)) problems[field.name] = 'date';
    if (field.type === 'number' && !/^\d+$/.test(text)) problems[field.name] = 'number';
    if (field.maxLength !== undefined && text.length > field.maxLength) problems[field.name] = 'too_long';
  }
  return problems;
}

/** The values to send: texts trimmed, numbers as numbers, empty optional values left out. */
export function cleanForm(fields: readonly FormField[], values: FormValues): Record<string, string | number | boolean> {
  const form: Record<string, string | number | boolean> = {};
  for (const field of fields) {
    const value = values[field.name];
    if (value === undefined || value === null) continue;
    if (typeof value === 'string') {
      const text = value.trim();
      if (text !== '') form[field.name] = field.type === 'number' ? Number(text) : text;
    } else {
      form[field.name] = value;
    }
  }
  return form;
}

/** The fields a `FORM_INVALID` problem names (`details.fields`), by name. */
export function serverFieldProblems(problem: ApiProblem): Record<string, FieldProblem> {
  const found: Record<string, FieldProblem> = {};
  const listed = problem.code === 'FORM_INVALID' ? problem.details.fields : undefined;
  if (!Array.isArray(listed)) return found;
  for (const entry of listed as unknown[]) {
    if (typeof entry !== 'object' || entry === null) continue;
    const { name, reason } = entry as { name?: unknown; reason?: unknown };
    if (typeof name !== 'string') continue;
    const known = SERVER_REASONS.find((candidate) => candidate === reason);
    found[name] = known ?? 'format';
  }
  return found;
}
