/** Tin nhắn — messages to people: one-time codes and notices, by SMS or e-mail. */
import { type Static, Type } from 'typebox';

export const MessageChannel = Type.Union([Type.Literal('sms'), Type.Literal('email')]);
export type MessageChannel = Static<typeof MessageChannel>;

/** A message as a module asks for it to be sent. */
export interface NewMessage {
  readonly channel: MessageChannel;
  /** A phone number (`0912345678`) or an e-mail address. */
  readonly recipient: string;
  /** `otp.registration`, `account.locked`, …: lower case, digits, `_` and `.`. */
  readonly kind: string;
  /** The text, in Vietnamese first; at most 2,000 characters. */
  readonly body: string;
  /** How long delivery is worth trying (default 10 minutes: one-time codes expire). */
  readonly ttlSeconds?: number;
}

/** A message in the outbox, as the developer inbox shows it. */
export const OutboxMessage = Type.Object(
  {
    id: Type.Integer(),
    channel: MessageChannel,
    recipient: Type.String(),
    kind: Type.String(),
    body: Type.String(),
    createdAt: Type.String({ format: 'date-time' }),
    sentAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type OutboxMessage = Static<typeof OutboxMessage>;

/**
 * The port to an SMS or e-mail gateway. `send` resolves when the gateway accepted the message and throws
 * when it did not (the message is then retried until it expires).
 */
export interface MessageSender {
  readonly name: string;
  send(
    message: Readonly<{ id: number; channel: MessageChannel; recipient: string; kind: string; body: string }>,
  ): Promise<void>;
}
