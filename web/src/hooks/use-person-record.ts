import { getPersonRecord } from '../api/registry.ts';
import type { PersonRecord } from '../api/registry-model.ts';
import { type AsyncState, useAsync } from './use-async.ts';

/** The person page of `personalId` as of `asOf` (the server's today when undefined). Each load is logged. */
export function usePersonRecord(personalId: string, asOf: string | undefined): AsyncState<PersonRecord> {
  return useAsync(`${personalId}@${asOf ?? ''}`, (signal) => getPersonRecord(personalId, asOf, signal));
}
