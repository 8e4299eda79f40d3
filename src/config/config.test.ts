import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('gives safe defaults for the embedded mode', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, logLevel: 'info' });
    expect(config.home).toBe(resolve('./.dancu'));
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATABASE_URL: 'postgres://dancu@db.internal:5432/dancu',
      DANCU_HOME: '/var/lib/dancu',
      LOG_LEVEL: 'debug',
      DANCU_BODY_LIMIT: '2048',
      DANCU_TRUST_PROXY: 'true',
      DANCU_PUBLIC_URL: 'https://dichvucong.example.vn/',
      DANCU_DEV_INBOX: 'false',
    });
    expect(config).toEqual({
      port: 8080,
      host: '0.0.0.0',
      databaseUrl: 'postgres://dancu@db.internal:5432/dancu',
      home: '/var/lib/dancu',
      logLevel: 'debug',
      bodyLimit: 2048,
      trustProxy: true,
      publicUrl: 'https://dichvucong.example.vn',
      devInbox: false,
    });
  });

  it('defaults the public URL to localhost and the developer inbox to the embedded database only', () => {
    expect(loadConfig({ PORT: '4000' })).toMatchObject({ publicUrl: 'http://localhost:4000', devInbox: true });
    expect(loadConfig({ DATABASE_URL: 'postgres://db/dancu' })).toMatchObject({ devInbox: false });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '  ' })).toMatchObject({ port: 3000, databaseUrl: undefined });
  });

  it.each([
    ['PORT', 'abc'],
    ['PORT', '70000'],
    ['PORT', '-1'],
    ['LOG_LEVEL', 'loud'],
    ['DATABASE_URL', 'not a url'],
    ['DANCU_PUBLIC_URL', 'http://dichvucong.example.vn'],
    ['DANCU_PUBLIC_URL', 'https://example.vn/portal'],
    ['DANCU_DEV_INBOX', 'maybe'],
    ['DATABASE_URL', 'mysql://root@localhost/dancu'],
    ['DANCU_BODY_LIMIT', '10'],
    ['DANCU_TRUST_PROXY', 'maybe'],
  ])('refuses %s=%s with an error that names the variable', (name, value) => {
    const attempt = () => loadConfig({ [name]: value });
    expect(attempt).toThrow(ConfigError);
    expect(attempt).toThrow(new RegExp(`^${name}: `));
  });
});
