import { useOutletContext } from 'react-router';
import type { PartnerContract } from '../api/partner-console.ts';

/** What the console's guard hands its pages: the partner and its contract, and a way to read them again. */
export interface PartnerConsoleContext {
  readonly contract: PartnerContract;
  readonly reload: () => void;
}

/** The partner console's context, inside `PartnerConsoleGuard`. */
export function usePartnerConsole(): PartnerConsoleContext {
  return useOutletContext<PartnerConsoleContext>();
}
