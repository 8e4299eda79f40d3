import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../../test/support/db.ts';
import { ManualClock } from '../../kernel/index.ts';
import { KEY_PUBLISHED_DAYS, KEY_ROTATION_DAYS, signingKeys } from './keys.ts';

let t: TestDatabase;
const DAY = 86_400_000;

beforeAll(async () => {
  t = await openTestDatabase();
});
afterAll(async () => t.close());

describe('signing keys', () => {
  it('makes one ES256 key, keeps it until the rotation, then signs with a new one while the old stays published', async () => {
    const clock = new ManualClock('2026-01-01T00:00:00Z');
    const first = await signingKeys(t.db, clock);
    expect(first.keys).toHaveLength(1);
    expect(first.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', use: 'sig' });
    expect(first.keys[0]?.d).toBeTruthy();
    expect((await signingKeys(t.db, clock)).keys.map((k) => k.kid)).toEqual([first.keys[0]?.kid]);

    clock.advance(KEY_ROTATION_DAYS * DAY);
    const rotated = await signingKeys(t.db, clock);
    expect(rotated.keys).toHaveLength(2);
    expect(rotated.keys[1]?.kid).toBe(first.keys[0]?.kid);

    clock.advance(KEY_PUBLISHED_DAYS * DAY + 1000);
    const later = await signingKeys(t.db, clock);
    expect(later.keys.map((k) => k.kid)).toEqual([rotated.keys[0]?.kid]);
  });
});
