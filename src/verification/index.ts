/** Xác thực thông tin — partners, contracts, the online check, usage and invoices. */
export * from './model.ts';
export { contractOn, Partners, type PartnerTerms } from './partners.ts';
export { PURPOSES } from './purposes.ts';
export { type VerificationRoutesOptions, verificationRoutes } from './routes.ts';
export { type IdentityPort, VERIFICATION_SCOPE, Verification, type VerificationDeps } from './verification.ts';
