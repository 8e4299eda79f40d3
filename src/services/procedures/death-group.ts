/**
 * The interlinked death group (e-form 02, Decree 63/2024): death registration closes the person's record
 * (deceased, residences ended, cards invalid, a household head replaced; the eID account locks on the
 * `person.died` event); the commune police deregister the permanent residence; social insurance pays the
 * funeral allowance and the commune's social affairs office the funeral support. The declarant, a spouse,
 * child or parent of the deceased as the registry records them, picks which of the last three to file.
 */
import { DomainError, isDomainError, maskPersonalId } from '../../kernel/index.ts';
import type { Relation } from '../../registry/index.ts';
import type { PreparedDossier, ProcedureHooks, StepAction, StepContext } from '../workflow/actions.ts';
import { assertNotFuture, currentCommuneId, homeCommune, optionalText, text } from './common.ts';

/** The deceased's family link to the declarant → what the declarant is to the deceased. */
const DECLARANT_RELATIONSHIP: Partial<Record<Relation, string>> = {
  spouse: 'spouse',
  child: 'child',
  father: 'parent',
  mother: 'parent',
};

export const deathGroup: ProcedureHooks = {
  async prefill() {
    return {};
  },

  async prepare(context, form): Promise<PreparedDossier> {
    const deceasedId = text(form, 'deceasedPersonalId');
    if (deceasedId === context.caller.personalId) {
      throw new DomainError('APPLICANT_NOT_RELATIVE', 'A death is declared by a relative of the deceased.');
    }
    const record = await context.deps.registry
      .getPersonRecord(deceasedId, undefined, context.access)
      .catch((error: unknown) => {
        if (isDomainError(error) && error.code === 'PERSON_NOT_FOUND') {
          throw new DomainError('PERSON_NOT_FOUND', 'No person of the registry has this personal ID number.');
        }
        throw error;
      });
    if (record.person.status !== 'alive') {
      throw new DomainError('PERSON_NOT_ALIVE', 'The registry already records this person as deceased or missing.', {
        status: record.person.status,
      });
    }
    const link = record.family.find(
      (member) => member.personalId === context.caller.personalId && member.validTo === null,
    );
    const declared = text(form, 'relationship');
    if (!link || DECLARANT_RELATIONSHIP[link.relation] !== declared) {
      throw new DomainError(
        'APPLICANT_NOT_RELATIVE',
        'The registry does not record you as the spouse, child or parent of the deceased you declared.',
      );
    }
    const diedOn = text(form, 'diedOn');
    assertNotFuture(diedOn, context.today, 'diedOn');
    if (diedOn < record.person.birthDate) {
      throw new DomainError('FORM_INVALID', 'The date of death is before the date of birth.', {
        fields: [{ name: 'diedOn', reason: 'format' }],
      });
    }
    const communeId = record.household ? currentCommuneId(record.household.address) : homeCommune(record).communeId;
    if (!communeId)
      throw new DomainError('NO_PERMANENT_RESIDENCE', 'The deceased has no place of residence on record.');
    return { form, communeId, subjectPersonalId: deceasedId };
  },
};

function deceasedOf(context: StepContext): string {
  return text(context.dossier.form, 'deceasedPersonalId');
}

/** Đăng ký khai tử. */
const register: StepAction = {
  async run(context) {
    const newHead = optionalText(context.dossier.form, 'newHeadPersonalId');
    const outcome = await context.registry.recordDeath(
      deceasedOf(context),
      { diedOn: text(context.dossier.form, 'diedOn'), ...(newHead ? { newHeadPersonalId: newHead } : {}) },
      context.change,
    );
    return {
      diedOn: text(context.dossier.form, 'diedOn'),
      householdId: outcome.householdId,
      newHeadPersonalId: outcome.newHeadPersonalId,
      residencesEnded: outcome.residencesEnded,
      cardsInvalidated: outcome.cardsInvalidated,
    };
  },
};

/** Xóa đăng ký thường trú. */
const deregisterResidence: StepAction = {
  async run(context) {
    const outcome = await context.registry.deregisterPermanentResidence(
      deceasedOf(context),
      { on: context.today, reason: 'deceased' },
      context.change,
    );
    return { residenceId: outcome.residenceId, deregisteredOn: context.today };
  },
};

/** A funeral benefit decided by the agency: the amount of the catalogue, paid to the declarant. */
const benefit: StepAction = {
  async run(context) {
    const account = optionalText(context.dossier.form, 'payeeBankAccount');
    return {
      amountVnd: context.definition.amountVnd ?? 0,
      payee: maskPersonalId(context.dossier.applicant_personal_id),
      paidTo: account ? `…${account.slice(-4)}` : 'cash',
      decidedOn: context.today,
    };
  },
};

export const deathActions: Record<string, StepAction> = {
  'death.register': register,
  'death.deregister-residence': deregisterResidence,
  'death.funeral-allowance': benefit,
  'death.funeral-support': benefit,
};
