import { randomUUID } from 'node:crypto';
import { Database } from '../../src/db/index.ts';

/** Creates a database on the server of `url` for the run, and drops it afterwards. */
export async function withScratchDatabase<T>(url: string, fn: (url: string) => Promise<T>): Promise<T> {
  const name = `dancu_bench_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = await Database.open({ url, maxConnections: 1 });
  await admin.query(`create database ${name}`);
  try {
    const scratch = new URL(url);
    scratch.pathname = `/${name}`;
    return await fn(scratch.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.close();
  }
}
