import type { FastifyRequest } from 'fastify';
import { describe, expect, it } from 'vitest';
import { loggerOptions } from './logging.ts';

describe('request log lines', () => {
  it('mask personal ID numbers and former identity numbers in the URL', () => {
    const options = loggerOptions('info') as { serializers: { req: (request: FastifyRequest) => { url: string } } };
    const request = { method: 'GET', url: '/api/v1/registry/people/001095012345?cmnd=123456789', ip: '::1' };
    expect(options.serializers.req(request as FastifyRequest).url).toBe(
      '/api/v1/registry/people/001*******45?cmnd=123****89',
    );
  });

  it('never write credentials or cookies', () => {
    const options = loggerOptions('info') as { redact: { paths: string[] } };
    expect(options.redact.paths).toEqual(
      expect.arrayContaining(['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]']),
    );
  });
});
