import type { TFunction } from 'i18next';

/** The kinds of dossier history entries the app names; others show the server's code. */
const EVENT_KINDS = [
  'submitted',
  'received',
  'payment_started',
  'paid',
  'payment_cancelled',
  'step_ready',
  'claimed',
  'handed_on',
  'step_done',
  'refused',
  'supplement_requested',
  'supplement_answered',
  'supplement_expired',
  'compensated',
  'refunded',
  'withdrawn',
  'done',
] as const;
type EventKind = (typeof EVENT_KINDS)[number];

const isEventKind = (kind: string): kind is EventKind => (EVENT_KINDS as readonly string[]).includes(kind);

/** The label of a history entry's kind in the reader's language. */
export function eventLabel(kind: string, t: TFunction): string {
  return isEventKind(kind) ? t(`dossier.events.${kind}`) : kind;
}

/** The names of step results the app labels (the birth group's new ID number, card number, …). */
const RESULT_NAMES = [
  'childPersonalId',
  'registeredOn',
  'cardNumber',
  'socialInsuranceCode',
  'validFrom',
  'validTo',
  'diedOn',
  'newHeadPersonalId',
  'deregisteredOn',
  'amountVnd',
  'payee',
  'paidTo',
  'decidedOn',
  'certificateNumber',
  'issuedOn',
  'from',
  'until',
] as const;
type ResultName = (typeof RESULT_NAMES)[number];

const isResultName = (name: string): name is ResultName => (RESULT_NAMES as readonly string[]).includes(name);

/** The label of a field of a step's result, when no decision field names it. */
export function resultLabel(name: string, t: TFunction): string {
  return isResultName(name) ? t(`dossier.results.${name}`) : name;
}

/** Result fields that are the registry's internal record numbers: of no use to a reader. */
const INTERNAL_RESULTS = new Set(['householdId', 'residenceId']);

/** Whether a field of a step's result is shown. */
export function isShownResult(name: string): boolean {
  return !INTERNAL_RESULTS.has(name);
}

const RELATIONSHIPS = [
  'head',
  'spouse',
  'child',
  'parent',
  'grandparent',
  'grandchild',
  'sibling',
  'child_in_law',
  'other_relative',
  'other',
] as const;
type Relationship = (typeof RELATIONSHIPS)[number];
const isRelationship = (value: unknown): value is Relationship => (RELATIONSHIPS as readonly unknown[]).includes(value);

/**
 * A value the server adds to a filed form beyond the e-form's fields (the child's relationship to the head of
 * the household the birth group registers it in), as a label and value; null for one the app does not know.
 */
export function addedFormValue(name: string, value: unknown, t: TFunction): [string, string] | null {
  if (name === 'childRelationshipToHead' && isRelationship(value)) {
    return [t('dossier.childRelationshipToHead'), t(`labels.householdRelationship.${value}`)];
  }
  return null;
}
