/** Sự kiện — domain events carried by the outbox. */

/** An event as written to the outbox. */
export interface NewEvent {
  /** `module.happening`, e.g. `person.died`. */
  readonly type: string;
  /** The personal ID number (or other key) the event is about. */
  readonly subject: string;
  readonly payload?: Record<string, unknown>;
}

/** An event as delivered to a consumer. */
export interface DomainEvent extends Required<NewEvent> {
  readonly id: number;
  readonly occurredAt: Date;
}

/** `person.died`: the registry recorded a death. */
export const PERSON_DIED = 'person.died';
