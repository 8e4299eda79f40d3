import { currentLanguage } from '../i18n/index.ts';
import { officerToken, signOut } from './officer-session.ts';
import { problemFrom } from './problem.ts';
import { csrfToken, sessionEnded } from './web-session.ts';

export type QueryValue = string | number | undefined;

/**
 * Which credential a call presents:
 * - `officer` (default): the officer's token of this tab when there is one, else the web session's cookie;
 * - `session`: the web session's cookie only (the holder's own account);
 * - `none`: neither (public endpoints, and the sign-in's own steps, which the provider's cookie identifies).
 *
 * A 401 answer to an `officer` or `session` call ends what was presented: the token is forgotten, or the
 * session is marked as ended, and the pages' guards send the user to sign in.
 */
export type Credential = 'officer' | 'session' | 'none';

export interface GetOptions {
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly signal?: AbortSignal;
  readonly credential?: Credential;
  /** A token to send instead of the stored one (checking a token before keeping it); a 401 signs no one out. */
  readonly token?: string;
}

/**
 * `GET path` on the platform's API, answered as JSON. Problem titles come in the app's language
 * (`Accept-Language`). The server checks its answers against the route schemas, so the body is trusted to
 * have the documented shape.
 *
 * @throws ApiProblem for any answer other than 2xx; a failed fetch rejects as fetch does (see `asProblem`).
 */
export async function apiGet<T>(path: string, options: GetOptions = {}): Promise<T> {
  const { query = {}, signal, credential = 'officer' } = options;
  const headers = baseHeaders();
  const token = options.token ?? (credential === 'officer' ? officerToken() : null);
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const response = await fetch(withQuery(path, query), { headers, signal });
  if (response.ok) return (await response.json()) as T;
  throw await refused(response, credential, token, options.token !== undefined);
}

export interface SendOptions {
  readonly credential?: Credential;
  readonly signal?: AbortSignal;
}

/**
 * `POST`, `PUT`, `PATCH` or `DELETE` of a JSON body (`{}` when none is given); the answer's JSON, or
 * `undefined` for 204. Made with the session's cookie, the call echoes the session's CSRF token in
 * `x-csrf-token`, as the server requires.
 *
 * @throws ApiProblem for any answer other than 2xx; a failed fetch rejects as fetch does (see `asProblem`).
 */
export async function apiSend<T = undefined>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body: unknown = {},
  options: SendOptions = {},
): Promise<T> {
  const { credential = 'officer', signal } = options;
  const headers = baseHeaders();
  headers['content-type'] = 'application/json';
  const token = credential === 'officer' ? officerToken() : null;
  if (token !== null) headers.authorization = `Bearer ${token}`;
  else if (credential !== 'none') {
    const csrf = await csrfToken();
    if (csrf) headers['x-csrf-token'] = csrf;
  }
  const response = await fetch(path, {
    method,
    headers,
    body: JSON.stringify(body),
    signal,
  });
  if (response.ok) return (response.status === 204 ? undefined : await response.json()) as T;
  throw await refused(response, credential, token, false);
}

function baseHeaders(): Record<string, string> {
  return { accept: 'application/json', 'accept-language': currentLanguage() };
}

/** The problem of a failed answer; a 401 ends the credential that was presented (see {@link Credential}). */
async function refused(response: Response, credential: Credential, token: string | null, probing: boolean) {
  const problem = await problemFrom(response);
  if (problem.status === 401 && credential !== 'none' && !probing) {
    if (token !== null) signOut('rejected');
    else sessionEnded();
  }
  return problem;
}

function withQuery(path: string, query: Readonly<Record<string, QueryValue>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
