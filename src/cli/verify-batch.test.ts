import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerPartner, type VerificationFixture, verificationFixture } from '../../test/support/verification.ts';
import { RESULT_COLUMNS } from '../verification/index.ts';
import { UsageError } from './seed.ts';
import { parseVerifyBatchArgs, verifyBatchFile } from './verify-batch.ts';

let f: VerificationFixture;
const folder = mkdtempSync(join(tmpdir(), 'dancu-verify-batch-'));

beforeAll(async () => {
  f = await verificationFixture();
});
afterAll(async () => {
  await f?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe('dancu verify-batch', () => {
  it('reads its options, the results going next to the file by default', () => {
    expect(parseVerifyBatchArgs(['/data/khach-hang.csv', '--partner', 'ngan-hang-a'])).toEqual({
      file: '/data/khach-hang.csv',
      partner: 'ngan-hang-a',
      out: '/data/khach-hang.results.csv',
    });
    expect(() => parseVerifyBatchArgs(['/data/khach-hang.csv'])).toThrow(UsageError);
    expect(() => parseVerifyBatchArgs(['a.csv', '--partner', 'p', '--people', '3'])).toThrow(UsageError);
  });

  it('runs the job for the partner, shows progress and writes the results file', async () => {
    await registerPartner(f.t.app, f.adminToken, { id: 'ngan-hang-cli', name: 'Ngân hàng CLI' });
    const file = join(folder, 'khach-hang.csv');
    writeFileSync(file, `personalId,fullName\n${f.duc},Nguyễn Văn Đức\n${f.duc},Trần Văn Đức\nsai,X\n`);
    const options = parseVerifyBatchArgs([file, '--partner', 'ngan-hang-cli', '--purpose', 'customer_data_cleaning']);
    let shown = '';
    const job = await verifyBatchFile(f.t.app, options, { write: (text: string) => (shown += text) });
    expect(job).toMatchObject({ status: 'done', rowsRead: 3, rowsMatched: 1, rowsMismatched: 1, rowsUnreadable: 1 });
    expect(shown).toContain('3 / 3 rows checked');
    const lines = readFileSync(join(folder, 'khach-hang.results.csv'), 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(RESULT_COLUMNS.join(','));
    expect(lines.slice(1).map((line) => line.split(',').slice(0, 4))).toEqual([
      ['2', f.duc, 'matched', ''],
      ['3', f.duc, 'mismatched', ''],
      ['4', 'sai', 'unreadable', 'INVALID_PERSONAL_ID'],
    ]);
  });
});
