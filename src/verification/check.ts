/**
 * Kiểm tra trực tuyến — the online check: a partner's customer declaration compared with the registry,
 * answered with results, reason codes and status flags only.
 */
import { randomUUID } from 'node:crypto';
import { type Clock, DomainError, parsePersonalId, vietnamDate } from '../kernel/index.ts';
import type { AccessContext, VerificationFacts, VerificationReadOptions } from '../registry/index.ts';
import type { QuotaCounter, RateLimiter } from './limits.ts';
import { matchAddress, matchBirthDate, matchCard, matchName, matchPhone, matchSex } from './matching.ts';
import {
  type Attribute,
  type AttributeResult,
  CHECK_TYPES,
  type CheckType,
  type Contract,
  type StatusFlags,
  type VerificationAnswer,
  type VerificationRequest,
} from './model.ts';
import { contractOn, type PartnerTerms } from './partners.ts';
import { PURPOSES, type PurposeCodeOf } from './purposes.ts';

export interface CheckDeps {
  readonly clock: Clock;
  /** The registry's logged read for checks (`Registry.verificationFacts`). */
  readonly facts: (
    personalId: string,
    access: AccessContext,
    options: VerificationReadOptions,
  ) => Promise<VerificationFacts | undefined>;
  /** Whether the person's eID account is locked (`Identity.accountStatus`). */
  readonly accountStatus: (personalId: string) => Promise<'none' | 'active' | 'locked'>;
  readonly quotas: QuotaCounter;
  readonly rates: RateLimiter;
}

/** The fields of a declaration by the kind of check that compares them. */
const FIELDS_OF: Record<CheckType, readonly (keyof VerificationRequest)[]> = {
  identity: ['fullName', 'birthDate', 'sex'],
  card: ['cardNumber', 'cardIssuedOn'],
  phone: ['phone'],
  address: ['address'],
};

/**
 * Checks a declaration for a partner. Refusals come before anything is read or counted; an admitted check
 * is logged once (and so billed) whether or not the number belongs to anyone.
 * @throws DomainError PARTNER_SUSPENDED, CONTRACT_NOT_IN_FORCE, PURPOSE_NOT_ALLOWED, CHECK_TYPE_NOT_ALLOWED,
 *   INVALID_PERSONAL_ID, INVALID_DATE, RATE_LIMITED, QUOTA_EXCEEDED
 */
export async function checkDeclaration(
  deps: CheckDeps,
  terms: PartnerTerms,
  request: VerificationRequest,
  requestId?: string,
): Promise<VerificationAnswer> {
  const contract = contractInForce(deps, terms);
  const purpose = allowedPurpose(contract, request.purpose);
  const checkTypes = allowedCheckTypes(contract, request);
  const personalId = parsePersonalId(request.personalId);
  assertCalendarDays(request);
  deps.rates.take(terms.partner.id, contract.ratePerSecond);
  const admission = await deps.quotas.admit(terms.partner.id, contract.monthlyQuota);
  const checkId = newCheckId();
  let read: [VerificationFacts | undefined, 'none' | 'active' | 'locked'];
  try {
    read = await Promise.all([
      deps.facts(
        personalId,
        {
          actor: { id: terms.partner.id, kind: 'partner', name: terms.partner.name },
          purpose: PURPOSES[purpose],
          channel: 'api',
          ...(requestId ? { requestId } : {}),
        },
        { withAddresses: checkTypes.includes('address'), details: { checkId, checkTypes } },
      ),
      deps.accountStatus(personalId),
    ]);
  } catch (error) {
    admission.release();
    throw error;
  }
  admission.done();
  const [facts, account] = read;
  return {
    checkId,
    checkedAt: deps.clock.now().toISOString(),
    purpose,
    checkTypes,
    attributes: facts ? compare(request, facts) : personNotFound(request),
    flags: flagsOf(facts, account),
  };
}

/**
 * A random UUID for the check. The access log refuses details holding twelve digits in a row (they could be
 * a personal ID number), which the last group of a UUID sometimes is: such an id is drawn again.
 */
export function newCheckId(): string {
  for (;;) {
    const id = randomUUID();
    if (!/\d{12}/.test(id)) return id;
  }
}

