#!/usr/bin/env node
// `npm run bench -- <name> [options]`: runs bench/<name>.ts through tsx's loader, as bin/dancu.js runs the CLI.
// Benchmarks print ratios to a baseline measured in the same run (DESIGN.md §5); they are never tests.
import { readdirSync } from 'node:fs';
import { register } from 'tsx/esm/api';

const here = new URL('.', import.meta.url);
const names = readdirSync(here)
  .filter((file) => file.endsWith('.ts'))
  .map((file) => file.slice(0, -3));
const [name, ...args] = process.argv.slice(2);
if (!name || !names.includes(name)) {
  process.stderr.write(`usage: npm run bench -- <name> [options]\nbenchmarks: ${names.join(', ')}\n`);
  process.exit(2);
}
register();
const bench = await import(new URL(`${name}.ts`, here).href);
await bench.run(args);
