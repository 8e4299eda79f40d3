/** Xác thực thông tin — partners, contracts, the online check, usage and invoices. */
export { Batches } from './batch/batches.ts';
export { BatchJob, BatchStatus } from './batch/model.ts';
export { BATCH_COLUMNS } from './batch/rows.ts';
export { RESULT_COLUMNS } from './batch/runner.ts';
export * from './model.ts';
export { contractOn, Partners, type PartnerTerms } from './partners.ts';
export { PURPOSES } from './purposes.ts';
export { type VerificationRoutesOptions, verificationRoutes } from './routes.ts';
export * from './usage-model.ts';
export {
  BATCH_SCOPE,
  type IdentityPort,
  VERIFICATION_SCOPE,
  Verification,
  type VerificationDeps,
} from './verification.ts';
