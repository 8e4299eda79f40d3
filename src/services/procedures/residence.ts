/**
 * Residence procedures on the same engine (Law on Residence 2020; Decree 154/2024): permanent residence,
 * temporary residence and its renewal, temporary absence. Each is one step of the commune police, whose
 * action is the registry's own change, under the registry's rules.
 */
import { DomainError, isDomainError } from '../../kernel/index.ts';
import { type HouseholdRelationship, TEMPORARY_RESIDENCE_MAX_YEARS } from '../../registry/index.ts';
import type { Form } from '../model.ts';
import type { PreparedDossier, ProcedureHooks, StepAction, StepContext } from '../workflow/actions.ts';
import { assertNotFuture, homeCommune, text, whole } from './common.ts';

const FILE_NUMBER_ATTEMPTS = 8;

/** The applicant's own procedure at a commune they name (checked to be a 2025 commune in force). */
async function atNamedCommune(context: Parameters<ProcedureHooks['prepare']>[0], form: Record<string, unknown>) {
  const communeId = String(form.communeId);
  await context.deps.units.getCommuneInForce(communeId, context.today);
  return communeId;
}

export const permanentResidence: ProcedureHooks = {
  async prefill() {
    return {};
  },
  async prepare(context, form): Promise<PreparedDossier> {
    const communeId = await atNamedCommune(context, form);
    const record = await context.record();
    const joining = whole(form, 'joinHouseholdId');
    if (joining !== undefined && !form.relationshipToHead) {
      throw new DomainError('FORM_INVALID', 'Say how you are related to the head of the household you join.', {
        fields: [{ name: 'relationshipToHead', reason: 'required' }],
      });
    }
    if (joining !== undefined && record.household?.id === joining) {
      throw new DomainError('PERSON_ALREADY_IN_HOUSEHOLD', 'You are already a member of this household.');
    }
    return {
      form: { ...form, currentHouseholdId: record.household?.id ?? null },
      communeId,
      subjectPersonalId: context.caller.personalId,
    };
  },
};

export const temporaryResidence: ProcedureHooks = {
  async prefill() {
    return {};
  },
  async prepare(context, form): Promise<PreparedDossier> {
    assertStayEnds(text(form, 'until'), context.today);
    return { form, communeId: await atNamedCommune(context, form), subjectPersonalId: context.caller.personalId };
  },
};

/**
 * A temporary residence ends after today and at most 2 years on (Law on Residence 2020, Art. 27).
 * @throws DomainError FORM_INVALID naming `until`
 */
function assertStayEnds(until: string, today: string): void {
  const limit = `${Number(today.slice(0, 4)) + TEMPORARY_RESIDENCE_MAX_YEARS}${today.slice(4)}`;
  if (until <= today || until > limit) {
    throw new DomainError('FORM_INVALID', `A temporary residence ends after today and by ${limit}.`, {
      fields: [{ name: 'until', reason: 'format' }],
    });
  }
}

export const temporaryResidenceRenewal: ProcedureHooks = {
  async prefill(context): Promise<Form> {
    const record = await context.record();
    const current = record.residences.find((row) => row.kind === 'temporary' && row.validTo === null);
    return current ? { residenceId: current.id, communeId: current.address.current[0]?.communeId ?? null } : {};
  },
  async prepare(context, form): Promise<PreparedDossier> {
    const record = await context.record();
    const current = record.residences.find(
      (row) => row.kind === 'temporary' && row.validTo === null && row.id === whole(form, 'residenceId'),
    );
    assertStayEnds(text(form, 'until'), context.today);
    const communeId = current?.address.current[0]?.communeId;
    if (!current || !communeId) {
      throw new DomainError('RESIDENCE_NOT_FOUND', 'You have no such temporary residence in force to renew.');
    }
    return { form: { ...form, communeId }, communeId, subjectPersonalId: context.caller.personalId };
  },
};

