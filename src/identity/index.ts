export { BOOTSTRAP_ADMIN, BootstrapTokens } from './bootstrap-token.ts';
