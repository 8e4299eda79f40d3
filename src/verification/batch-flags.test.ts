import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAccount } from '../../test/support/identity.ts';
import { registerPartner, type VerificationFixture, verificationFixture } from '../../test/support/verification.ts';
import { CsvReader } from './batch/csv-reader.ts';
import { RESULT_COLUMNS } from './batch/runner.ts';

let f: VerificationFixture;
afterAll(async () => f?.close());
beforeAll(async () => {
  f = await verificationFixture();
});

describe('a batch job’s flags', () => {
  it('flags a locked eID account as the online check does, the accounts of a chunk read together', async () => {
    const people = await Promise.all(
      ['1991-01-01', '1992-02-02', '1993-03-03'].map((birthDate, i) =>
        f.people.person({ givenName: ['An', 'Bình', 'Chi'][i] as string, birthDate }),
      ),
    );
    const [locked, active, none] = people as [string, string, string];
    const lockedAccount = await registerAccount(f.t.app, {
      personalId: locked,
      fullName: 'Nguyễn Văn An',
      birthDate: '1991-01-01',
    });
    await registerAccount(f.t.app, { personalId: active, fullName: 'Nguyễn Văn Bình', birthDate: '1992-02-02' });
    await f.t.app.services.identity.lockOwn(lockedAccount.accountId);
    const partner = await registerPartner(f.t.app, f.adminToken, {
      id: 'ngan-hang-co',
      name: 'Ngân hàng Cờ',
      scopes: ['verification', 'verification.batch'],
    });
    const terms = await f.t.app.services.verification.partners.get(partner.id);
    const { batches } = f.t.app.services.verification;
    const file = `personalId\n${locked}\n${active}\n${none}\n${f.duc}\n`;
    const { job } = await batches.upload(terms, 'customer_data_cleaning', Readable.from([file]));
    await batches.runPending({ jobId: job.id });

    const reader = new CsvReader();
    let text = '';
    for await (const piece of await batches.results(partner.id, job.id)) text += piece;
    const [, ...rows] = [...reader.push(text), ...reader.end()].map((record) => record.fields ?? []);
    const eidLocked = RESULT_COLUMNS.indexOf('eidLocked');
    expect(rows.map((cells) => [cells[1], cells[eidLocked]])).toEqual([
      [locked, 'true'],
      [active, 'false'],
      [none, 'false'],
      [f.duc, 'false'],
    ]);
    for (const personalId of [locked, active, none]) {
      const online = await f.answer({ personalId, purpose: 'customer_data_cleaning' });
      expect(online.flags.eidLocked).toBe(personalId === locked);
    }
  });
});
