import type { FastifyInstance } from 'fastify';
import { ACR_LEVEL2, type Agency } from '../../src/identity/index.ts';
import type { Registry } from '../../src/registry/index.ts';
import { OFFICER, testRegistry } from '../../src/registry/testing.ts';
import type { TestApp } from './app.ts';
import { expectStatus, registerAccount } from './identity.ts';

/** Headers of a web session (cookie and CSRF token), as the OpenID sign-in opens it. */
export type SessionHeaders = Record<string, string>;

export async function sessionOf(app: FastifyInstance, accountId: string): Promise<SessionHeaders> {
  const session = await app.services.identity.sessions.create(accountId, ACR_LEVEL2, 'id-token');
  return { cookie: `dancu_session=${session.token}`, 'x-csrf-token': session.csrfToken };
}

let phoneSerial = 0;
const nextPhone = () => `0918${String(process.pid % 100).padStart(2, '0')}${String(phoneSerial++).padStart(4, '0')}`;

/** People, a household and the officers of one commune: what the public-services tests act with. */
export interface ServicesWorld {
  readonly registry: Registry;
  readonly people: Awaited<ReturnType<typeof testRegistry>>;
  readonly bootstrap: string;
  /** A married couple heading one household of `communeId`, with their permanent residence there. */
  family(communeId?: string): Promise<Family>;
  /** An officer of an agency for a 2025 commune (or a province: `2025:01`), signed in. */
  officer(agency: Agency, unit?: string): Promise<{ accountId: string; headers: SessionHeaders }>;
  /** A level-2 account for a person of the registry, attested by a police officer of their commune. */
  level2(
    person: { personalId: string; fullName: string; birthDate: string },
    communeId?: string,
  ): Promise<SessionHeaders>;
  /** A new level-2 session of a person's account (after the clock moved past the old one's end). */
  session(personalId: string): Promise<SessionHeaders>;
}

export interface Family {
  readonly communeId: string;
  readonly householdId: number;
  readonly addressLine: string;
  readonly father: { personalId: string; fullName: string; birthDate: string };
  readonly mother: { personalId: string; fullName: string; birthDate: string };
}

export const BA_DINH = '2025:00004';

export async function servicesWorld(t: TestApp): Promise<ServicesWorld> {
  const people = await testRegistry(t.db, t.clock.now().toISOString());
  const bootstrap = await t.app.services.identity.bootstrap.reset();
  const { registry } = people;
  let households = 0;
  // Officers who attest level 2, one per commune; each use opens a new session (a moved clock ends old ones).
  const police = new Map<string, Promise<{ accountId: string }>>();

  async function officer(agency: Agency, unit = BA_DINH) {
    const personalId = await people.person({
      familyName: 'Phạm',
      middleName: 'Minh',
      givenName: 'Quân',
      birthDate: '1984-06-06',
    });
    const account = await registerAccount(
      t.app,
      { personalId, fullName: 'Phạm Minh Quân', birthDate: '1984-06-06' },
      nextPhone(),
    );
    const where = /^2025:\d{2}$/.test(unit) ? { provinceId: unit } : { communeId: unit };
    const granted = await t.app.inject({
      method: 'POST',
      url: '/api/v1/admin/roles',
      payload: { personalId, role: 'officer', agency, ...where },
      headers: { authorization: `Bearer ${bootstrap}` },
    });
    expectStatus(granted, 201);
    return { accountId: account.accountId, headers: await sessionOf(t.app, account.accountId) };
  }

  async function level2(person: { personalId: string; fullName: string; birthDate: string }, communeId = BA_DINH) {
    const account = await registerAccount(t.app, person, nextPhone());
    if (!police.has(communeId)) police.set(communeId, officer('police', communeId));
    const attesting = await (police.get(communeId) as Promise<{ accountId: string }>);
    await registry.issueCard(
      person.personalId,
      { issuedOn: '2025-09-01', issuingAuthority: 'Cục Cảnh sát QLHC về TTXH' },
      OFFICER,
    );
    const activated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/officer/level2-activations',
      payload: {
        personalId: person.personalId,
        cardNumber: person.personalId,
        faceMatched: true,
        fingerprintsMatched: true,
        attestation: 'Đã đối chiếu thẻ căn cước, khuôn mặt và vân tay tại trụ sở.',
      },
      headers: await sessionOf(t.app, attesting.accountId),
    });
    expectStatus(activated, 201);
    return sessionOf(t.app, account.accountId);
  }

  async function family(communeId = BA_DINH): Promise<Family> {
    const n = ++households;
    const fatherId = await people.person({
      familyName: 'Nguyễn',
      middleName: 'Văn',
      givenName: `Bình`,
      birthDate: '1990-03-03',
      sex: 'male',
    });
    const motherId = await people.person({
      familyName: 'Lê',
      middleName: 'Thị',
      givenName: 'Hoa',
      birthDate: '1992-07-07',
      sex: 'female',
    });
    await registry.recordMarriage(fatherId, motherId, '2018-05-20', OFFICER);
    const addressLine = `Số ${n} phố Đội Cấn`;
    const householdId = await registry.createHousehold(
      {
        fileNumber: `HK-TEST-${process.pid}-${n}`,
        headPersonalId: fatherId,
        communeId,
        addressLine,
        establishedOn: '2025-08-01',
      },
      OFFICER,
    );
    await registry.addMember(householdId, motherId, 'spouse', '2025-08-01', OFFICER);
    for (const personalId of [fatherId, motherId]) {
      await registry.registerPermanentResidence(
        personalId,
        { communeId, addressLine, householdId },
        '2025-08-01',
        OFFICER,
      );
    }
    return {
      communeId,
      householdId,
      addressLine,
      father: { personalId: fatherId, fullName: 'Nguyễn Văn Bình', birthDate: '1990-03-03' },
      mother: { personalId: motherId, fullName: 'Lê Thị Hoa', birthDate: '1992-07-07' },
    };
  }

  async function session(personalId: string) {
    const accountId = await t.app.services.identity.accountIdOf(personalId);
    if (!accountId) throw new Error('no account for this person');
    return sessionOf(t.app, accountId);
  }

  return { registry, people, bootstrap, family, officer, level2, session };
}
