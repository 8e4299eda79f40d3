import { DomainError, toNfc } from '../../kernel/index.ts';
import { type RegistryDb, store } from '../store.ts';
import type { ResidenceRow } from '../tables.ts';
import {
  assertAlive,
  assertEffectiveDay,
  type ChangeContext,
  getPersonForUpdate,
  inTransaction,
  type RegistryDeps,
  recordEvent,
} from './context.ts';

/** Law on Residence 2020, Art. 27(3): a temporary residence is registered for at most two years. */
export const TEMPORARY_RESIDENCE_MAX_YEARS = 2;

export interface ResidencePlace {
  readonly communeId: string;
  readonly addressLine: string;
  readonly householdId?: number | null;
  readonly basis?: string;
}

/**
 * Registers a permanent residence from `from`. An open permanent residence that began earlier ends the day
 * before (a move: registering the new place deregisters the old one); any other overlap is refused.
 * @throws DomainError PERSON_NOT_FOUND, PERSON_NOT_ALIVE, RESIDENCE_OVERLAP, ADMIN_UNIT_NOT_FOUND, ADMIN_UNIT_NOT_IN_FORCE, INVALID_EFFECTIVE_DATE
 */
export async function registerPermanentResidence(
  deps: RegistryDeps,
  personalId: string,
  place: ResidencePlace,
  from: string,
  context: ChangeContext,
): Promise<number> {
  await deps.units.getCommuneInForce(place.communeId, from);
  return inTransaction(deps, async (db) => {
    const person = await getPersonForUpdate(db, personalId);
    assertAlive(person, 'Registering a residence');
    assertEffectiveDay(from, deps, person.birth_date);
    const permanent = (await store.residencesOf(db, personalId)).filter((row) => row.kind === 'permanent');
    const clash = permanent.find(
      (row) => overlaps(row, from, null) && !(row.valid_to === null && row.valid_from < from),
    );
    if (clash) {
      throw new DomainError('RESIDENCE_OVERLAP', 'The person already has a permanent residence for that period.', {
        residenceId: clash.id,
      });
    }
    const moving = permanent.find((row) => row.valid_to === null);
    if (moving) await store.updateResidence(db, moving.id, { valid_to: from, ended_reason: 'moved' });
    const id = await insertResidence(db, personalId, 'permanent', place, from);
    await recordEvent(deps, db, context, {
      personalId,
      kind: 'permanent_residence_registered',
      occurredOn: from,
      payload: { residenceId: id, communeId: place.communeId, previousResidenceId: moving?.id ?? null },
    });
    return id;
  });
}

/**
 * Registers a temporary residence from `from` until `until`, in a commune other than that of the
 * permanent residence (Law on Residence 2020, Art. 27).
 * @throws DomainError PERSON_NOT_ALIVE, TEMPORARY_RESIDENCE_SAME_COMMUNE, TEMPORARY_RESIDENCE_TOO_LONG,
 *   RESIDENCE_OVERLAP, ADMIN_UNIT_NOT_FOUND, ADMIN_UNIT_NOT_IN_FORCE, INVALID_EFFECTIVE_DATE
 */
export async function registerTemporaryResidence(
  deps: RegistryDeps,
  personalId: string,
  place: ResidencePlace,
  from: string,
  until: string,
  context: ChangeContext,
): Promise<number> {
  await deps.units.getCommuneInForce(place.communeId, from);
  assertTemporaryPeriod(from, until);
  return inTransaction(deps, async (db) => {
    const person = await getPersonForUpdate(db, personalId);
    assertAlive(person, 'Registering a residence');
    assertEffectiveDay(from, deps, person.birth_date);
    const residences = await store.residencesOf(db, personalId);
    const permanent = residences.find((row) => row.kind === 'permanent' && overlaps(row, from, until));
    if (permanent?.commune_id === place.communeId) {
      throw new DomainError(
        'TEMPORARY_RESIDENCE_SAME_COMMUNE',
        'A temporary residence is registered outside the commune of permanent residence.',
      );
    }
    const clash = residences.find((row) => row.kind === 'temporary' && overlaps(row, from, until));
    if (clash) {
      throw new DomainError('RESIDENCE_OVERLAP', 'The person already has a temporary residence for that period.', {
        residenceId: clash.id,
      });
    }
    const id = await insertResidence(db, personalId, 'temporary', place, from, { expires_on: until });
    await recordEvent(deps, db, context, {
      personalId,
      kind: 'temporary_residence_registered',
      occurredOn: from,
      payload: { residenceId: id, communeId: place.communeId, until },
    });
    return id;
  });
}

