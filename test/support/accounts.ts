/** What the eID account tests share: an app, people in its registry, the bootstrap token, and their steps. */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { ACR_LEVEL2 } from '../../src/identity/model.ts';
import { testRegistry } from '../../src/registry/testing.ts';
import { createTestApp, type TestApp } from './app.ts';

export interface AccountsWorld {
  readonly t: TestApp;
  readonly people: Awaited<ReturnType<typeof testRegistry>>;
  readonly bootstrap: string;
  /** A woman of the registry, by default born on 29 February 1992. */
  newPerson(
    birthDate?: string,
    givenName?: string,
  ): Promise<{ personalId: string; fullName: string; birthDate: string }>;
  post(url: string, payload: object, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** A web session for an account, as the OpenID sign-in would open it: its cookie and CSRF headers. */
  sessionOf(accountId: string): Promise<{ cookie: string; 'x-csrf-token': string }>;
}

async function accountsWorld(): Promise<AccountsWorld> {
  const t = await createTestApp();
  const people = await testRegistry(t.db, t.clock.now().toISOString());
  const bootstrap = await t.app.services.identity.bootstrap.reset();
  return {
    t,
    people,
    bootstrap,
    async newPerson(birthDate = '1992-02-29', givenName = 'Hoa') {
      const personalId = await people.person({
        familyName: 'Trần',
        middleName: 'Thị',
        givenName,
        birthDate,
        sex: 'female',
      });
      return { personalId, fullName: `Trần Thị ${givenName}`, birthDate };
    },
    post: (url, payload, headers = {}) => t.app.inject({ method: 'POST', url, payload, headers }),
    async sessionOf(accountId) {
      const session = await t.app.services.identity.sessions.create(accountId, ACR_LEVEL2, 'id-token');
      return { cookie: `dancu_session=${session.token}`, 'x-csrf-token': session.csrfToken };
    },
  };
}

/**
 * The world of a test file: made before its tests, closed after them. Its fields are there once the tests
 * run (not while they are being collected).
 */
export function startAccountsWorld(): AccountsWorld {
  const world = {} as AccountsWorld;
  beforeAll(async () => {
    Object.assign(world, await accountsWorld());
  });
  afterAll(async () => world.t?.close());
  return world;
}
