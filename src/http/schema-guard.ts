import type { RouteOptions } from 'fastify';

const WITH_BODY = new Set(['POST', 'PUT', 'PATCH']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Set on endpoints that read a raw stream (a CSV upload) instead of a JSON body. */
    streamBody?: boolean;
  }
}

/**
 * Refuses to register a route that would accept unchecked input: every body-carrying route needs a body
 * schema, and every object schema of its input must refuse unknown fields (`additionalProperties: false`).
 * A route that breaks the rule stops the start, so the rule cannot be forgotten.
 */
export function checkRouteSchemas(route: RouteOptions): void {
  const methods = Array.isArray(route.method) ? route.method : [route.method];
  const name = `${methods.join(',')} ${route.url}`;
  const schema = route.schema as Record<string, unknown> | undefined;
  const streamBody = route.config?.streamBody === true;
  if (methods.some((method) => WITH_BODY.has(method)) && !schema?.body && !streamBody) {
    throw new Error(`route ${name} has no body schema`);
  }
  for (const part of ['body', 'querystring', 'params'] as const) {
    const partSchema = schema?.[part];
    if (partSchema !== undefined) assertClosed(partSchema, `${name} ${part}`);
  }
}

function assertClosed(schema: unknown, where: string): void {
  if (typeof schema !== 'object' || schema === null) return;
  const node = schema as Record<string, unknown>;
  if (node.type === 'object' && node.additionalProperties !== false) {
    throw new Error(`route ${where}: object schema must set additionalProperties: false`);
  }
  for (const value of Object.values(node)) {
    if (Array.isArray(value)) for (const item of value) assertClosed(item, where);
    else if (typeof value === 'object') assertClosed(value, where);
  }
}
