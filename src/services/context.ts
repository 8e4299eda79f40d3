import { randomInt } from 'node:crypto';
import type { Database, Tx } from '../db/index.ts';
import { DomainError, receivedWorkingDay, vietnamCalendar, vietnamDate } from '../kernel/index.ts';
import { type DossierRow, store } from './store.ts';
import type { ServicesDeps } from './workflow/actions.ts';

export type { ServicesDeps } from './workflow/actions.ts';

const RANDOM_SPAN = 2 ** 47;
export const cryptoRandom = (): number => randomInt(0, RANDOM_SPAN) / RANDOM_SPAN;

export const calendar = vietnamCalendar();

/** Today in Vietnam. */
export function today(deps: Pick<ServicesDeps, 'clock'>): string {
  return vietnamDate(deps.clock.now());
}

/** The working day a time limit counts from, for something received now (after 15:00: the next one). */
export function countedFrom(deps: Pick<ServicesDeps, 'clock'>): string {
  return receivedWorkingDay(calendar, deps.clock.now());
}

/** Whether a due day has passed. */
export function isOverdue(dueOn: string | null, todayDay: string): boolean {
  return dueOn !== null && dueOn < todayDay;
}

/** The dossier, locked for a change. @throws DomainError DOSSIER_NOT_FOUND */
export async function getDossierForUpdate(tx: Tx, id: string): Promise<DossierRow> {
  const dossier = await store.findDossier(tx, id, true);
  if (!dossier) throw new DomainError('DOSSIER_NOT_FOUND', 'No dossier has this id.');
  return dossier;
}

/** The dossier. @throws DomainError DOSSIER_NOT_FOUND */
export async function getDossier(on: Database | Tx, id: string): Promise<DossierRow> {
  const dossier = UUID.test(id) ? await store.findDossier(on, id) : undefined;
  if (!dossier) throw new DomainError('DOSSIER_NOT_FOUND', 'No dossier has this id.');
  return dossier;
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
