import { DomainError } from '../../kernel/index.ts';
import { cardExpiry } from '../rules.ts';
import { store } from '../store.ts';
import type { IdentityCardRow } from '../tables.ts';
import {
  assertAlive,
  assertEffectiveDay,
  type ChangeContext,
  getPersonForUpdate,
  inTransaction,
  type RegistryDeps,
  recordEvent,
} from './context.ts';

/**
 * Issues an identity card (căn cước) with the number of the person's personal ID and the expiry the law
 * sets for the age at issue; an earlier valid card is replaced.
 * @throws DomainError PERSON_NOT_FOUND, PERSON_NOT_ALIVE, INVALID_EFFECTIVE_DATE
 */
export async function issueCard(
  deps: RegistryDeps,
  personalId: string,
  card: { issuedOn: string; issuingAuthority: string; kind?: IdentityCardRow['kind'] },
  context: ChangeContext,
): Promise<void> {
  await inTransaction(deps, async (db) => {
    const person = await getPersonForUpdate(db, personalId);
    assertAlive(person, 'Issuing a card');
    assertEffectiveDay(card.issuedOn, deps, person.birth_date);
    for (const earlier of await store.cardsOf(db, personalId)) {
      if (earlier.status === 'valid') await store.setCardStatus(db, earlier.id, 'replaced', card.issuedOn);
    }
    await store.insertCard(db, {
      personal_id: personalId,
      card_number: personalId,
      // Cards issued from 1 July 2024 are "thẻ căn cước" (Law on Identification 2023).
      kind: card.kind ?? (card.issuedOn >= '2024-07-01' ? 'can_cuoc' : 'cccd_chip'),
      issued_on: card.issuedOn,
      expires_on: cardExpiry(person.birth_date, card.issuedOn),
      status: 'valid',
      status_changed_on: null,
      issuing_authority: card.issuingAuthority,
    });
    await recordEvent(deps, db, context, { personalId, kind: 'card_issued', occurredOn: card.issuedOn });
  });
}

/**
 * Marks the current card lost (reported by the holder) or revoked (by the police).
 * @throws DomainError CARD_NOT_FOUND when the person holds no valid card
 */
export async function setCardInvalid(
  deps: RegistryDeps,
  personalId: string,
  status: 'lost' | 'revoked',
  on: string,
  context: ChangeContext,
): Promise<void> {
  assertEffectiveDay(on, deps);
  await inTransaction(deps, async (db) => {
    await getPersonForUpdate(db, personalId);
    const card = (await store.cardsOf(db, personalId)).find((row) => row.status === 'valid');
    if (!card) throw new DomainError('CARD_NOT_FOUND', 'The person holds no valid identity card.');
    await store.setCardStatus(db, card.id, status, on);
    await recordEvent(deps, db, context, { personalId, kind: `card_${status}`, occurredOn: on });
  });
}
