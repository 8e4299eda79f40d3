import { readFileSync } from 'node:fs';

/** The package version, shown by `/health`, the OpenAPI document and `dancu --version`. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
