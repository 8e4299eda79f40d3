import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/** The latest one-time code the developer inbox holds for a phone. */
export async function latestCode(app: FastifyInstance, phone: string): Promise<string> {
  const [message] = await app.services.messages.latest(1, phone);
  const code = message?.body.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no code was sent to ${phone}`);
  return code;
}

export interface Registered {
  readonly accountId: string;
  readonly personalId: string;
  readonly password: string;
  readonly phone: string;
}

/** Registers a level-1 account through the API for a person of the registry. */
export async function registerAccount(
  app: FastifyInstance,
  person: { personalId: string; fullName: string; birthDate: string },
  phone = `09${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
  password = 'matkhau2026',
): Promise<Registered> {
  const started = await app.inject({
    method: 'POST',
    url: '/api/v1/accounts/registrations',
    payload: { ...person, phone },
  });
  expectStatus(started, 201);
  const { registrationId } = started.json() as { registrationId: string };
  const code = await latestCode(app, phone);
  const confirmed = await app.inject({
    method: 'POST',
    url: `/api/v1/accounts/registrations/${registrationId}/confirmation`,
    payload: { code, password },
  });
  expectStatus(confirmed, 201);
  return {
    accountId: (confirmed.json() as { accountId: string }).accountId,
    personalId: person.personalId,
    password,
    phone,
  };
}

/** Asserts a status, showing the body when it differs. */
export function expectStatus(response: LightMyRequestResponse, status: number): void {
  if (response.statusCode !== status) expect(`${response.statusCode} ${response.body}`).toBe(String(status));
}
