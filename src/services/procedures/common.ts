import { DomainError } from '../../kernel/index.ts';
import type { Address, PersonRecord, Residence } from '../../registry/index.ts';
import type { Form } from '../model.ts';

/** A text field of a checked form (the form's schema made it a string). */
export function text(form: Form, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value : '';
}

/** An optional text field, or undefined. */
export function optionalText(form: Form, name: string): string | undefined {
  const value = form[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** A whole-number field of a checked form, or undefined. */
export function whole(form: Form, name: string): number | undefined {
  const value = form[name];
  return typeof value === 'number' ? value : undefined;
}

/** A step's earlier result field, which the workflow guarantees. */
export function resultText(results: Readonly<Record<string, Record<string, unknown>>>, step: string, key: string) {
  const value = results[step]?.[key];
  if (typeof value !== 'string') throw new Error(`step ${step} left no ${key}`);
  return value;
}

/** The 2025 commune an address lies in today (the first, for a commune split in 2025). */
export function currentCommuneId(address: Address): string | undefined {
  return (
    address.current[0]?.communeId ??
    (address.recorded.communeId.startsWith('2025:') ? address.recorded.communeId : undefined)
  );
}

/** The person's permanent residence in force. */
export function openPermanentResidence(record: PersonRecord): Residence | undefined {
  return record.residences.find((row) => row.kind === 'permanent' && row.validTo === null);
}

/**
 * The 2025 commune of the person's permanent residence: where their residence procedures are handled.
 * @throws DomainError NO_PERMANENT_RESIDENCE
 */
export function homeCommune(record: PersonRecord): { communeId: string; addressLine: string; residence: Residence } {
  const residence = openPermanentResidence(record);
  const communeId = residence && currentCommuneId(residence.address);
  if (!residence || !communeId) {
    throw new DomainError(
      'NO_PERMANENT_RESIDENCE',
      'The registry holds no permanent residence for this person: register one first.',
    );
  }
  return { communeId, addressLine: residence.address.addressLine, residence };
}

/** Refuses a day after today. */
export function assertNotFuture(day: string, today: string, field: string): void {
  if (day > today) {
    throw new DomainError('FORM_INVALID', `${field} cannot be a day that has not come yet.`, {
      fields: [{ name: field, reason: 'format' }],
    });
  }
}
