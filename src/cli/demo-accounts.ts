import { randomBytes } from 'node:crypto';
import { type Agency, BOOTSTRAP_ADMIN, type Caller, type Identity } from '../identity/index.ts';
import type { Messages } from '../messages/index.ts';
import type { Registry } from '../registry/index.ts';

/** One demonstration sign-in, printed once on the first start. */
export interface DemoAccount {
  readonly label: string;
  readonly personalId: string;
  readonly password: string;
  readonly phone: string;
}

const PROVISIONING: Caller = { actor: BOOTSTRAP_ADMIN, roles: [], via: 'token' };

/** A citizen, four commune officers (police, civil status, social insurance, social affairs), the province's
 * justice officer and an administrator: enough to take every procedure of the catalogue through. */
const DEMO_PEOPLE = 7;

/**
 * Makes the demonstration accounts of a new embedded installation through the same procedures a citizen and
 * an officer would use: registration with the code from the developer inbox, roles given by the bootstrap
 * administrator, level 2 attested for the commune. Passwords are random and shown once.
 */
export async function createDemoAccounts(
  identity: Identity,
  registry: Registry,
  messages: Messages,
): Promise<DemoAccount[]> {
  const access = { actor: BOOTSTRAP_ADMIN, purpose: 'Tạo tài khoản trình diễn', channel: 'cli' as const };
  // People recorded in one old commune may live in different 2025 communes: keep those of the first one's.
  const candidates = await registry.sampleResidents(30, access);
  let communeId: string | undefined;
  const people: string[] = [];
  for (const personalId of candidates) {
    const record = await registry.getPersonRecord(personalId, undefined, access);
    const current = record.residences.find((r) => r.kind === 'permanent' && r.validTo === null)?.address.current[0]
      ?.communeId;
    communeId ??= current;
    if (current && current === communeId) people.push(personalId);
    if (people.length === DEMO_PEOPLE) break;
  }
  if (!communeId || people.length < DEMO_PEOPLE) return [];
  const [citizen, police, civilStatus, socialInsurance, socialAffairs, justice, admin] = people as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];

  const accounts: DemoAccount[] = [];
  const open = async (personalId: string, label: string) => {
    const person = await registry.getPersonRecord(personalId, undefined, access);
    const phone = `09${personalId.slice(-8)}`;
    const password = `Demo-${randomBytes(6).toString('base64url')}-26`;
    const started = await identity.startRegistration(
      { personalId, fullName: person.person.fullName, birthDate: person.person.birthDate, phone },
      { address: '127.0.0.1' },
    );
    const [message] = await messages.latest(1, phone);
    const code = /\b(\d{6})\b/.exec(message?.body ?? '')?.[1] ?? '';
    const { accountId } = await identity.confirmRegistration(started.registrationId, { code, password });
    accounts.push({ label: `${label}: ${person.person.fullName}`, personalId, password, phone });
    return accountId;
  };

  await open(citizen, 'công dân mức 2');
  const officers: ReadonlyArray<[string, Agency, string]> = [
    [police, 'police', 'cán bộ Công an xã'],
    [civilStatus, 'civil_status', 'cán bộ Tư pháp - Hộ tịch'],
    [socialInsurance, 'social_insurance', 'cán bộ Bảo hiểm xã hội'],
    [socialAffairs, 'social_affairs', 'cán bộ Văn hóa - Xã hội'],
  ];
  for (const [personalId, agency, label] of officers) {
    const accountId = await open(personalId, label);
    await identity.grantRole(accountId, { role: 'officer', agency, communeId }, PROVISIONING);
  }
  // Criminal-record certificates are issued by the province's justice department.
  const provinceId = (await registry.deps.units.getUnit(communeId)).province.id;
  const justiceId = await open(justice, 'cán bộ Sở Tư pháp (cấp tỉnh)');
  await identity.grantRole(justiceId, { role: 'officer', agency: 'justice', provinceId }, PROVISIONING);
  const adminId = await open(admin, 'quản trị viên');
  await identity.grantRole(adminId, { role: 'admin' }, PROVISIONING);

  // Level 2 for everyone, attested for the commune as its police would.
  const attesting: Caller = {
    actor: { id: 'demo-setup', kind: 'system', name: 'Khởi tạo dữ liệu trình diễn' },
    roles: [
      {
        id: 0,
        role: 'officer',
        agency: 'police',
        communeId,
        provinceId: null,
        grantedBy: 'demo-setup',
        grantedAt: new Date(0).toISOString(),
      },
    ],
    via: 'token',
  };
  for (const account of accounts) {
    await identity.activateLevel2(attesting, {
      personalId: account.personalId,
      cardNumber: account.personalId,
      faceMatched: true,
      fingerprintsMatched: true,
      attestation: 'Tài khoản trình diễn của bản cài đặt mới (dữ liệu tổng hợp).',
    });
  }
  return accounts;
}
