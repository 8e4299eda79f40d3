/** Domain events: the transactional outbox and its in-process dispatcher (DESIGN.md §3). */
export { type DomainEvent, type NewEvent, PERSON_DIED } from './model.ts';
export { EventDispatcher, type EventHandler, publishEvent } from './outbox.ts';
