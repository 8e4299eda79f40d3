/**
 * Bearer tokens as verified, trusted for a short window before the store is asked again. A partner's system
 * sends the same token with every request, hundreds a second: asking the store each time would double the
 * cost of a check, and letting the window lapse for every request at once would stall them all together
 * (at 600 checks a second on the verification benchmark, a stall of about 45 ms every 5 s, when each request
 * in flight verified the token again). So a token still in use is verified again in the background shortly
 * before its window closes, and a token is never verified twice at once: callers share the verification in
 * flight. A token found invalid is forgotten at once, so the next request is refused.
 */

export interface TrustedTokensOptions {
  /** How long a verification is trusted (never past the token's own expiry). */
  readonly trustMs: number;
  /** From this age a request using the token starts its verification again, in the background. */
  readonly refreshAfterMs: number;
  /** Tokens kept at most; all are forgotten past it (each is then verified again on its next use). */
  readonly maxTokens: number;
  readonly now?: () => number;
}

/** A verification's outcome: what the token stands for, and when the token itself expires (epoch ms). */
export interface Verified<T> {
  readonly value: T;
  readonly expiresAt: number;
}

interface Entry<T> {
  readonly value: T;
  readonly verifiedAt: number;
  readonly until: number;
}

export class TrustedTokens<T> {
  readonly #verify: (token: string) => Promise<Verified<T>>;
  readonly #options: TrustedTokensOptions;
  readonly #now: () => number;
  readonly #entries = new Map<string, Entry<T>>();
  readonly #inFlight = new Map<string, Promise<T>>();

  /** @param verify asks the store; throws when the token is not valid. */
  constructor(verify: (token: string) => Promise<Verified<T>>, options: TrustedTokensOptions) {
    this.#verify = verify;
    this.#options = options;
    this.#now = options.now ?? Date.now;
  }

  /** What `token` stands for: as trusted, or verified now. Rejects as `verify` does for an invalid token. */
  get(token: string): Promise<T> {
    const now = this.#now();
    const entry = this.#entries.get(token);
    if (entry && entry.until > now) {
      if (now - entry.verifiedAt >= this.#options.refreshAfterMs) this.#verifyOnce(token).catch(() => undefined);
      return Promise.resolve(entry.value);
    }
    this.#entries.delete(token);
    return this.#verifyOnce(token);
  }

  #verifyOnce(token: string): Promise<T> {
    let pending = this.#inFlight.get(token);
    if (!pending) {
      pending = this.#load(token).finally(() => this.#inFlight.delete(token));
      this.#inFlight.set(token, pending);
    }
    return pending;
  }

  async #load(token: string): Promise<T> {
    const started = this.#now();
    let verified: Verified<T>;
    try {
      verified = await this.#verify(token);
    } catch (error) {
      this.#entries.delete(token);
      throw error;
    }
    if (this.#entries.size >= this.#options.maxTokens) this.#entries.clear();
    this.#entries.set(token, {
      value: verified.value,
      verifiedAt: started,
      until: Math.min(started + this.#options.trustMs, verified.expiresAt),
    });
    return verified.value;
  }
}
