/** Messages to people (one-time codes, notices): the outbox, the sender port and the developer inbox. */
export { MessageChannel, type MessageSender, type NewMessage, OutboxMessage } from './model.ts';
export { Messages } from './outbox.ts';
export { devInboxRoutes } from './routes.ts';
export { devInboxSender, type InboxLog } from './senders.ts';
