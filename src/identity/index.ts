/** Định danh điện tử — eID accounts, sign-in, roles, the OpenID provider and web sessions. */

export { accountRoutes } from './account-routes.ts';
export { BOOTSTRAP_ADMIN, BootstrapTokens } from './bootstrap-token.ts';
export { assertJurisdiction, type Caller, isAdmin, officerRoles } from './caller.ts';
export type { RequestOrigin } from './context.ts';
export { Identity, type IdentityOptions } from './identity.ts';
export * from './model.ts';
export { SCOPE_CLAIMS, SCOPE_LABELS } from './oidc/claims.ts';
export { ClientRegistration, ClientView, WEB_CLIENT_ID } from './oidc/clients.ts';
export { interactionRoutes } from './oidc/interaction-routes.ts';
export { rotateSigningKey } from './oidc/keys.ts';
export { providerRoutes } from './oidc/provider-routes.ts';
export { AGENCY_NAMES, type RoleGrant } from './roles.ts';
export { platformSecret } from './secrets.ts';
export { staffRoutes } from './staff-routes.ts';
export { readCookie, SESSION_COOKIE, webClientRoutes } from './web-client-routes.ts';
