import { currentLanguage } from '../i18n/index.ts';
import { officerToken, signOut } from './officer-session.ts';
import { ApiProblem, problemFrom } from './problem.ts';

export type QueryValue = string | number | undefined;

export interface GetOptions {
  readonly query?: Readonly<Record<string, QueryValue>>;
  readonly signal?: AbortSignal;
  /** Send the officer's token (default). A 401 answer then signs the officer out. */
  readonly authenticated?: boolean;
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
  const { query = {}, signal, authenticated = true } = options;
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLanguage() };
  const token = options.token ?? (authenticated ? officerToken() : null);
  if (authenticated && token === null) {
    // Signed out in the meantime: the page's guard is already on its way to the sign-in page.
    throw new ApiProblem({ code: 'UNAUTHENTICATED', title: 'UNAUTHENTICATED', detail: '', status: 401 });
  }
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const response = await fetch(withQuery(path, query), { headers, signal });
  if (response.ok) return (await response.json()) as T;
  const problem = await problemFrom(response);
  if (problem.status === 401 && authenticated && options.token === undefined) signOut('rejected');
  throw problem;
}

function withQuery(path: string, query: Readonly<Record<string, QueryValue>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