/**
 * Extends a temporary residence that has not ended, up to two years from the renewal day.
 * @throws DomainError RESIDENCE_NOT_FOUND, TEMPORARY_RESIDENCE_TOO_LONG, PERSON_NOT_ALIVE
 */
export async function renewTemporaryResidence(
  deps: RegistryDeps,
  personalId: string,
  residenceId: number,
  renewedOn: string,
  until: string,
  context: ChangeContext,
): Promise<void> {
  assertTemporaryPeriod(renewedOn, until);
  await inTransaction(deps, async (db) => {
    const person = await getPersonForUpdate(db, personalId);
    assertAlive(person, 'Renewing a residence');
    assertEffectiveDay(renewedOn, deps);
    const residence = await openResidence(db, personalId, residenceId, 'temporary');
    if (until <= (residence.expires_on ?? residence.valid_from)) {
      throw new DomainError('INVALID_EFFECTIVE_DATE', 'A renewal must end later than the current registration.');
    }
    await store.updateResidence(db, residenceId, { expires_on: until });
    await recordEvent(deps, db, context, {
      personalId,
      kind: 'temporary_residence_renewed',
      occurredOn: renewedOn,
      payload: { residenceId, until },
    });
  });
}

/**
 * Records a temporary absence declaration (Law on Residence 2020, Art. 31): where to, why, until when.
 * @throws DomainError PERSON_NOT_ALIVE, RESIDENCE_OVERLAP, INVALID_EFFECTIVE_DATE
 */
export async function declareTemporaryAbsence(
  deps: RegistryDeps,
  personalId: string,
  absence: { from: string; until: string; reason: string; destination: string; communeId: string; addressLine: string },
  context: ChangeContext,
): Promise<number> {
  if (absence.until <= absence.from)
    throw new DomainError('INVALID_EFFECTIVE_DATE', 'An absence ends after it begins.');
  return inTransaction(deps, async (db) => {
    const person = await getPersonForUpdate(db, personalId);
    assertAlive(person, 'Declaring an absence');
    assertEffectiveDay(absence.from, deps);
    const residences = await store.residencesOf(db, personalId);
    if (residences.some((row) => row.kind === 'temporary_absence' && overlaps(row, absence.from, absence.until))) {
      throw new DomainError('RESIDENCE_OVERLAP', 'An absence is already declared for that period.');
    }
    const place = { communeId: absence.communeId, addressLine: absence.addressLine };
    const id = await insertResidence(db, personalId, 'temporary_absence', place, absence.from, {
      expires_on: absence.until,
      reason: toNfc(absence.reason),
      destination: toNfc(absence.destination),
    });
    await recordEvent(deps, db, context, {
      personalId,
      kind: 'temporary_absence_declared',
      occurredOn: absence.from,
      payload: { residenceId: id },
    });
    return id;
  });
}

/**
 * Ends a residence (deregistration) from `on`.
 * @throws DomainError RESIDENCE_NOT_FOUND, INVALID_EFFECTIVE_DATE
 */
export async function endResidence(
  deps: RegistryDeps,
  personalId: string,
  residenceId: number,
  on: string,
  reason: string,
  context: ChangeContext,
): Promise<void> {
  await inTransaction(deps, async (db) => {
    await getPersonForUpdate(db, personalId);
    const residence = await openResidence(db, personalId, residenceId);
    assertEffectiveDay(on, deps, residence.valid_from);
    await store.updateResidence(db, residenceId, { valid_to: on, ended_reason: reason });
    await recordEvent(deps, db, context, {
      personalId,
      kind: `${residence.kind}_residence_ended`,
      occurredOn: on,
      payload: { residenceId, reason },
    });
  });
}

