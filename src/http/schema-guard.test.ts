import type { RouteOptions } from 'fastify';
import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { checkRouteSchemas } from './schema-guard.ts';

const handler = async () => ({});
const route = (extra: Partial<RouteOptions>): RouteOptions => ({ method: 'POST', url: '/x', handler, ...extra });

describe('checkRouteSchemas', () => {
  it('refuses a body-carrying route without a body schema', () => {
    expect(() => checkRouteSchemas(route({}))).toThrow(/has no body schema/);
  });

  it('refuses an input object that lets unknown fields through, however deep', () => {
    const open = Type.Object({ a: Type.String() });
    const nested = Type.Object({ inner: Type.Object({ a: Type.String() }) }, { additionalProperties: false });
    expect(() => checkRouteSchemas(route({ schema: { body: open } }))).toThrow(/additionalProperties: false/);
    expect(() => checkRouteSchemas(route({ schema: { body: nested } }))).toThrow(/additionalProperties: false/);
    expect(() => checkRouteSchemas(route({ method: 'GET', schema: { querystring: open } }))).toThrow(/querystring/);
  });

  it('accepts closed schemas, GET routes without input and declared stream uploads', () => {
    const closed = Type.Object({ a: Type.String() }, { additionalProperties: false });
    expect(() => checkRouteSchemas(route({ schema: { body: closed } }))).not.toThrow();
    expect(() => checkRouteSchemas(route({ method: 'GET' }))).not.toThrow();
    expect(() => checkRouteSchemas(route({ config: { streamBody: true } }))).not.toThrow();
  });
});
