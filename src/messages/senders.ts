import type { MessageSender } from './model.ts';

/** Where the developer inbox writes a line per message it "sends". */
export type InboxLog = (line: {
  messageId: number;
  channel: string;
  recipient: string;
  kind: string;
  body: string;
}) => void;

/**
 * The sender of the embedded mode: nothing leaves the machine; each message is accepted at once, stays
 * readable in the developer inbox (`/dev/inbox`) and is written to the log.
 */
export function devInboxSender(log: InboxLog): MessageSender {
  return {
    name: 'dev-inbox',
    async send(message) {
      log({
        messageId: message.id,
        channel: message.channel,
        recipient: message.recipient,
        kind: message.kind,
        body: message.body,
      });
    },
  };
}
