/**
 * Time is passed in, never read from the global: services take a {@link Clock}, tests move it.
 */
export interface Clock {
  /** The current instant. */
  now(): Date;
}

/** The wall clock of the machine. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock that stands still until a test moves it. */
export class ManualClock implements Clock {
  #now: Date;

  constructor(start: Date | string) {
    this.#now = new Date(start);
  }

  now(): Date {
    return new Date(this.#now);
  }

  /** Sets the clock to an instant. */
  set(instant: Date | string): void {
    this.#now = new Date(instant);
  }

  /** Moves the clock forward by a number of milliseconds. */
  advance(ms: number): void {
    this.#now = new Date(this.#now.getTime() + ms);
  }
}
