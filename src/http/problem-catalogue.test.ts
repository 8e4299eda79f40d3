import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROBLEMS } from './problem-catalogue.ts';

const root = new URL('../../', import.meta.url).pathname;

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.endsWith('.test.ts') ? [path] : [];
  });
}

/** Codes in the first column of the tables of docs/errors.md: `| \`CODE\` | …`. */
function documentedCodes(): string[] {
  const text = readFileSync(join(root, 'docs/errors.md'), 'utf8');
  return [...text.matchAll(/^\|\s*`([A-Z][A-Z0-9_]+)`\s*\|/gm)].map((match) => match[1] ?? '');
}

describe('the error catalogue', () => {
  it('documents exactly the codes the HTTP layer knows, each once', () => {
    const documented = documentedCodes();
    expect(new Set(documented).size).toBe(documented.length);
    expect([...documented].sort()).toEqual(Object.keys(PROBLEMS).sort());
  });

  it('documents each code with the status the HTTP layer answers', () => {
    const text = readFileSync(join(root, 'docs/errors.md'), 'utf8');
    for (const [code, kind] of Object.entries(PROBLEMS)) {
      expect(text, code).toMatch(new RegExp(`^\\|\\s*\`${code}\`\\s*\\|\\s*${kind.status}\\s*\\|`, 'm'));
    }
  });

  it('knows every code that the source throws', () => {
    const thrown = sourceFiles(join(root, 'src')).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/new DomainError\(\s*'([A-Z0-9_]+)'/g)].map((match) => match[1] ?? ''),
    );
    expect(thrown.length).toBeGreaterThan(0);
    const unknown = thrown.filter((code) => !Object.hasOwn(PROBLEMS, code));
    expect(unknown).toEqual([]);
  });
});
