import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, isStorableText, laneOf, rowHash, subjectsDigest } from './chain.ts';

const row = {
  lane: 5,
  seq: 1,
  at: new Date('2025-07-01T02:03:04.005Z'),
  actorId: 'bank-acb',
  actorKind: 'partner',
  actorName: 'Ngân hàng Á Châu',
  purpose: 'Mở tài khoản "thanh toán"',
  channel: 'api',
  action: 'verify',
  subjectId: '001190000123',
  requestId: null,
  detailsJson: '{"match":true,"score":0.97}',
};

describe('rowHash', () => {
  it('hashes the previous hash and the row as a JSON array (vector computed independently in Python)', () => {
    // sha256(32 zero bytes || '[5,1,"2025-07-01T02:03:04.005Z","bank-acb","partner","Ngân hàng Á Châu",
    //   "Mở tài khoản \"thanh toán\"","api","verify","001190000123",null,{"match":true,"score":0.97}]')
    expect(rowHash(GENESIS_HASH, row).toString('hex')).toBe(
      'f6ed28392f58a029f3e076329980e774bd0cb6f526b5e4eda69249e1a12f18cc',
    );
  });

  it('gives the same hash for a row whatever was sealed before it, even a Date changed in place', () => {
    const vector = 'f6ed28392f58a029f3e076329980e774bd0cb6f526b5e4eda69249e1a12f18cc';
    const other = { ...row, actorId: 'telco-vnpt', purpose: 'Chuẩn hoá thuê bao', channel: 'batch' };
    const otherHash = rowHash(GENESIS_HASH, other).toString('hex');
    expect(rowHash(GENESIS_HASH, row).toString('hex')).toBe(vector);
    expect(rowHash(GENESIS_HASH, other).toString('hex')).toBe(otherHash);
    expect(otherHash).not.toBe(vector);
    const at = new Date(row.at);
    const moved = { ...row, at };
    expect(rowHash(GENESIS_HASH, moved).toString('hex')).toBe(vector);
    at.setTime(at.getTime() + 1);
    expect(rowHash(GENESIS_HASH, moved).toString('hex')).not.toBe(vector);
    at.setTime(at.getTime() - 1);
    expect(rowHash(GENESIS_HASH, moved).toString('hex')).toBe(vector);
  });

  it('changes when any sealed field or the previous hash changes', () => {
    const base = rowHash(GENESIS_HASH, row).toString('hex');
    const variants = [
      { ...row, seq: 2 },
      { ...row, lane: 6 },
      { ...row, at: new Date('2025-07-01T02:03:04.006Z') },
      { ...row, actorName: null },
      { ...row, purpose: 'Mở tài khoản' },
      { ...row, requestId: 'r-1' },
      { ...row, detailsJson: null },
    ];
    for (const variant of variants) expect(rowHash(GENESIS_HASH, variant).toString('hex')).not.toBe(base);
    expect(rowHash(Buffer.alloc(32, 1), row).toString('hex')).not.toBe(base);
  });

  it('cannot be fooled by moving text from one field into the next', () => {
    const a = rowHash(GENESIS_HASH, { ...row, actorId: 'bank', actorKind: '"-acb' });
    const b = rowHash(GENESIS_HASH, { ...row, actorId: 'bank"-', actorKind: 'acb' });
    expect(a.equals(b)).toBe(false);
  });
});

describe('group rows', () => {
  // sha256('001190000123' || 00000007 || '079085000456' || 00000000), computed independently in Python.
  const digest = '850d90ecf4cb94a814490dd02c0bfbca87ce36295d15571f7e06c0164dfcf44d';
  const group = {
    ...row,
    purpose: 'Làm sạch dữ liệu khách hàng',
    channel: 'batch',
    subjectId: null,
    detailsJson: '{"batchId":"12"}',
    group: { subjects: 2, digest: Buffer.from(digest, 'hex') },
  };

  it('digests the subjects in order, with their lines as four bytes (0 for none)', () => {
    expect(subjectsDigest(['001190000123', '079085000456'], [7, null]).toString('hex')).toBe(digest);
    expect(subjectsDigest(['079085000456', '001190000123'], [null, 7]).toString('hex')).not.toBe(digest);
    expect(subjectsDigest(['001190000123', '079085000456'], [7, 1]).toString('hex')).not.toBe(digest);
    expect(subjectsDigest(['001190000123'], [7]).toString('hex')).not.toBe(digest);
  });

  it("hashes a group's count and digest after the plain members (vector computed independently in Python)", () => {
    // sha256(32 zero bytes || '[5,1,"2025-07-01T02:03:04.005Z","bank-acb","partner","Ngân hàng Á Châu",
    //   "Làm sạch dữ liệu khách hàng","batch","verify",null,null,{"batchId":"12"},2,"850d…f44d"]')
    expect(rowHash(GENESIS_HASH, group).toString('hex')).toBe(
      '30543ea2dcc4b16db69439e4b40efde17379603a4378bf1a48462a3adbd6f84a',
    );
    const base = rowHash(GENESIS_HASH, group).toString('hex');
    expect(rowHash(GENESIS_HASH, { ...group, group: { ...group.group, subjects: 3 } }).toString('hex')).not.toBe(base);
    const other = subjectsDigest(['001190000123'], [7]);
    expect(rowHash(GENESIS_HASH, { ...group, group: { subjects: 2, digest: other } }).toString('hex')).not.toBe(base);
  });

  it('leaves a plain row hashed as before when its group is null', () => {
    expect(rowHash(GENESIS_HASH, { ...row, group: null }).toString('hex')).toBe(
      'f6ed28392f58a029f3e076329980e774bd0cb6f526b5e4eda69249e1a12f18cc',
    );
  });
});

describe('laneOf', () => {
  it('puts a subject always in the same lane (FNV-1a of the digits)', () => {
    expect(laneOf('001190000123', 16)).toBe(6);
    expect(laneOf('079301000123', 16)).toBe(15);
  });

  it('spreads subjects over every lane', () => {
    const lanes = new Set(Array.from({ length: 500 }, (_, i) => laneOf(`0011900${String(i).padStart(5, '0')}`, 16)));
    expect(lanes.size).toBe(16);
  });
});

describe('canonicalJson', () => {
  it('sorts object keys and drops undefined members, like JSON.stringify with sorted keys', () => {
    expect(canonicalJson({ b: 1, a: [true, null], c: undefined, é: 'x' })).toBe('{"a":[true,null],"b":1,"é":"x"}');
  });

  it('reads back to the same text after a JSON round trip, as jsonb does', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })), (value) => {
        const text = canonicalJson(value);
        expect(canonicalJson(JSON.parse(text))).toBe(text);
      }),
    );
  });

  it('refuses what JSON cannot carry faithfully', () => {
    expect(() => canonicalJson({ at: new Date() })).toThrow(TypeError);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
    expect(() => canonicalJson({ n: 1n })).toThrow(TypeError);
    expect(() => canonicalJson({ s: 'a\u0000b' })).toThrow(TypeError);
    expect(() => canonicalJson({ s: '\ud800' })).toThrow(TypeError);
    const deep = JSON.parse(`${'['.repeat(20)}${']'.repeat(20)}`);
    expect(() => canonicalJson({ deep })).toThrow(/deeper/);
  });
});

describe('isStorableText', () => {
  it('accepts Vietnamese text and paired surrogates, refuses NUL and lone surrogates', () => {
    expect(isStorableText('Nguyễn Thị Ánh 👍')).toBe(true);
    expect(isStorableText('a\u0000')).toBe(false);
    expect(isStorableText('\udc00x')).toBe(false);
  });
});