export const temporaryAbsence: ProcedureHooks = {
  async prefill(context) {
    const home = homeCommune(await context.record());
    return { communeId: home.communeId, addressLine: home.addressLine };
  },
  async prepare(context, form): Promise<PreparedDossier> {
    // The registry records an absence from the day it begins: it is declared on leaving, not ahead.
    assertNotFuture(text(form, 'from'), context.today, 'from');
    if (text(form, 'until') <= text(form, 'from')) {
      throw new DomainError('FORM_INVALID', 'An absence ends after it begins.', {
        fields: [{ name: 'until', reason: 'format' }],
      });
    }
    const home = homeCommune(await context.record());
    return {
      form: { ...form, communeId: home.communeId, addressLine: home.addressLine },
      communeId: home.communeId,
      subjectPersonalId: context.caller.personalId,
    };
  },
};

const applicantOf = (context: StepContext) => context.dossier.applicant_personal_id;

/** Đăng ký thường trú: into the household named, or as the head of a new one. */
const permanent: StepAction = {
  async run(context) {
    const { form } = context.dossier;
    const personalId = applicantOf(context);
    const place = { communeId: context.dossier.commune_id, addressLine: text(form, 'addressLine') };
    const current = whole(form, 'currentHouseholdId');
    if (current !== undefined) {
      await context.registry.removeMember(current, personalId, context.today, 'moved', context.change);
    }
    const joining = whole(form, 'joinHouseholdId');
    let householdId: number;
    if (joining !== undefined) {
      const relationship = text(form, 'relationshipToHead') as Exclude<HouseholdRelationship, 'head'>;
      await context.registry.addMember(joining, personalId, relationship, context.today, context.change);
      householdId = joining;
    } else {
      householdId = await newHousehold(context, personalId, place);
    }
    const residenceId = await context.registry.registerPermanentResidence(
      personalId,
      { ...place, householdId },
      context.today,
      context.change,
    );
    return { householdId, residenceId, registeredOn: context.today };
  },
};

/** A new household with a file number of the commune (`HK-<commune code>-<8 digits>`). */
async function newHousehold(
  context: StepContext,
  head: string,
  place: { communeId: string; addressLine: string },
): Promise<number> {
  const communeCode = context.dossier.commune_id.slice(5);
  for (let attempt = 0; attempt < FILE_NUMBER_ATTEMPTS; attempt++) {
    let serial = '';
    for (let i = 0; i < 8; i++) serial += String(Math.floor(context.random() * 10));
    try {
      return await context.registry.createHousehold(
        { fileNumber: `HK-${communeCode}-${serial}`, headPersonalId: head, ...place, establishedOn: context.today },
        context.change,
      );
    } catch (error) {
      if (isDomainError(error) && error.code === 'HOUSEHOLD_FILE_NUMBER_TAKEN') continue;
      throw error;
    }
  }
  throw new Error('no free household file number found');
}

/** Đăng ký tạm trú. */
const temporary: StepAction = {
  async run(context) {
    const { form } = context.dossier;
    const residenceId = await context.registry.registerTemporaryResidence(
      applicantOf(context),
      { communeId: context.dossier.commune_id, addressLine: text(form, 'addressLine') },
      context.today,
      text(form, 'until'),
      context.change,
    );
    return { residenceId, from: context.today, until: text(form, 'until') };
  },
};

/** Gia hạn tạm trú. */
const renewal: StepAction = {
  async run(context) {
    const { form } = context.dossier;
    const residenceId = whole(form, 'residenceId') as number;
    await context.registry.renewTemporaryResidence(
      applicantOf(context),
      residenceId,
      context.today,
      text(form, 'until'),
      context.change,
    );
    return { residenceId, until: text(form, 'until') };
  },
};

/** Khai báo tạm vắng. */
const absence: StepAction = {
  async run(context) {
    const { form } = context.dossier;
    const residenceId = await context.registry.declareTemporaryAbsence(
      applicantOf(context),
      {
        from: text(form, 'from'),
        until: text(form, 'until'),
        reason: text(form, 'reason'),
        destination: text(form, 'destination'),
        communeId: context.dossier.commune_id,
        addressLine: text(form, 'addressLine'),
      },
      context.change,
    );
    return { residenceId, from: text(form, 'from'), until: text(form, 'until') };
  },
};

export const residenceActions: Record<string, StepAction> = {
  'residence.permanent': permanent,
  'residence.temporary': temporary,
  'residence.temporary-renewal': renewal,
  'residence.temporary-absence': absence,
};
