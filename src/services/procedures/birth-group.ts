/**
 * The interlinked birth group (e-form 01, Decree 63/2024): birth registration by the commune's civil-status
 * officer creates the child with a new personal ID number, linked to the parents; the commune police add the
 * child to a parent's household with permanent residence there; social insurance issues the health insurance
 * card of a child under 6.
 */
import { DomainError, generatePersonalId, isDomainError } from '../../kernel/index.ts';
import type { FamilyMember, HouseholdRelationship, PersonRecord } from '../../registry/index.ts';
import type { Form } from '../model.ts';
import { store } from '../store.ts';
import type { ApplicantContext, PreparedDossier, ProcedureHooks, StepAction } from '../workflow/actions.ts';
import { assertNotFuture, currentCommuneId, optionalText, resultText, text, whole } from './common.ts';

const ID_ATTEMPTS = 8;

/** A parent's relationship to the household head → the child's. */
const CHILD_RELATIONSHIP: Partial<Record<string, HouseholdRelationship>> = {
  head: 'child',
  spouse: 'child',
  child: 'grandchild',
  child_in_law: 'grandchild',
};

function currentSpouse(record: PersonRecord): FamilyMember | undefined {
  return record.family.find((link) => link.relation === 'spouse' && link.validTo === null && link.personalId !== null);
}

export const birthGroup: ProcedureHooks = {
  async prefill(context) {
    const record = await context.record();
    const { person } = record;
    const spouse = currentSpouse(record);
    const [mother, father] = person.sex === 'female' ? [person, spouse] : [spouse, person];
    const household = record.household;
    const form: Form = {
      motherPersonalId: mother?.personalId ?? null,
      motherName: mother?.fullName ?? null,
      fatherPersonalId: father?.personalId ?? null,
      fatherName: father?.fullName ?? null,
      childFamilyName: person.sex === 'male' ? person.familyName : null,
      childEthnicityCode: person.ethnicityCode,
    };
    if (household) {
      form.householdId = household.id;
      form.communeId = currentCommuneId(household.address) ?? null;
      form.addressLine = household.address.addressLine;
    }
    return form;
  },

  async prepare(context, form): Promise<PreparedDossier> {
    const applicant = context.caller.personalId;
    const motherId = text(form, 'motherPersonalId');
    const fatherId = optionalText(form, 'fatherPersonalId');
    if (applicant !== motherId && applicant !== fatherId) {
      throw new DomainError('APPLICANT_NOT_PARENT', 'Only the mother or the father may file the birth of their child.');
    }
    const mother = await parentRecord(context, motherId, 'female');
    const father = fatherId ? await parentRecord(context, fatherId, 'male') : undefined;
    const birthDate = text(form, 'childBirthDate');
    assertNotFuture(birthDate, context.today, 'childBirthDate');
    if (birthDate <= mother.person.birthDate || (father && birthDate <= father.person.birthDate)) {
      throw new DomainError('FORM_INVALID', 'The child must be born after the parents.', {
        fields: [{ name: 'childBirthDate', reason: 'format' }],
      });
    }
    const householdId = whole(form, 'householdId');
    const parentWithHousehold = [mother, father].find(
      (record) => record?.household && record.household.id === householdId,
    );
    const household = parentWithHousehold?.household;
    const communeId = household && currentCommuneId(household.address);
    if (!parentWithHousehold || !household || !communeId) {
      throw new DomainError(
        'HOUSEHOLD_NOT_OF_PARENT',
        "The child's permanent residence is registered in the mother's or the father's household: choose one of theirs.",
      );
    }
    const parentRelationship = household.members.find(
      (member) => member.personalId === parentWithHousehold.person.personalId && member.leftOn === null,
    )?.relationship;
    return {
      form: {
        ...form,
        motherName: mother.person.fullName,
        fatherName: father?.person.fullName ?? null,
        communeId,
        addressLine: household.address.addressLine,
        childRelationshipToHead: CHILD_RELATIONSHIP[parentRelationship ?? ''] ?? 'other_relative',
      },
      communeId,
      subjectPersonalId: motherId,
    };
  },
};

/**
 * A parent as the registry holds them, alive and of the right sex.
 * @throws DomainError PARENT_NOT_IN_REGISTRY
 */
async function parentRecord(context: ApplicantContext, personalId: string, sex: 'male' | 'female') {
  const record =
    personalId === context.caller.personalId
      ? await context.record()
      : await context.deps.registry.getPersonRecord(personalId, undefined, context.access).catch((error: unknown) => {
          if (isDomainError(error) && error.code === 'PERSON_NOT_FOUND') return undefined;
          throw error;
        });
  if (!record || record.person.sex !== sex || record.person.status !== 'alive') {
    throw new DomainError(
      'PARENT_NOT_IN_REGISTRY',
      `The ${sex === 'female' ? 'mother' : 'father'} must be a living person of the population registry.`,
      { parent: sex === 'female' ? 'mother' : 'father' },
    );
  }
  return record;
}

