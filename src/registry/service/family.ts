import { DomainError } from '../../kernel/index.ts';
import { ADULT_AGE, ageOn } from '../rules.ts';
import { store } from '../store.ts';
import {
  assertAlive,
  assertEffectiveDay,
  type ChangeContext,
  getPersonForUpdate,
  inTransaction,
  type RegistryDeps,
  recordEvent,
} from './context.ts';

/** Marriage age (Law on Marriage and Family 2014, Art. 8): men from 20, women from 18. */
const MARRIAGE_AGE = { male: 20, female: 18 } as const;

/**
 * Records a marriage between two people in the registry; both get the spouse link and status married.
 * @throws DomainError PERSON_NOT_FOUND, PERSON_NOT_ALIVE, FAMILY_LINK_INVALID, INVALID_EFFECTIVE_DATE
 */
export async function recordMarriage(
  deps: RegistryDeps,
  firstId: string,
  secondId: string,
  marriedOn: string,
  context: ChangeContext,
): Promise<void> {
  if (firstId === secondId) throw new DomainError('FAMILY_LINK_INVALID', 'A person cannot marry themselves.');
  assertEffectiveDay(marriedOn, deps);
  await inTransaction(deps, async (db) => {
    // Lock in a fixed order so two marriages recorded at once cannot deadlock.
    const [a, b] = [firstId, secondId].sort() as [string, string];
    const people = [await getPersonForUpdate(db, a), await getPersonForUpdate(db, b)];
    for (const person of people) {
      assertAlive(person, 'Marriage');
      if (person.marital_status === 'married') {
        throw new DomainError('FAMILY_LINK_INVALID', 'One of the two is already married.');
      }
      if (ageOn(person.birth_date, marriedOn) < MARRIAGE_AGE[person.sex]) {
        throw new DomainError('FAMILY_LINK_INVALID', 'One of the two is under the marriage age.');
      }
    }
    await store.insertFamilyLinks(
      db,
      [
        [a, b],
        [b, a],
      ].map(([personalId, relativeId]) => ({
        personal_id: personalId as string,
        relation: 'spouse' as const,
        relative_id: relativeId as string,
        relative_name: null,
        relative_nationality: null,
        relative_document: null,
        valid_from: marriedOn,
        valid_to: null,
      })),
    );
    for (const personalId of [a, b]) {
      await store.updatePerson(db, personalId, { marital_status: 'married' });
      await recordEvent(deps, db, context, {
        personalId,
        kind: 'marriage_recorded',
        occurredOn: marriedOn,
        payload: { spouse: personalId === a ? b : a },
      });
    }
  });
}

/**
 * Records a divorce: the spouse links end and both become divorced.
 * @throws DomainError FAMILY_LINK_INVALID when the two are not married to each other
 */
export async function recordDivorce(
  deps: RegistryDeps,
  firstId: string,
  secondId: string,
  divorcedOn: string,
  context: ChangeContext,
): Promise<void> {
  assertEffectiveDay(divorcedOn, deps);
  await inTransaction(deps, async (db) => {
    const [a, b] = [firstId, secondId].sort() as [string, string];
    await getPersonForUpdate(db, a);
    await getPersonForUpdate(db, b);
    const link = (await store.familyLinks(db, a)).find(
      (row) => row.relation === 'spouse' && row.relative_id === b && row.valid_to === null,
    );
    if (!link) throw new DomainError('FAMILY_LINK_INVALID', 'The two are not married to each other.');
    if (link.valid_from !== null && divorcedOn <= link.valid_from) {
      throw new DomainError('INVALID_EFFECTIVE_DATE', 'A divorce comes after the marriage.');
    }
    await store.endFamilyLink(db, a, b, 'spouse', divorcedOn);
    await store.endFamilyLink(db, b, a, 'spouse', divorcedOn);
    for (const personalId of [a, b]) {
      await store.updatePerson(db, personalId, { marital_status: 'divorced' });
      await recordEvent(deps, db, context, { personalId, kind: 'divorce_recorded', occurredOn: divorcedOn });
    }
  });
}

/**
 * Names a legal representative (người đại diện theo pháp luật) for a minor or a person without full capacity.
 * @throws DomainError FAMILY_LINK_INVALID when the representative is not an adult or the ward does not need one
 */
export async function appointLegalRepresentative(
  deps: RegistryDeps,
  wardId: string,
  representativeId: string,
  from: string,
  context: ChangeContext,
): Promise<void> {
  assertEffectiveDay(from, deps);
  await inTransaction(deps, async (db) => {
    const ward = await getPersonForUpdate(db, wardId);
    const representative = await getPersonForUpdate(db, representativeId);
    assertAlive(ward, 'Appointing a representative');
    assertAlive(representative, 'Acting as a representative');
    if (ageOn(representative.birth_date, from) < ADULT_AGE || representative.civil_capacity !== 'full') {
      throw new DomainError('FAMILY_LINK_INVALID', 'A legal representative must be an adult with full capacity.');
    }
    if (ageOn(ward.birth_date, from) >= ADULT_AGE && ward.civil_capacity === 'full') {
      throw new DomainError('FAMILY_LINK_INVALID', 'An adult with full capacity has no legal representative.');
    }
    const link = {
      relative_name: null,
      relative_nationality: null,
      relative_document: null,
      valid_from: from,
      valid_to: null,
    };
    await store.insertFamilyLinks(db, [
      { ...link, personal_id: wardId, relation: 'legal_representative', relative_id: representativeId },
      { ...link, personal_id: representativeId, relation: 'ward', relative_id: wardId },
    ]);
    await recordEvent(deps, db, context, {
      personalId: wardId,
      kind: 'legal_representative_appointed',
      occurredOn: from,
      payload: { representative: representativeId },
    });
  });
}
