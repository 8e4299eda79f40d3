import { DomainError, toNfc, tryParsePersonalId } from '../../kernel/index.ts';
import type { Field, Form } from '../model.ts';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const COMMUNE_2025 = /^2025:\d{5}$/;
const DEFAULT_MAX_LENGTH = 200;

/** Why a field was refused, in the problem's `details.fields`. */
export interface FieldProblem {
  readonly name: string;
  readonly reason: 'required' | 'unknown' | 'type' | 'too_long' | 'option' | 'format';
}

/**
 * Checks a form against its fields and returns it cleaned: text in NFC and trimmed, empty values dropped.
 * `readOnly` fields are kept as given here; the procedure replaces them with the registry's values.
 * @throws DomainError FORM_INVALID with `details.fields` naming each field and why
 */
export function validateForm(fields: readonly Field[], form: Form): Form {
  const problems: FieldProblem[] = [];
  const byName = new Map(fields.map((field) => [field.name, field]));
  for (const name of Object.keys(form)) {
    if (!byName.has(name)) problems.push({ name, reason: 'unknown' });
  }
  const clean: Form = {};
  for (const field of fields) {
    const raw = form[field.name];
    const value = typeof raw === 'string' ? toNfc(raw.trim()) : raw;
    if (value === undefined || value === null || value === '') {
      if (field.required && !field.readOnly) problems.push({ name: field.name, reason: 'required' });
      continue;
    }
    const reason = fieldProblem(field, value);
    if (reason) problems.push({ name: field.name, reason });
    else clean[field.name] = value;
  }
  if (problems.length > 0) {
    throw new DomainError(
      'FORM_INVALID',
      `Check the form: ${problems.map((p) => `${p.name} (${p.reason})`).join(', ')}.`,
      {
        fields: problems,
      },
    );
  }
  return clean;
}

function fieldProblem(field: Field, value: string | number | boolean): FieldProblem['reason'] | undefined {
  switch (field.type) {
    case 'checkbox':
      return typeof value === 'boolean' ? undefined : 'type';
    case 'number':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? undefined : 'type';
    default: {
      if (typeof value !== 'string') return 'type';
      if (value.length > (field.maxLength ?? DEFAULT_MAX_LENGTH)) return 'too_long';
      if (field.type === 'date' && !isDay(value)) return 'format';
      if (field.type === 'personalId' && !tryParsePersonalId(value)) return 'format';
      if (field.type === 'commune' && !COMMUNE_2025.test(value)) return 'format';
      if (field.type === 'select' && !field.options?.some((option) => option.value === value)) return 'option';
      return undefined;
    }
  }
}

function isDay(value: string): boolean {
  if (!DAY.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}