/** Đăng ký khai sinh: the child enters the registry with a new personal ID number. */
const register: StepAction = {
  async run(context) {
    const { form } = context.dossier;
    const birthDate = text(form, 'childBirthDate');
    const sex = text(form, 'childSex') === 'male' ? 'male' : 'female';
    const provinceCode = await context.units.birthIdCodeOf(context.dossier.commune_id);
    for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
      const personalId = generatePersonalId(context.random, {
        provinceCode,
        birthYear: Number(birthDate.slice(0, 4)),
        sex,
      });
      try {
        await context.registry.registerPerson(
          {
            personalId,
            familyName: text(form, 'childFamilyName'),
            middleName: optionalText(form, 'childMiddleName') ?? '',
            givenName: text(form, 'childGivenName'),
            birthDate,
            sex,
            placeOfBirth: text(form, 'childPlaceOfBirth'),
            birthRegistrationCommuneId: context.dossier.commune_id,
            ethnicityCode: optionalText(form, 'childEthnicityCode') ?? null,
            motherId: text(form, 'motherPersonalId'),
            ...(optionalText(form, 'fatherPersonalId') ? { fatherId: text(form, 'fatherPersonalId') } : {}),
          },
          context.change,
        );
        return { childPersonalId: personalId, registeredOn: context.today };
      } catch (error) {
        // A random serial already taken: draw another (the registry's change was undone to its savepoint).
        if (isDomainError(error) && error.code === 'PERSON_ALREADY_EXISTS') continue;
        throw error;
      }
    }
    throw new Error('no free personal ID number found for the child');
  },
};

/** Đăng ký thường trú: the child joins the parent's household, with permanent residence at its address. */
const residence: StepAction = {
  async run(context) {
    const { form } = context.dossier;
    const childId = resultText(context.results, 'birth_registration', 'childPersonalId');
    const householdId = whole(form, 'householdId') as number;
    const relationship = text(form, 'childRelationshipToHead') as Exclude<HouseholdRelationship, 'head'>;
    await context.registry.addMember(householdId, childId, relationship, context.today, context.change);
    const residenceId = await context.registry.registerPermanentResidence(
      childId,
      { communeId: context.dossier.commune_id, addressLine: text(form, 'addressLine'), householdId },
      context.today,
      context.change,
    );
    return { childPersonalId: childId, householdId, residenceId };
  },
};

/** Cấp thẻ BHYT cho trẻ dưới 6 tuổi: the card, valid from birth (Law on Health Insurance, Art. 12, 16). */
const healthInsurance: StepAction = {
  async run(context) {
    const childId = resultText(context.results, 'birth_registration', 'childPersonalId');
    const birthDate = text(context.dossier.form, 'childBirthDate');
    const province = await context.units.getProvince(context.dossier.province_id);
    for (let attempt = 0; attempt < ID_ATTEMPTS; attempt++) {
      const socialInsuranceCode = `${province.code}${digits(context.random, 8)}`;
      const card = {
        card_number: `TE1${province.code}${socialInsuranceCode}`,
        social_insurance_code: socialInsuranceCode,
        personal_id: childId,
        valid_from: birthDate,
        valid_to: childCardValidTo(birthDate),
        first_care_facility: optionalText(context.dossier.form, 'firstCareFacility') ?? null,
        issued_at: context.deps.clock.now(),
        dossier_id: context.dossier.id,
      };
      if (await store.insertHealthInsuranceCard(context.tx, card)) {
        return {
          childPersonalId: childId,
          cardNumber: card.card_number,
          socialInsuranceCode,
          validFrom: card.valid_from,
          validTo: card.valid_to,
        };
      }
      if ((await store.healthInsuranceCardsOf(context.tx, [childId])).length > 0) {
        throw new DomainError('HEALTH_INSURANCE_CARD_EXISTS', 'The child already holds a health insurance card.');
      }
    }
    throw new Error('no free social insurance code found');
  },
};

/**
 * A child's card is valid until the child is 72 months old; a child who turns 72 months before the school
 * year keeps it until 30 September of that year (Law on Health Insurance, Art. 16(2)).
 */
export function childCardValidTo(birthDate: string): string {
  const year = Number(birthDate.slice(0, 4)) + 6;
  const sixth = `${year}${birthDate.slice(4)}`;
  const thirtiethOfSeptember = `${year}-09-30`;
  return sixth <= thirtiethOfSeptember ? thirtiethOfSeptember : sixth;
}

function digits(random: () => number, count: number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += String(Math.floor(random() * 10));
  return out;
}

export const birthActions: Record<string, StepAction> = {
  'birth.register': register,
  'birth.residence': residence,
  'birth.health-insurance': healthInsurance,
};
