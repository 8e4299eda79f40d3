/**
 * Criminal-record certificates No. 1 and No. 2 (Law on Criminal Records 2009): requested by the person
 * themselves, handled by the justice department of the province of permanent residence, which issues the
 * certificate with what the criminal-records database holds (the officer enters it: that database is the
 * justice sector's, not the registry's).
 */
import type { PersonRecord } from '../../registry/index.ts';
import type { PreparedDossier, ProcedureHooks, StepAction } from '../workflow/actions.ts';
import { homeCommune, text } from './common.ts';

/** The request's identity fields, from the registry (Law 28/2009, Art. 45). */
function identityFields(record: PersonRecord) {
  const { person } = record;
  const relative = (relation: string) =>
    record.family.find((link) => link.relation === relation && link.validTo === null)?.fullName ?? null;
  const home = homeCommune(record);
  const unit = home.residence.address.current[0] ?? home.residence.address.recorded;
  return {
    fullName: person.fullName,
    sex: person.sex === 'male' ? 'Nam' : 'Nữ',
    birthDate: person.birthDate,
    placeOfBirth: person.placeOfBirth,
    nationality: person.nationality,
    residence: `${home.addressLine}, ${unit.communeName}, ${unit.provinceName}`,
    communeId: home.communeId,
    fatherName: relative('father'),
    motherName: relative('mother'),
    spouseName: relative('spouse'),
  };
}

export const criminalRecord: ProcedureHooks = {
  async prefill(context) {
    return identityFields(await context.record());
  },
  async prepare(context, form): Promise<PreparedDossier> {
    const registryFields = identityFields(await context.record());
    return {
      form: { ...form, ...registryFields },
      communeId: registryFields.communeId,
      subjectPersonalId: context.caller.personalId,
    };
  },
};

/** Cấp phiếu: a certificate number of the province and the content the officer entered. */
const issue: StepAction = {
  async run(context) {
    let serial = '';
    for (let i = 0; i < 8; i++) serial += String(Math.floor(context.random() * 10));
    return {
      certificateNumber: `LLTP-${context.dossier.province_id.slice(5)}-${context.today.slice(0, 4)}-${serial}`,
      kind: context.dossier.procedure_code === 'criminal-record-2' ? 2 : 1,
      issuedOn: context.today,
      content: text(context.data, 'content'),
    };
  },
};

export const criminalRecordActions: Record<string, StepAction> = { 'criminal-record.issue': issue };
