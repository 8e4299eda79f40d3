/** What `GET /health` answers: the process is alive, and which version it runs. */
export interface Health {
  readonly status: 'ok';
  readonly version: string;
}

/**
 * Asks the server whether it is alive.
 *
 * @throws Error when the server cannot be reached or answers something other than a healthy status.
 */
export async function fetchHealth(signal?: AbortSignal): Promise<Health> {
  const response = await fetch('/health', { headers: { accept: 'application/json' }, signal });
  if (!response.ok) throw new Error(`GET /health answered ${response.status}`);
  const body: unknown = await response.json();
  if (!isHealth(body)) throw new Error('GET /health answered an unexpected body');
  return body;
}

function isHealth(body: unknown): body is Health {
  if (typeof body !== 'object' || body === null) return false;
  const { status, version } = body as Record<string, unknown>;
  return status === 'ok' && typeof version === 'string';
}