async function openResidence(
  db: RegistryDb,
  personalId: string,
  residenceId: number,
  kind?: ResidenceRow['kind'],
): Promise<ResidenceRow> {
  const residence = (await store.residencesOf(db, personalId)).find((row) => row.id === residenceId);
  if (!residence || (kind && residence.kind !== kind) || residence.valid_to !== null) {
    throw new DomainError('RESIDENCE_NOT_FOUND', 'The person has no such current residence.');
  }
  return residence;
}

function assertTemporaryPeriod(from: string, until: string): void {
  if (until <= from) throw new DomainError('INVALID_EFFECTIVE_DATE', 'A temporary residence ends after it begins.');
  const limit = `${Number(from.slice(0, 4)) + TEMPORARY_RESIDENCE_MAX_YEARS}${from.slice(4)}`;
  if (until > limit) {
    throw new DomainError('TEMPORARY_RESIDENCE_TOO_LONG', 'A temporary residence is registered for at most 2 years.', {
      latest: limit,
    });
  }
}

/** Whether a stored interval [valid_from, end) meets [from, until) (`until` null: open-ended). */
function overlaps(row: ResidenceRow, from: string, until: string | null): boolean {
  const end = row.valid_to ?? (row.kind === 'permanent' ? null : row.expires_on);
  const startsBeforeOtherEnds = until === null || row.valid_from < until;
  const endsAfterOtherStarts = end === null || end > from;
  return startsBeforeOtherEnds && endsAfterOtherStarts;
}

async function insertResidence(
  db: RegistryDb,
  personalId: string,
  kind: ResidenceRow['kind'],
  place: ResidencePlace,
  from: string,
  extra: Partial<Pick<ResidenceRow, 'expires_on' | 'reason' | 'destination'>> = {},
): Promise<number> {
  return store.insertResidence(db, {
    personal_id: personalId,
    kind,
    commune_id: place.communeId,
    address_line: toNfc(place.addressLine),
    household_id: place.householdId ?? null,
    valid_from: from,
    valid_to: null,
    expires_on: extra.expires_on ?? null,
    reason: extra.reason ?? null,
    destination: extra.destination ?? null,
    basis: place.basis ?? null,
    ended_reason: null,
  });
}

/** Why a permanent residence is deregistered (Law on Residence 2020, Art. 24). */
export type DeregistrationReason = 'deceased' | 'declared_dead' | 'emigrated' | 'long_absence' | 'other';

/**
 * Deregisters a person's permanent residence (xóa đăng ký thường trú) from `on`. A death already ends the
 * residence in the registry; the police's deregistration then records the act that closes the residence file.
 * @throws DomainError PERSON_NOT_FOUND, RESIDENCE_NOT_FOUND (no permanent residence to deregister),
 *   INVALID_EFFECTIVE_DATE
 */
export async function deregisterPermanentResidence(
  deps: RegistryDeps,
  personalId: string,
  deregistration: { readonly on: string; readonly reason: DeregistrationReason },
  context: ChangeContext,
): Promise<{ residenceId: number; endedNow: boolean }> {
  return inTransaction(deps, async (db) => {
    const person = await getPersonForUpdate(db, personalId);
    const permanent = (await store.residencesOf(db, personalId))
      .filter((row) => row.kind === 'permanent')
      .sort((a, b) => b.valid_from.localeCompare(a.valid_from));
    const open = permanent.find((row) => row.valid_to === null);
    const endedByDeath =
      person.status === 'deceased' ? permanent.find((row) => row.ended_reason === 'deceased') : undefined;
    const residence = open ?? endedByDeath;
    if (!residence)
      throw new DomainError('RESIDENCE_NOT_FOUND', 'The person has no permanent residence to deregister.');
    assertEffectiveDay(deregistration.on, deps, residence.valid_from);
    if (open)
      await store.updateResidence(db, open.id, { valid_to: deregistration.on, ended_reason: deregistration.reason });
    await recordEvent(deps, db, context, {
      personalId,
      kind: 'permanent_residence_deregistered',
      occurredOn: deregistration.on,
      payload: { residenceId: residence.id, reason: deregistration.reason },
    });
    return { residenceId: residence.id, endedNow: open !== undefined };
  });
}
