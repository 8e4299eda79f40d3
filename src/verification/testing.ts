/** Test helpers of the verification module (tests only). */
import type { NewContract } from './model.ts';

export const CONTRACT: NewContract = {
  purposes: ['account_opening', 'customer_data_cleaning'],
  checkTypes: ['identity', 'card', 'phone', 'address'],
  onlinePriceVnd: 1_500,
  batchPriceVnd: 600,
  monthlyQuota: 1_000,
  ratePerSecond: 1_000,
  validFrom: '2026-01-01',
};
