import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldText, splitVietnameseName, toNfc } from './text.ts';

/** Letters, marks and spaces that Vietnamese text is made of, in both precomposed and combining form. */
const vietnameseText = fc.string({
  unit: fc.constantFrom(
    ...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐEÊOÔƠƯ',
    ...'àáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ',
    ...'ÀÁẢÃẠỀẾỂỄỆỲÝỶỸỴ',
    '\u0300',
    '\u0301',
    '\u0303',
    '\u0309',
    '\u0323',
    '\u0306',
    '\u0302',
    '\u031b',
    ' ',
    '\u00a0',
    '\t',
  ),
  maxLength: 30,
});
const anyText = fc.oneof(vietnameseText, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }));

describe('toNfc', () => {
  it('stores NFC, trimmed, with single spaces', () => {
    const nfd = '  Nguyễn \u00a0 Văn\tĐức  '.normalize('NFD');
    const stored = toNfc(nfd);
    expect(stored).toBe('Nguyễn Văn Đức'.normalize('NFC'));
    expect(stored.normalize('NFC')).toBe(stored);
  });
});

describe('foldText', () => {
  it('folds Đ and đ to d, which NFD alone does not', () => {
    expect('Đđ'.normalize('NFD')).toBe('Đđ');
    expect(foldText('Đ')).toBe('d');
    expect(foldText('đ')).toBe('d');
    expect(foldText('Đặng Đình')).toBe('dang dinh');
  });

  it('folds a name in every common spelling to the same key', () => {
    const spellings = [
      'Nguyễn Văn Đức',
      'NGUYỄN VĂN ĐỨC',
      'nguyen van duc',
      'Nguyễn Văn Đức'.normalize('NFD'),
      '  Nguyễn   Văn \u00a0Đức\n',
    ];
    for (const spelling of spellings) expect(foldText(spelling)).toBe('nguyen van duc');
  });

  it('gives the same key whatever the tone-mark placement', () => {
    expect(foldText('hòa')).toBe(foldText('hoà'));
    expect(foldText('Khánh Hòa')).toBe(foldText('Khánh Hoà'));
    expect(foldText('thủy')).toBe(foldText('thuỷ'));
    expect(foldText('Thúy')).toBe(foldText('Thuý'));
  });

  it('folds the Latin-1 eth that legacy conversions put in place of Đ', () => {
    expect(foldText('\u00d0ức')).toBe('duc');
  });

  it('gives the same key for the NFC and the NFD form of any text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(foldText(text.normalize('NFC'))).toBe(foldText(text.normalize('NFD')));
      }),
    );
  });

  it('is idempotent', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        expect(foldText(foldText(text))).toBe(foldText(text));
      }),
    );
  });

  it('leaves no Vietnamese mark, đ or capital in the key', () => {
    fc.assert(
      fc.property(vietnameseText, (text) => {
        expect(foldText(text)).toMatch(/^[a-z ]*$/);
      }),
    );
  });
});

describe('splitVietnameseName', () => {
  it('takes the first word as family name, the last as given name and the rest as middle name', () => {
    expect(splitVietnameseName('Nguyễn Thị Minh Khai')).toEqual({
      family: 'Nguyễn',
      middle: 'Thị Minh',
      given: 'Khai',
    });
  });

  it('leaves the middle name empty for a two-word name', () => {
    expect(splitVietnameseName('Lê Lợi')).toEqual({ family: 'Lê', middle: '', given: 'Lợi' });
  });

  it('treats a one-word name as a given name', () => {
    expect(splitVietnameseName('  Hùng ')).toEqual({ family: '', middle: '', given: 'Hùng' });
  });

  it('returns empty parts for an empty name', () => {
    expect(splitVietnameseName('   ')).toEqual({ family: '', middle: '', given: '' });
  });

  it('cannot see a compound family name, which is why parts are stored separately when known', () => {
    expect(splitVietnameseName('Hoàng Phủ Ngọc Tường')).toEqual({
      family: 'Hoàng',
      middle: 'Phủ Ngọc',
      given: 'Tường',
    });
  });

  it('returns NFC parts for NFD input with irregular spacing', () => {
    const parts = splitVietnameseName(' Trần \t Quốc   Toản '.normalize('NFD'));
    expect(parts).toEqual({ family: 'Trần', middle: 'Quốc', given: 'Toản' });
  });
});
