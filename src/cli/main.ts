import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/index.ts';
import { VERSION } from '../http/index.ts';
import { isDomainError } from '../kernel/index.ts';
import { runAudit } from './audit.ts';
import { runBootstrapToken } from './bootstrap-token.ts';
import { runKeys } from './keys.ts';
import { runMigrate } from './migrate.ts';
import { runSeed, UsageError } from './seed.ts';
import { runStart } from './start.ts';
import { runVerifyBatch } from './verify-batch.ts';

const USAGE = `dancu ${VERSION}: population registry, electronic identity and once-only public services

Usage: dancu <command> [options]

Commands:
  start                      migrate the database, then serve the API and the web app
  migrate                    apply pending migrations and reference data, then exit
  bootstrap-token --reset    revoke the bootstrap administrator token and print a new one
  seed --people N [--seed S] [--append]
                             load a deterministic synthetic population (default seed 1)
  audit verify               check the hash chain of the access log (exit 1 when broken)
  keys rotate                make a new signing key for the OpenID provider (the old one stays published)
  verify-batch FILE --partner P [--purpose X] [--out RESULTS]
                             run a batch verification job for a partner from a CSV file, write its results

Options:
  -h, --help     show this help
  -v, --version  show the version

Environment (defaults in brackets):
  PORT [3000]  HOST [127.0.0.1]  DATABASE_URL [unset: embedded database in DANCU_HOME]
  DANCU_HOME [./.dancu]  LOG_LEVEL [info]  DANCU_BODY_LIMIT [1048576]  DANCU_TRUST_PROXY [false]
  DANCU_PUBLIC_URL [http://localhost:PORT]  DANCU_DEV_INBOX [true on the embedded database]
`;

const done = () => 0;

/** Each verb, resolving to the process exit code. */
const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  start: async () => runStart(loadConfig()).then(done),
  migrate: async () => runMigrate(loadConfig()).then(done),
  'bootstrap-token': async (args) => runBootstrapToken(loadConfig(), args).then(done),
  audit: async (args) => runAudit(loadConfig(), args),
  keys: async (args) => runKeys(loadConfig(), args),
  seed: async (args) => runSeed(loadConfig(), args).then(done),
  'verify-batch': async (args) => runVerifyBatch(loadConfig(), args),
};

/** Runs the `dancu` command line; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: false,
    options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
  });
  const [name] = positionals;
  if (values.version) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (values.help || name === undefined || name === 'help') {
    process.stdout.write(USAGE);
    return name === undefined && !values.help ? 1 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`dancu: unknown command "${name}"\n\n${USAGE}`);
    return 2;
  }
  try {
    // Everything after the command's name, its options included, is the command's to read.
    return await command(argv.slice(argv.indexOf(name) + 1));
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`dancu: configuration error: ${error.message}\n`);
      return 78;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`dancu ${name}: ${error.message}\n`);
      return 2;
    }
    if (isDomainError(error)) {
      process.stderr.write(`dancu ${name}: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}
