import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectStatus, registerAccount } from '../../test/support/identity.ts';
import { HOME, type VerificationFixture, verificationFixture } from '../../test/support/verification.ts';
import { generatePersonalId } from '../kernel/index.ts';
import { OFFICER, READER } from '../registry/testing.ts';

let f: VerificationFixture;
let duc: string;

beforeAll(async () => {
  f = await verificationFixture();
  duc = f.duc;
});
afterAll(async () => f?.close());

const answer = (body: Record<string, unknown>) => f.answer(body);

/** Every string and number of a JSON value, however deeply nested. */
function leaves(value: unknown): (string | number)[] {
  if (typeof value === 'string' || typeof value === 'number') return [value];
  if (Array.isArray(value)) return value.flatMap(leaves);
  if (value && typeof value === 'object') return Object.values(value).flatMap(leaves);
  return [];
}

describe('the online check', () => {
  it('matches a declaration equal to the record, attribute by attribute', async () => {
    const result = await answer({
      personalId: duc,
      fullName: 'Nguyễn Văn Đức',
      birthDate: '1990-05-17',
      sex: 'male',
      cardNumber: duc,
      cardIssuedOn: '2025-05-01',
      phone: '0912345678',
      address: 'Số 5 phố Điện Biên Phủ, Phường Ba Đình, Thành phố Hà Nội',
    });
    expect(result.checkTypes).toEqual(['identity', 'card', 'phone', 'address']);
    expect(result.attributes).toEqual({
      personalId: { result: 'match', reasons: ['PERSON_FOUND'] },
      fullName: { result: 'match', reasons: ['NAME_MATCHES'] },
      birthDate: { result: 'match', reasons: ['DATE_MATCHES'] },
      sex: { result: 'match', reasons: ['SEX_MATCHES'] },
      card: { result: 'match', reasons: ['CARD_VALID'] },
      phone: { result: 'match', reasons: ['PHONE_MATCHES'] },
      address: { result: 'match', reasons: ['ADDRESS_MATCHES_PERMANENT'] },
    });
    expect(result.flags).toEqual({
      deceased: false,
      missing: false,
      cardExpired: false,
      cardRevoked: false,
      eidLocked: false,
    });
  });

  it('answers with no value of the stored record, not even the number asked about', async () => {
    // A minute after the fixture's records were made, so the check's own time is not theirs.
    f.t.clock.advance(60_000);
    const response = await f.check(f.bank.accessToken, {
      personalId: duc,
      fullName: 'NGUYEN VAN DUC',
      birthDate: '1990',
      cardIssuedOn: '2016-01-10',
      phone: '0900000000',
      address: 'Số 5 phố Điện Biên Phủ, Ba Đình',
    });
    expectStatus(response, 200);
    const record = await f.people.registry.getPersonRecord(duc, undefined, READER);
    const stored = new Set(leaves(record).map(String));
    const answered = leaves(response.json()).map(String);
    expect(answered.length).toBeGreaterThan(10);
    expect(answered.filter((value) => stored.has(value))).toEqual([]);
    for (const value of [duc, 'Nguyễn Văn Đức', '1990-05-17', '0912345678', '012345678', HOME.addressLine]) {
      expect(response.body).not.toContain(value);
    }
  });

  it('matches names in NFC, NFD, upper case and with another tone placement; without diacritics or Đ as D it says so', async () => {
    const hoa = await f.people.person({ familyName: 'Đặng', middleName: 'Thị', givenName: 'Hòa', sex: 'female' });
    const cases: [string, string, string][] = [
      ['Đặng Thị Hòa', 'match', 'NAME_MATCHES'],
      ['Đặng Thị Hòa'.normalize('NFD'), 'match', 'NAME_MATCHES'],
      ['ĐẶNG THỊ HÒA', 'match', 'NAME_MATCHES'],
      ['  đặng   thị hòa ', 'match', 'NAME_MATCHES'],
      ['Đặng Thị Hoà', 'match', 'NAME_MATCHES'],
      ['Dang Thi Hoa', 'match', 'NAME_MATCHES_WITHOUT_DIACRITICS'],
      ['DANG THI HOA', 'match', 'NAME_MATCHES_WITHOUT_DIACRITICS'],
      ['Dặng Thị Hòa', 'match', 'NAME_MATCHES_WITHOUT_DIACRITICS'],
      ['Đặng Thị Hóa', 'match', 'NAME_MATCHES_WITHOUT_DIACRITICS'],
      ['Đặng Thị Hoa Mai', 'mismatch', 'NAME_DIFFERS'],
      ['Trần Thị Hòa', 'mismatch', 'NAME_DIFFERS'],
    ];
    for (const [fullName, result, reason] of cases) {
      const { attributes } = await answer({ personalId: hoa, fullName });
      expect(attributes.fullName, fullName).toEqual({ result, reasons: [reason] });
    }
  });

  it('matches another recorded name', async () => {
    const id = await f.people.person({ givenName: 'Bình', otherNames: ['Nguyễn Văn Tèo'] });
    const { attributes } = await answer({ personalId: id, fullName: 'nguyen van teo' });
    expect(attributes.fullName).toEqual({ result: 'match', reasons: ['NAME_MATCHES_OTHER_NAME'] });
  });

  it('compares birth dates to the precision both sides have', async () => {
    const yearOnly = await f.people.person({ birthDate: '1950-01-01', birthDatePrecision: 'year' });
    const cases: [string, string, string, string[]][] = [
      [duc, '1990-05-17', 'match', ['DATE_MATCHES']],
      [duc, '1990-05', 'match', ['DATE_MONTH_ONLY']],
      [duc, '1990', 'match', ['DATE_YEAR_ONLY']],
      [duc, '1990-07-17', 'mismatch', ['DATE_DIFFERS', 'DATE_SAME_YEAR_ONLY']],
      [duc, '1991', 'mismatch', ['DATE_DIFFERS']],
      [yearOnly, '1950-08-02', 'match', ['DATE_YEAR_ONLY']],
      [yearOnly, '1951-01-01', 'mismatch', ['DATE_DIFFERS']],
    ];
    for (const [personalId, birthDate, result, reasons] of cases) {
      const { attributes } = await answer({ personalId, birthDate });
      expect(attributes.birthDate, `${birthDate}`).toEqual({ result, reasons });
    }
  });

  it('refuses a birth date that is not in the calendar', async () => {
    const response = await f.check(f.bank.accessToken, { personalId: duc, birthDate: '1990-02-30' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('INVALID_DATE');
  });

  it('says when the sex differs', async () => {
    const { attributes } = await answer({ personalId: duc, sex: 'female' });
    expect(attributes.sex).toEqual({ result: 'mismatch', reasons: ['SEX_DIFFERS'] });
    expect(attributes.fullName).toEqual({ result: 'not_provided', reasons: [] });
  });

  it('tells the current card from a replaced one, a wrong issue day and the former 9-digit number', async () => {
    const noCard = await f.people.person({ givenName: 'Cường' });
    const cases: [Record<string, string>, string, string][] = [
      [{ cardNumber: duc }, 'match', 'CARD_VALID'],
      [{ cardNumber: duc, cardIssuedOn: '2025-05-01' }, 'match', 'CARD_VALID'],
      [{ cardIssuedOn: '2016-01-10' }, 'mismatch', 'CARD_REPLACED_BY_NEWER'],
      [{ cardNumber: duc, cardIssuedOn: '2020-01-01' }, 'mismatch', 'CARD_ISSUE_DATE_DIFFERS'],
      [{ cardNumber: '012345678' }, 'mismatch', 'CARD_IS_FORMER_ID_NUMBER'],
      [{ cardNumber: '001099000001' }, 'mismatch', 'CARD_NUMBER_DIFFERS'],
    ];
    for (const [declared, result, reason] of cases) {
      const { attributes } = await answer({ personalId: duc, ...declared });
      expect(attributes.card, JSON.stringify(declared)).toEqual({ result, reasons: [reason] });
    }
    const { attributes } = await answer({ personalId: noCard, cardNumber: noCard });
    expect(attributes.card).toEqual({ result: 'mismatch', reasons: ['NO_CARD_ON_RECORD'] });
  });

  it('flags an expired card and a revoked one', async () => {
    // Issued at 30, the card expired at 40 (Law on Identification 2023, Art. 21).
    const expired = await f.people.person({ birthDate: '1985-04-12', givenName: 'Dũng' });
    await f.people.registry.issueCard(expired, { issuedOn: '2016-01-01', issuingAuthority: 'Bộ Công an' }, OFFICER);
    const revoked = await f.people.person({ birthDate: '1995-03-03', givenName: 'Hải' });
    await f.people.registry.issueCard(revoked, { issuedOn: '2025-01-01', issuingAuthority: 'Bộ Công an' }, OFFICER);
    await f.people.registry.setCardInvalid(revoked, 'revoked', '2026-02-01', OFFICER);

    const old = await answer({ personalId: expired, cardIssuedOn: '2016-01-01' });
    expect(old.attributes.card).toEqual({ result: 'match', reasons: ['CARD_EXPIRED'] });
    expect(old.flags).toMatchObject({ cardExpired: true, cardRevoked: false });
    const gone = await answer({ personalId: revoked, cardNumber: revoked });
    expect(gone.attributes.card).toEqual({ result: 'match', reasons: ['CARD_REVOKED'] });
    expect(gone.flags).toMatchObject({ cardExpired: false, cardRevoked: true });
  });

  it('compares phones in national or international form, and says when none is recorded', async () => {
    const noPhone = await f.people.person({ givenName: 'Khoa' });
    expect((await answer({ personalId: duc, phone: '+84 912 345 678' })).attributes.phone).toEqual({
      result: 'match',
      reasons: ['PHONE_MATCHES'],
    });
    expect((await answer({ personalId: duc, phone: '0987654321' })).attributes.phone).toEqual({
      result: 'mismatch',
      reasons: ['PHONE_DIFFERS'],
    });
    expect((await answer({ personalId: noPhone, phone: '0912345678' })).attributes.phone).toEqual({
      result: 'mismatch',
      reasons: ['NO_PHONE_ON_RECORD'],
    });
  });

  it('matches an address to the permanent or temporary residence, accents and rank words aside', async () => {
    const away = await f.people.person({ givenName: 'Long' });
    await f.people.registry.registerPermanentResidence(away, HOME, '2025-08-01', OFFICER);
    await f.people.registry.registerTemporaryResidence(
      away,
      { communeId: '2025:26882', addressLine: '12 Nguyễn Văn Lượng' },
      '2026-01-05',
      '2027-01-04',
      OFFICER,
    );
    const homeless = await f.people.person({ givenName: 'Minh' });
    const cases: [string, string, string, string][] = [
      [duc, 'so 5 pho dien bien phu, ba dinh, ha noi', 'match', 'ADDRESS_MATCHES_PERMANENT'],
      [away, '12 Nguyễn Văn Lượng, Phường An Hội Tây, TP Hồ Chí Minh', 'match', 'ADDRESS_MATCHES_TEMPORARY'],
      [duc, 'Số 7 phố Điện Biên Phủ, Phường Ba Đình', 'mismatch', 'ADDRESS_DIFFERS'],
      [duc, 'Số 5 phố Điện Biên Phủ, Phường Hoàn Kiếm', 'mismatch', 'ADDRESS_DIFFERS'],
      [homeless, 'Số 5 phố Điện Biên Phủ, Phường Ba Đình', 'mismatch', 'NO_ADDRESS_ON_RECORD'],
    ];
    for (const [personalId, address, result, reason] of cases) {
      const { attributes } = await answer({ personalId, address });
      expect(attributes.address, address).toEqual({ result, reasons: [reason] });
    }
  });

  it('flags a deceased person, a missing person and a locked eID account', async () => {
    const died = await f.people.person({ givenName: 'Nam' });
    await f.people.registry.recordDeath(died, { diedOn: '2026-01-15' }, OFFICER);
    const missing = await f.people.person({ givenName: 'Phúc' });
    // No registry procedure declares a person missing yet: set the recorded status directly.
    await sql`update registry.person set status = 'missing' where personal_id = ${missing}`.execute(f.t.db.kysely);
    const holder = await f.people.person({ givenName: 'Quang', birthDate: '1992-02-02' });
    const account = await registerAccount(f.t.app, {
      personalId: holder,
      fullName: 'Nguyễn Văn Quang',
      birthDate: '1992-02-02',
    });
    await f.t.app.services.identity.lockOwn(account.accountId);

    expect((await answer({ personalId: died })).flags).toMatchObject({ deceased: true, missing: false });
    expect((await answer({ personalId: missing })).flags).toMatchObject({ deceased: false, missing: true });
    expect((await answer({ personalId: holder })).flags).toMatchObject({ eidLocked: true, deceased: false });
    expect((await answer({ personalId: duc })).flags.eidLocked).toBe(false);
  });

  it('answers a well-formed number nobody has with PERSON_NOT_FOUND on every attribute given', async () => {
    const nobody = generatePersonalId(() => 0.123, { provinceCode: '079', birthYear: 1970, sex: 'female' });
    const result = await answer({ personalId: nobody, fullName: 'Lê Thị Nhàn', phone: '0912345678' });
    expect(result.attributes).toMatchObject({
      personalId: { result: 'mismatch', reasons: ['PERSON_NOT_FOUND'] },
      fullName: { result: 'mismatch', reasons: ['PERSON_NOT_FOUND'] },
      phone: { result: 'mismatch', reasons: ['PERSON_NOT_FOUND'] },
      birthDate: { result: 'not_provided', reasons: [] },
    });
  });

  it('refuses a malformed personal ID number', async () => {
    const response = await f.check(f.bank.accessToken, { personalId: '00109501234' });
    expect(response.statusCode).toBe(400);
    expect(response.json().code).toBe('INVALID_PERSONAL_ID');
  });

  it('is written to the person’s access log with the partner’s name and the purpose', async () => {
    const id = await f.people.person({ givenName: 'Sơn' });
    const result = await answer({ personalId: id, fullName: 'Nguyễn Văn Sơn', purpose: 'customer_data_cleaning' });
    const { items } = await f.people.accessLog.listForSubject(id);
    const entries = items.filter((item) => item.actorKind === 'partner');
    expect(entries).toEqual([
      expect.objectContaining({
        actorId: f.bank.id,
        actorKind: 'partner',
        actorName: 'Ngân hàng TMCP Thử nghiệm A',
        purpose: 'Làm sạch dữ liệu khách hàng',
        channel: 'api',
        action: 'verify',
        details: { checkId: result.checkId, checkTypes: ['identity'] },
      }),
    ]);
  });
});
