/** Batch jobs through the API, for tests: a partner allowed batches, uploads, a job's state, its results file. */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { CsvReader } from '../../src/verification/batch/csv-reader.ts';
import type { BatchJob } from '../../src/verification/batch/model.ts';
import { RESULT_COLUMNS } from '../../src/verification/batch/runner.ts';
import { expectStatus } from './identity.ts';
import { registerPartner, type VerificationFixture, verificationFixture } from './verification.ts';

const BATCH_SCOPES = ['verification', 'verification.batch'];

function batchClient(f: VerificationFixture) {
  const get = (token: string, url: string) =>
    f.t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
  return {
    /** A bank with the default contract, its client allowed batches, and a live access token. */
    async partner(id: string) {
      const partner = await registerPartner(f.t.app, f.adminToken, {
        id,
        name: `Ngân hàng ${id}`,
        scopes: BATCH_SCOPES,
      });
      return { ...partner, accessToken: await partner.token() };
    },

    upload(token: string, csv: string, purpose = 'customer_data_cleaning'): Promise<LightMyRequestResponse> {
      return f.t.app.inject({
        method: 'POST',
        url: `/api/v1/verification-batches?purpose=${purpose}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        payload: csv,
      });
    },

    async job(token: string, id: string): Promise<BatchJob> {
      const response = await get(token, `/api/v1/verification-batches/${id}`);
      expectStatus(response, 200);
      return response.json() as BatchJob;
    },

    /** The results file as it comes (a 409 while the job runs). */
    resultsFile: (token: string, id: string) => get(token, `/api/v1/verification-batches/${id}/results`),

    /** The results file as records of named cells. */
    async results(token: string, id: string): Promise<Record<string, string>[]> {
      const response = await get(token, `/api/v1/verification-batches/${id}/results`);
      expectStatus(response, 200);
      expect(response.headers['content-type']).toMatch(/^text\/csv/);
      const reader = new CsvReader();
      const [header, ...rows] = [...reader.push(response.body), ...reader.end()].map((record) => record.fields ?? []);
      expect(header).toEqual(RESULT_COLUMNS);
      return rows.map((cells) => Object.fromEntries(RESULT_COLUMNS.map((name, i) => [name, cells[i] ?? ''])));
    },
  };
}

/** A number of the right form that nobody has. */
export const NOBODY = '001190099999';

export interface BatchWorld {
  readonly f: VerificationFixture;
  readonly api: ReturnType<typeof batchClient>;
}

/** The verification fixture and its batch client for a test file: made before its tests, closed after them. */
export function startBatchWorld(): BatchWorld {
  const world = {} as { f: VerificationFixture; api: ReturnType<typeof batchClient> };
  beforeAll(async () => {
    world.f = await verificationFixture();
    world.api = batchClient(world.f);
  });
  afterAll(async () => world.f?.close());
  return world;
}
