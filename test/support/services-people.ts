import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/index.ts';
import { BOOTSTRAP_ADMIN, type Caller } from '../../src/identity/index.ts';
import { OFFICER, testRegistry } from '../../src/registry/testing.ts';
import { type Registered, registerAccount } from './identity.ts';

/** The agencies that act on the steps of the procedures these people file. */
export type StepAgency = 'civil_status' | 'police' | 'social_insurance' | 'justice';

/** The bootstrap administrator as a caller (first setup): attests level 2 and grants roles anywhere. */
const FIRST_SETUP: Caller = {
  actor: BOOTSTRAP_ADMIN,
  roles: [
    {
      id: 0,
      role: 'admin',
      agency: null,
      communeId: null,
      provinceId: null,
      grantedBy: 'test',
      grantedAt: new Date().toISOString(),
    },
  ],
  via: 'token',
};

export interface Citizen extends Registered {
  readonly fullName: string;
}

export interface Officer extends Citizen {
  readonly agency: StepAgency;
}

interface NewPerson {
  readonly familyName: string;
  readonly middleName: string;
  readonly givenName: string;
  readonly sex: 'male' | 'female';
  readonly birthDate: string;
}

/**
 * People who sign in to the web app at level 2, as a browser test needs them: in `communeId`, a mother, head of
 * her own household, and officers of the commune's civil-status office, police and social insurance, each
 * holding the role of their agency for the commune; in `otherCommuneId` (of a province that charges the
 * criminal-record fee), a citizen with permanent residence there and an officer of the province's justice
 * department. Each has a card and a level-2 account (password and phone in `Registered`; sign-in codes are
 * read from the developer inbox).
 */
export async function servicesPeople(app: FastifyInstance, db: Database, communeId: string, otherCommuneId: string) {
  const { person, registry, units } = await testRegistry(db, new Date().toISOString());
  const { identity } = app.services;

  async function level2(fields: NewPerson): Promise<Citizen> {
    const personalId = await person(fields);
    const fullName = `${fields.familyName} ${fields.middleName} ${fields.givenName}`;
    await registry.issueCard(
      personalId,
      { issuedOn: '2025-09-01', issuingAuthority: 'Cục Cảnh sát QLHC về TTXH' },
      OFFICER,
    );
    const account = await registerAccount(app, { personalId, fullName, birthDate: fields.birthDate });
    await identity.activateLevel2(FIRST_SETUP, {
      personalId,
      cardNumber: personalId,
      faceMatched: true,
      fingerprintsMatched: true,
      attestation: 'Đã đối chiếu khuôn mặt và vân tay tại trụ sở.',
    });
    return { ...account, fullName };
  }

  const mother = await level2({
    familyName: 'Phạm',
    middleName: 'Thị',
    givenName: 'Hoa',
    sex: 'female',
    birthDate: '1994-06-15',
  });
  const addressLine = 'Số 12 phố Đội Cấn';
  const householdId = await registry.createHousehold(
    {
      fileNumber: `HS-${mother.personalId.slice(-6)}`,
      headPersonalId: mother.personalId,
      communeId,
      addressLine,
      establishedOn: '2025-08-01',
    },
    OFFICER,
  );
  await registry.registerPermanentResidence(
    mother.personalId,
    { communeId, addressLine, householdId },
    '2025-08-01',
    OFFICER,
  );

  const applicant = await level2({
    familyName: 'Trương',
    middleName: 'Văn',
    givenName: 'Tâm',
    sex: 'male',
    birthDate: '1990-09-09',
  });
  await registry.registerPermanentResidence(
    applicant.personalId,
    { communeId: otherCommuneId, addressLine: 'Số 8 đường Quang Trung' },
    '2025-08-01',
    OFFICER,
  );
  const otherProvinceId = (await units.findCommune(otherCommuneId))?.provinceId;
  if (!otherProvinceId) throw new Error(`no commune ${otherCommuneId}`);

  async function officer(
    agency: StepAgency,
    givenName: string,
    jurisdiction: { communeId: string } | { provinceId: string },
  ): Promise<Officer> {
    const made = await level2({
      familyName: 'Đỗ',
      middleName: 'Minh',
      givenName,
      sex: 'male',
      birthDate: '1982-02-02',
    });
    await identity.grantRole(made.accountId, { role: 'officer', agency, ...jurisdiction }, FIRST_SETUP);
    return { ...made, agency };
  }

  return {
    mother,
    civilStatus: await officer('civil_status', 'Khang', { communeId }),
    police: await officer('police', 'Long', { communeId }),
    socialInsurance: await officer('social_insurance', 'Minh', { communeId }),
    applicant,
    justice: await officer('justice', 'Nhân', { provinceId: otherProvinceId }),
  };
}
