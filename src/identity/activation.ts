import { DomainError, parsePersonalId, vietnamDate } from '../kernel/index.ts';
import type { AdminUnits, PersonRecord } from '../registry/index.ts';
import { assertJurisdiction, type Caller } from './caller.ts';
import { findAccountByPerson, type IdentityDeps, insertAccount, recordAccountEvent, tables } from './context.ts';
import type { Level2Evidence } from './model.ts';
import { assertPasswordPolicy, hashPassword } from './passwords.ts';
import { sendCode } from './send-code.ts';

export interface ActivationOutcome {
  readonly accountId: string;
  /** True when the account was made here (the holder then sets a password with the code sent by SMS). */
  readonly created: boolean;
}

/**
 * Kích hoạt mức 2 — level-2 activation in person (Decree 69/2024, Art. 14): a police officer of the person's
 * commune checks the card and matches face and fingerprints, and attests it. An existing level-1 account is
 * raised to level 2; a person without an account gets one, whose password they set with a code sent to the
 * phone. The bootstrap token (first setup) may attest in any commune, so that the first police officers can
 * reach level 2.
 * @throws DomainError FORBIDDEN, OUTSIDE_JURISDICTION, PERSON_NOT_FOUND, PERSON_NOT_ELIGIBLE, CARD_NOT_VALID,
 *   BIOMETRICS_NOT_MATCHED, ACCOUNT_LOCKED, ACCOUNT_ALREADY_LEVEL2, PHONE_REQUIRED
 */
export async function activateLevel2(
  deps: IdentityDeps & { units: AdminUnits },
  officer: Caller,
  evidence: Level2Evidence,
): Promise<ActivationOutcome> {
  const personalId = parsePersonalId(evidence.personalId);
  const record = await deps.registry.getPersonRecord(personalId, undefined, {
    actor: officer.actor,
    purpose: 'Kích hoạt tài khoản định danh điện tử mức 2',
    channel: officer.via === 'session' ? 'web' : 'api',
  });
  const communes = residenceCommunes(record);
  // First setup: the bootstrap token attests the first police officers, who then attest everyone else.
  const firstSetup = officer.via === 'token' && officer.roles.some((r) => r.role === 'admin');
  const role = firstSetup
    ? { id: 0, communeId: communes[0] ?? 'first-setup', provinceId: null }
    : await assertJurisdiction(deps.units, officer, 'police', communes);
  if (record.person.status !== 'alive') {
    throw new DomainError('PERSON_NOT_ELIGIBLE', 'An eID account cannot be activated for this person.');
  }
  assertCard(record, evidence.cardNumber, vietnamDate(deps.clock.now()));
  if (!evidence.faceMatched || !evidence.fingerprintsMatched) {
    throw new DomainError(
      'BIOMETRICS_NOT_MATCHED',
      'Level 2 needs both the face and the fingerprints to match the card.',
    );
  }
  return deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    let account = await findAccountByPerson(tx, personalId, true);
    const created = account === undefined;
    if (account?.status === 'locked') {
      throw new DomainError('ACCOUNT_LOCKED', 'The account is locked: unlock it before raising its level.', {
        reason: account.locked_reason,
      });
    }
    if (account?.level === 2) throw new DomainError('ACCOUNT_ALREADY_LEVEL2', 'The account is already at level 2.');
    if (!account) {
      const phone = evidence.phone ?? record.person.phone;
      if (!phone || !/^0\d{9}$/.test(phone)) {
        throw new DomainError('PHONE_REQUIRED', 'Give the mobile number of the new account.');
      }
      account = await insertAccount(tx, now, { personalId, level: 2, phone, email: record.person.email });
      await recordAccountEvent(tx, now, {
        accountId: account.id,
        kind: 'created',
        actorId: officer.actor.id,
        details: { level: 2, method: evidence.method ?? 'in_person' },
      });
      await sendCode(deps, tx, 'first_password', account.id, phone);
    } else {
      await tables(tx)
        .updateTable('identity.account')
        .set({ level: 2, level2_at: now, updated_at: now })
        .where('id', '=', account.id)
        .execute();
    }
    await tables(tx)
      .insertInto('identity.level2_activation')
      .values({
        account_id: account.id,
        officer_id: officer.accountId ?? officer.actor.id,
        commune_id: role.communeId ?? role.provinceId ?? '',
        method: evidence.method ?? 'in_person',
        card_number: evidence.cardNumber,
        face_matched: true,
        fingerprints_matched: true,
        attestation: evidence.attestation,
        activated_at: now,
      })
      .execute();
    await recordAccountEvent(tx, now, {
      accountId: account.id,
      kind: 'level2_activated',
      actorId: officer.actor.id,
      details: { roleId: role.id },
    });
    return { accountId: account.id, created };
  });
}

/**
 * Sets the first password of an account made at the police station, with the code sent by SMS.
 * @throws DomainError ACCOUNT_NOT_FOUND, PASSWORD_ALREADY_SET, OTP_*, PASSWORD_TOO_WEAK
 */
export async function setFirstPassword(
  deps: IdentityDeps,
  personalIdText: string,
  code: string,
  password: string,
): Promise<void> {
  const personalId = parsePersonalId(personalIdText);
  const account = await findAccountByPerson(deps.db, personalId);
  if (!account) throw new DomainError('ACCOUNT_NOT_FOUND', 'This person has no eID account.');
  if (account.password_hash !== null)
    throw new DomainError('PASSWORD_ALREADY_SET', 'The account already has a password.');
  assertPasswordPolicy(password, personalId);
  const hash = await hashPassword(password);
  await deps.db.transaction((tx) => deps.codes.consume(tx, 'first_password', account.id, code));
  await deps.db.transaction(async (tx) => {
    const now = deps.clock.now();
    await tables(tx)
      .updateTable('identity.account')
      .set({ password_hash: hash, updated_at: now })
      .where('id', '=', account.id)
      .execute();
    await recordAccountEvent(tx, now, { accountId: account.id, kind: 'password_set', actorId: account.id });
  });
}

/** The 2025 communes where the person lives now (permanent, temporary or current residence). */
export function residenceCommunes(record: PersonRecord): string[] {
  return record.residences
    .filter((residence) => residence.validTo === null && residence.kind !== 'temporary_absence')
    .flatMap((residence) => residence.address.current.map((unit) => unit.communeId));
}

function assertCard(record: PersonRecord, cardNumber: string, today: string): void {
  const card = record.cards.find((c) => c.cardNumber === cardNumber);
  if (card?.status !== 'valid' || (card.expiresOn !== null && card.expiresOn < today)) {
    throw new DomainError('CARD_NOT_VALID', 'The card presented is not a valid card of this person.');
  }
}
