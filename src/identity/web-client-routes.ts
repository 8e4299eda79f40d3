import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import { Type } from 'typebox';
import { DomainError } from '../kernel/index.ts';
import type { Identity } from './identity.ts';
import { ACR_LEVEL2 } from './model.ts';
import { WEB_CLIENT_ID } from './oidc/clients.ts';
import { WEB_SESSION_TTL_MS } from './web-sessions.ts';

/** The cookie of the web app's session (httpOnly, SameSite=Lax; Secure on https). */
export const SESSION_COOKIE = 'dancu_session';

const closed = { additionalProperties: false } as const;
const ReturnTo = Type.String({ pattern: '^/(?!/)[^\\s]{0,300}$', description: 'A path of this site to return to' });

/**
 * The platform's web app as an OpenID client of its own provider (`openid-client`, code flow with PKCE):
 * `/auth/login` sends the browser to the provider, `/auth/callback` exchanges the code server-side and opens a
 * session behind an httpOnly cookie, `/auth/logout` ends it and the provider's session. Requests to the
 * provider go through the app in process, so the server never needs to reach its own public address.
 */
export async function webClientRoutes(app: FastifyInstance, options: { identity: Identity }): Promise<void> {
  const { identity } = options;
  const secure = identity.publicUrl.startsWith('https://');
  let configuration: Promise<oidc.Configuration> | undefined;
  const client = () => {
    configuration ??= oidc
      .discovery(
        new URL(identity.issuer),
        WEB_CLIENT_ID,
        { client_secret: identity.webClientSecret },
        oidc.ClientSecretPost(identity.webClientSecret),
        {
          [oidc.customFetch]: inProcessFetch(app),
          execute: secure ? [] : [oidc.allowInsecureRequests],
        },
      )
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };

  app.get(
    '/auth/login',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign in to the web app through the eID provider',
        querystring: Type.Object(
          {
            returnTo: Type.Optional(ReturnTo),
            level: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('2')])),
          },
          closed,
        ),
      },
    },
    async (request, reply) => {
      const { returnTo = '/', level } = request.query as { returnTo?: string; level?: '1' | '2' };
      const config = await client();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const state = oidc.randomState();
      const nonce = oidc.randomNonce();
      await identity.sessions.startLogin({ state, codeVerifier, nonce, returnTo });
      const url = oidc.buildAuthorizationUrl(config, {
        redirect_uri: `${identity.publicUrl}/auth/callback`,
        scope: 'openid profile personal_id',
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
        ...(level === '2' ? { acr_values: ACR_LEVEL2 } : {}),
      });
      return reply.redirect(url.href, 303);
    },
  );

  app.get(
    '/auth/callback',
    {
      schema: {
        tags: ['session'],
        summary: 'Where the provider sends the browser back',
        querystring: Type.Object(
          {
            code: Type.Optional(Type.String({ maxLength: 200 })),
            state: Type.String({ maxLength: 200 }),
            iss: Type.Optional(Type.String({ maxLength: 300 })),
            error: Type.Optional(Type.String({ maxLength: 100 })),
            error_description: Type.Optional(Type.String({ maxLength: 500 })),
          },
          closed,
        ),
      },
    },
    async (request, reply) => {
      const query = request.query as { state: string; error?: string };
      const login = await identity.sessions.takeLogin(query.state);
      if (!login) return reply.redirect('/sign-in?error=login_expired', 303);
      if (query.error) return reply.redirect(`/sign-in?error=${encodeURIComponent(query.error)}`, 303);
      const config = await client();
      const current = new URL(request.url, identity.publicUrl);
      const tokens = await oidc.authorizationCodeGrant(config, current, {
        pkceCodeVerifier: login.codeVerifier,
        expectedState: login.state,
        expectedNonce: login.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims?.sub || !tokens.id_token)
        throw new DomainError('UNAUTHENTICATED', 'The provider returned no identity.');
      const session = await identity.sessions.create(claims.sub, String(claims.acr ?? ''), tokens.id_token);
      setSessionCookie(reply, session.token, secure, WEB_SESSION_TTL_MS / 1000);
      return reply.redirect(login.returnTo, 303);
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['session'],
        summary: 'Sign out of the web app and of the eID provider',
        body: Type.Object({}, closed),
        response: { 200: Type.Object({ redirectTo: Type.String() }) },
      },
    },
    async (request, reply) => {
      const token = readCookie(request, SESSION_COOKIE);
      const caller = token ? await identity.callerFromSession(token) : undefined;
      if (caller && request.headers['x-csrf-token'] !== caller.csrfToken) {
        throw new DomainError('CSRF_TOKEN_INVALID', 'Send the x-csrf-token header given by GET /api/v1/session.');
      }
      const session = token ? await identity.sessions.destroy(token) : undefined;
      setSessionCookie(reply, '', secure, 0);
      if (!session) return { redirectTo: '/' };
      const config = await client();
      const url = oidc.buildEndSessionUrl(config, {
        id_token_hint: session.idToken,
        post_logout_redirect_uri: `${identity.publicUrl}/`,
      });
      return { redirectTo: url.href };
    },
  );
}

/** The value of a cookie of the request, if sent. */
export function readCookie(request: FastifyRequest, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return undefined;
}

function setSessionCookie(reply: FastifyReply, value: string, secure: boolean, maxAgeSeconds: number): void {
  const attributes = [
    `${SESSION_COOKIE}=${value}`,
    'Path=/',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${Math.floor(maxAgeSeconds)}`,
  ];
  if (secure) attributes.push('Secure');
  reply.header('set-cookie', attributes.join('; '));
}

/** `fetch` for openid-client that goes through the app itself (no network). */
function inProcessFetch(app: FastifyInstance): oidc.CustomFetch {
  return async (url, options) => {
    const target = new URL(url);
    const response = await app.inject({
      method: options.method as 'GET' | 'POST',
      url: `${target.pathname}${target.search}`,
      headers: { ...options.headers, host: target.host, 'x-forwarded-proto': target.protocol.replace(':', '') },
      ...(options.body === undefined || options.body === null ? {} : { payload: String(options.body) }),
    });
    const headers = new Headers();
    for (const [key, value] of Object.entries(response.headers)) {
      if (Array.isArray(value)) for (const v of value) headers.append(key, v);
      else if (value !== undefined) headers.set(key, String(value));
    }
    return new Response(response.statusCode === 204 ? null : new Uint8Array(response.rawPayload), {
      status: response.statusCode,
      headers,
    });
  };
}
