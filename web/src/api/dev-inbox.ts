import { apiGet } from './client.ts';

/** A message the platform sent, as the developer inbox of the embedded mode keeps it. */
export interface InboxMessage {
  readonly id: number;
  readonly channel: 'sms' | 'email';
  readonly recipient: string;
  readonly kind: string;
  readonly body: string;
  readonly createdAt: string;
  readonly sentAt: string | null;
}

/**
 * The latest messages, newest first. The server offers the inbox in the embedded mode only: elsewhere it
 * answers ROUTE_NOT_FOUND.
 */
export async function listInbox(recipient: string | undefined, signal?: AbortSignal): Promise<InboxMessage[]> {
  const { items } = await apiGet<{ items: InboxMessage[] }>('/api/v1/dev/inbox', {
    query: { recipient, limit: 50 },
    credential: 'none',
    signal,
  });
  return [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id);
}
