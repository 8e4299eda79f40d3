import { coalescePer, type Database } from '../../db/index.ts';
import { parsePersonalId } from '../../kernel/index.ts';
import { type CardStatus, cardStatusOn } from '../rules.ts';
import type { IdentityCardRow, PersonRow, ResidenceRow } from '../tables.ts';
import { type AccessContext, type RegistryDeps, today } from './context.ts';

/** A card as a verification needs it: its number, issue day and status today. */
export interface VerificationCard {
  readonly cardNumber: string;
  readonly issuedOn: string;
  readonly status: CardStatus;
}

/** An open permanent or temporary residence: its line and the names of its unit then and now. */
export interface VerificationAddress {
  readonly kind: 'permanent' | 'temporary';
  readonly addressLine: string;
  /** The names of the commune as recorded and of the commune(s) it belongs to today (`Phường Ba Đình`). */
  readonly communeNames: readonly string[];
}

/**
 * What the verification of a customer's declaration compares with, and nothing more. It is for matching
 * inside the platform: none of it may be sent to a partner.
 */
export interface VerificationFacts {
  readonly fullName: string;
  readonly otherNames: readonly string[];
  readonly birthDate: string;
  readonly birthDatePrecision: 'day' | 'month' | 'year';
  readonly sex: 'male' | 'female';
  readonly status: 'alive' | 'deceased' | 'missing';
  readonly phone: string | null;
  /** The former 9-digit identity card (CMND) number, if recorded. */
  readonly formerIdNumber: string | null;
  /** Newest first. */
  readonly cards: readonly VerificationCard[];
  /** Only when asked for (`withAddresses`): resolving unit names costs more than the rest. */
  readonly addresses?: readonly VerificationAddress[];
}

export interface VerificationReadOptions {
  readonly withAddresses?: boolean;
  /** Facts about the check for the access-log entry (its id, the kinds of checks): never personal data. */
  readonly details?: Record<string, unknown>;
}

/**
 * The facts a partner's check of `personalId` is matched against, or undefined when no person has this number.
 * The access is logged once, with action `verify`, whether or not the person exists (a check of an unknown
 * number is still a check, and is billed); the log write runs alongside the read.
 * @throws DomainError INVALID_PERSONAL_ID
 */
export async function verificationFacts(
  deps: RegistryDeps,
  personalIdText: string,
  access: AccessContext,
  options: VerificationReadOptions = {},
): Promise<VerificationFacts | undefined> {
  const personalId = parsePersonalId(personalIdText);
  const logged = deps.accessLog.record({
    actorId: access.actor.id,
    actorKind: access.actor.kind,
    ...(access.actor.name ? { actorName: access.actor.name } : {}),
    purpose: access.purpose,
    channel: access.channel,
    action: 'verify',
    subjectId: personalId,
    ...(access.requestId ? { requestId: access.requestId } : {}),
    ...(options.details ? { details: options.details } : {}),
  });
  const [facts] = await Promise.all([readFacts(deps, personalId, options.withAddresses === true), logged]);
  return facts;
}

async function readFacts(
  deps: RegistryDeps,
  personalId: string,
  withAddresses: boolean,
): Promise<VerificationFacts | undefined> {
  const row = await factsRowOf(deps.db, personalId);
  if (!row) return undefined;
  const now = today(deps);
  const facts = factsOfRow(row, now);
  if (!withAddresses) return facts;
  return { ...facts, addresses: await openAddresses(deps, personalId, now) };
}

/** The facts of one row of {@link FACTS_COLUMNS}, cards with their status on `now`. */
export function factsOfRow(row: FactsRow, now: string): VerificationFacts {
  const cards = (row.cards ?? []).map((card) => ({
    cardNumber: card.card_number,
    issuedOn: card.issued_on,
    status: cardStatusOn(
      { status: card.status, expiresOn: card.expires_on, statusChangedOn: card.status_changed_on },
      now,
    ),
  }));
  return {
    fullName: row.full_name,
    otherNames: row.other_names ?? [],
    birthDate: row.birth_date,
    birthDatePrecision: row.birth_date_precision,
    sex: row.sex,
    status: row.status,
    phone: row.phone,
    formerIdNumber: row.former_id_number,
    cards,
  };
}

async function openAddresses(deps: RegistryDeps, personalId: string, now: string): Promise<VerificationAddress[]> {
  const { rows } = await deps.db.query<Pick<ResidenceRow, 'kind' | 'commune_id' | 'address_line' | 'valid_from'>>(
    ADDRESSES_SQL,
    [personalId, now],
  );
  return Promise.all(rows.map((row) => addressOfRow(deps, row, now)));
}

/** An open residence with the names of its commune as recorded and as it is called today. */
export async function addressOfRow(
  deps: Pick<RegistryDeps, 'units'>,
  row: Pick<ResidenceRow, 'kind' | 'commune_id' | 'address_line' | 'valid_from'>,
  now: string,
): Promise<VerificationAddress> {
  const resolved = await deps.units.resolveUnit(row.commune_id, row.valid_from, now);
  const units = [resolved.recorded, ...resolved.current];
  return {
    kind: row.kind === 'permanent' ? 'permanent' : 'temporary',
    addressLine: row.address_line,
    communeNames: [...new Set(units.map((unit) => unit.commune.name))],
  };
}

export type FactsRow = Pick<
  PersonRow,
  'full_name' | 'other_names' | 'birth_date' | 'birth_date_precision' | 'sex' | 'status' | 'phone' | 'former_id_number'
> & {
  cards: Pick<IdentityCardRow, 'card_number' | 'issued_on' | 'expires_on' | 'status' | 'status_changed_on'>[] | null;
};

/** The columns of {@link FactsRow}, read from `registry.person p`. */
const FACTS_COLUMNS = `p.full_name, p.other_names, p.birth_date, p.birth_date_precision, p.sex, p.status, p.phone,
    p.former_id_number,
    (select json_agg(json_build_object('card_number', c.card_number, 'issued_on', c.issued_on,
        'expires_on', c.expires_on, 'status', c.status, 'status_changed_on', c.status_changed_on)
        order by c.issued_on desc, c.id desc)
      from registry.identity_card c where c.personal_id = p.personal_id) as cards`;

/**
 * The person and cards of each of `personalIds` that someone has, in one statement of fixed text: a batch
 * chunk's people, or the online checks of one turn of the event loop read together (`factsRowOf`).
 */
export async function factsRows(db: Database, personalIds: readonly string[]): Promise<Map<string, FactsRow>> {
  // `char(12)[]`, the column's type: against a `text[]` the column would be cast, and its index not used.
  const { rows } = await db.query<FactsRow & { personal_id: string }>(
    `select p.personal_id, ${FACTS_COLUMNS} from registry.person p where p.personal_id = any($1::char(12)[])`,
    [personalIds],
  );
  return new Map(rows.map((row) => [row.personal_id, row]));
}

/**
 * One person's facts row, read with the other lookups of the same turn (`db/coalesce.ts`): the online check is
 * the platform's busiest read, and concurrent checks then share a statement.
 */
const factsRowOf = coalescePer(factsRows);

/** Open permanent and temporary residences (a temporary one until its expiry day). */
export const OPEN_RESIDENCES = `r.valid_to is null
    and (r.kind = 'permanent' or (r.kind = 'temporary' and (r.expires_on is null or r.expires_on >= $2)))`;

const ADDRESSES_SQL = `
  select r.kind, r.commune_id, r.address_line, r.valid_from from registry.residence r
  where r.personal_id = $1 and ${OPEN_RESIDENCES}
  order by r.kind, r.valid_from desc, r.id`;
