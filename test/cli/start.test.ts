import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = new URL('../../', import.meta.url).pathname;
const home = mkdtempSync(join(tmpdir(), 'dancu-start-'));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Runs `dancu start` on the embedded database in `home`, resolving once it prints where it listens. */
function start(): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  // The embedded database, whatever this run tests.
  const { DATABASE_URL: _server, ...inherited } = process.env;
  const env = { ...inherited, DANCU_HOME: home, PORT: '0', LOG_LEVEL: 'warn' };
  const child = spawn(process.execPath, ['bin/dancu.js', 'start'], { cwd: root, env });
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 120 s:\n${output}`)), 120_000);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /dancu is running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: match[1], output: () => output });
      }
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${output}`)));
  });
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.removeAllListeners('exit');
    child.on('exit', (code) => resolve(code));
    child.kill('SIGINT');
  });
}

describe('dancu start on the embedded database', () => {
  it('serves, prints the bootstrap token and the demo sign-ins once, stops cleanly on Ctrl-C and reuses the database', async () => {
    const first = await start();
    expect(first.output()).toMatch(/dancu_bt_[A-Za-z0-9_-]{43}/);
    const health = await fetch(`${first.url}/health`);
    expect(health.status).toBe(200);
    const token = /dancu_bt_[A-Za-z0-9_-]{43}/.exec(first.output())?.[0] ?? '';
    const guarded = await fetch(`${first.url}/api/v1/registry/data-quality`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(guarded.status).toBe(200);
    // The demo sign-ins: seven level-2 accounts: a citizen, four officers of one commune, the province's
    // justice officer and an administrator.
    const demo = [...first.output().matchAll(/(\d{12}) \/ (Demo-\S+)/g)].map((m) => m[1]);
    expect(demo).toHaveLength(7);
    const roles = await fetch(`${first.url}/api/v1/admin/roles`, { headers: { authorization: `Bearer ${token}` } });
    const items = (
      (await roles.json()) as {
        items: Array<{ personalId: string; role: string; agency: string | null; communeId: string | null }>;
      }
    ).items;
    expect(items.map((r) => r.agency ?? r.role).sort()).toEqual([
      'admin',
      'civil_status',
      'justice',
      'police',
      'social_affairs',
      'social_insurance',
    ]);
    const communeOfficers = items.filter((r) => r.role === 'officer' && r.agency !== 'justice');
    expect(new Set(communeOfficers.map((r) => r.communeId)).size).toBe(1);
    expect(items.every((r) => demo.includes(r.personalId))).toBe(true);
    expect(await stop(first.child)).toBe(0);

    const second = await start();
    expect(second.output()).not.toMatch(/dancu_bt_|Demo-/);
    const again = await fetch(`${second.url}/api/v1/registry/data-quality`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(again.status).toBe(200);
    expect(await stop(second.child)).toBe(0);
  }, 300_000);
});
