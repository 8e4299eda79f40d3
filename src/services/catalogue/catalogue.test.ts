import { describe, expect, it } from 'vitest';
import { STEP_ACTIONS } from '../procedures/index.ts';
import { Catalogue } from './catalogue.ts';
import { validateForm } from './form.ts';

const catalogue = new Catalogue(new Set(STEP_ACTIONS.keys()));

describe('the procedure catalogue', () => {
  it('finds procedures by name without minding accents or case', () => {
    for (const query of ['khai sinh', 'KHAI SINH', 'Khai sinh', 'đăng ký khai sinh']) {
      expect(catalogue.list(query).map((procedure) => procedure.code)).toEqual(['birth-group']);
    }
    expect(catalogue.list('ly lich tu phap').map((procedure) => procedure.code)).toEqual([
      'criminal-record-1',
      'criminal-record-2',
    ]);
    expect(catalogue.list('')).toHaveLength(8);
    expect(() => catalogue.get('passport')).toThrow(expect.objectContaining({ code: 'PROCEDURE_NOT_FOUND' }));
  });

  it('gives No. 2 the form and steps of No. 1, and names each step’s agency', () => {
    const second = catalogue.get('criminal-record-2');
    expect(second.fields).toEqual(catalogue.get('criminal-record-1').fields);
    expect(second.steps[0]).toMatchObject({ agency: 'justice', level: 'province', agencyName: { vi: 'Sở Tư pháp' } });
  });

  it('takes the longer limit when the form calls for it, and waives a fee only where the province says', () => {
    const record = catalogue.get('criminal-record-1');
    expect(catalogue.limitDays(record, {})).toBe(10);
    expect(catalogue.limitDays(record, { severalResidencesOrAbroad: true })).toBe(15);
    expect(catalogue.fee(record, { provinceId: '2025:01', level: 2 })).toMatchObject({ amountVnd: 0 });
    expect(catalogue.fee(record, { provinceId: '2025:01', level: 1 })).toEqual({ amountVnd: 200_000, exemption: null });
    expect(catalogue.fee(record, { provinceId: '2025:79', level: 2 })).toEqual({ amountVnd: 200_000, exemption: null });
  });
});

describe('checking a form against its fields', () => {
  const fields = catalogue.get('birth-group').fields;
  const valid = {
    motherPersonalId: '001192012345',
    childFamilyName: '  Nguyễn ',
    childGivenName: 'An',
    childSex: 'female',
    childBirthDate: '2026-02-25',
    childPlaceOfBirth: 'Hà Nội',
    birthNoticeNumber: 'GCS-1',
  };

  it('keeps text trimmed and in NFC, and drops empty values', () => {
    const clean = validateForm(fields, { ...valid, childMiddleName: '', childGivenName: 'An'.normalize('NFD') });
    expect(clean.childFamilyName).toBe('Nguyễn');
    expect(clean).not.toHaveProperty('childMiddleName');
  });

  it('names every field it refuses, and why', () => {
    const refusal = () =>
      validateForm(fields, {
        ...valid,
        motherPersonalId: '12345',
        childSex: 'other',
        childBirthDate: '2026-02-30',
        childGivenName: 'A'.repeat(51),
        childPlaceOfBirth: null,
        householdId: 'one',
        nickname: 'Bin',
      });
    expect(refusal).toThrow(expect.objectContaining({ code: 'FORM_INVALID' }));
    try {
      refusal();
    } catch (error) {
      expect((error as { details: { fields: unknown[] } }).details.fields).toEqual(
        expect.arrayContaining([
          { name: 'nickname', reason: 'unknown' },
          { name: 'motherPersonalId', reason: 'format' },
          { name: 'childSex', reason: 'option' },
          { name: 'childBirthDate', reason: 'format' },
          { name: 'childGivenName', reason: 'too_long' },
          { name: 'childPlaceOfBirth', reason: 'required' },
          { name: 'householdId', reason: 'type' },
        ]),
      );
    }
  });
});