/** Refuses a suspended partner, and one without a contract in force today. */
export function contractInForce(deps: Pick<CheckDeps, 'clock'>, terms: PartnerTerms): Contract {
  if (terms.partner.status === 'suspended') {
    throw new DomainError('PARTNER_SUSPENDED', 'The partner is suspended: no checks are answered.');
  }
  const contract = contractOn(terms.contracts, vietnamDate(deps.clock.now()));
  if (!contract) throw new DomainError('CONTRACT_NOT_IN_FORCE', 'The partner has no contract in force today.');
  return contract;
}

export function allowedPurpose(contract: Contract, purpose: string): PurposeCodeOf {
  if (!contract.purposes.some((allowed) => allowed.code === purpose) || !Object.hasOwn(PURPOSES, purpose)) {
    throw new DomainError('PURPOSE_NOT_ALLOWED', 'The contract does not allow checks for this purpose.', {
      purpose,
      allowed: contract.purposes.map((allowed) => allowed.code),
    });
  }
  return purpose as PurposeCodeOf;
}

/** The kinds asked for and those of the fields given (`identity` alone when only the number is given). */
export function requestedCheckTypes(request: VerificationRequest): CheckType[] {
  const asked = new Set<CheckType>(request.checkTypes ?? []);
  for (const type of CHECK_TYPES) {
    if (FIELDS_OF[type].some((field) => request[field] !== undefined)) asked.add(type);
  }
  if (asked.size === 0) asked.add('identity');
  return CHECK_TYPES.filter((type) => asked.has(type));
}

function allowedCheckTypes(contract: Contract, request: VerificationRequest): CheckType[] {
  const types = requestedCheckTypes(request);
  const refused = types.filter((type) => !contract.checkTypes.includes(type));
  if (refused.length > 0) {
    throw new DomainError('CHECK_TYPE_NOT_ALLOWED', `The contract does not allow ${refused.join(', ')} checks.`, {
      refused,
      allowed: contract.checkTypes,
    });
  }
  return types;
}

/**
 * The schema checks the shape of days; this checks that they exist in the calendar.
 * @throws DomainError INVALID_DATE (`details.field`)
 */
export function assertCalendarDays(request: VerificationRequest): void {
  for (const field of ['birthDate', 'cardIssuedOn'] as const) {
    const value = request[field];
    if (value === undefined) continue;
    if (!isCalendarDay(value)) throw new DomainError('INVALID_DATE', `${field} is not a calendar date.`, { field });
  }
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (shape already checked) naming a day, month or year of the calendar. */
function isCalendarDay(value: string): boolean {
  if (value.length === 4) return true;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  if (!(month >= 1 && month <= 12)) return false;
  if (value.length === 7) return true;
  const day = Number(value.slice(8, 10));
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const last = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] as number);
  return day >= 1 && day <= last;
}

export function compare(request: VerificationRequest, facts: VerificationFacts): Record<Attribute, AttributeResult> {
  return {
    personalId: { result: 'match', reasons: ['PERSON_FOUND'] },
    fullName: matchName(request.fullName, facts),
    birthDate: matchBirthDate(request.birthDate, facts),
    sex: matchSex(request.sex, facts),
    card: matchCard({ number: request.cardNumber, issuedOn: request.cardIssuedOn }, facts),
    phone: matchPhone(request.phone, facts),
    address: matchAddress(request.address, facts),
  };
}

/** A number nobody has: every attribute given is a mismatch, for that reason. */
export function personNotFound(request: VerificationRequest): Record<Attribute, AttributeResult> {
  const given = (...values: unknown[]): AttributeResult =>
    values.some((value) => value !== undefined)
      ? { result: 'mismatch', reasons: ['PERSON_NOT_FOUND'] }
      : { result: 'not_provided', reasons: [] };
  return {
    personalId: { result: 'mismatch', reasons: ['PERSON_NOT_FOUND'] },
    fullName: given(request.fullName),
    birthDate: given(request.birthDate),
    sex: given(request.sex),
    card: given(request.cardNumber, request.cardIssuedOn),
    phone: given(request.phone),
    address: given(request.address),
  };
}

export function flagsOf(facts: VerificationFacts | undefined, account: 'none' | 'active' | 'locked'): StatusFlags {
  const newest = facts?.cards[0];
  return {
    deceased: facts?.status === 'deceased',
    missing: facts?.status === 'missing',
    cardExpired: newest?.status === 'expired',
    cardRevoked: newest?.status === 'revoked',
    eidLocked: account === 'locked',
  };
}
