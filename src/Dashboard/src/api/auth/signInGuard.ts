/**
 * Remembers, across the round trip to the sign-in page, that an interactive
 * sign-in was just tried: a second failure then shows a message instead of
 * sending the browser back to the authority (no sign-in loop). Cleared once
 * the API has answered a request.
 */
export interface GuardStore { getItem(key: string): string | null; setItem(key: string, value: string): void; removeItem(key: string): void }

const KEY = "cvc.signInTried";
/** A try older than this is a new failure, worth one more interactive sign-in. */
export const GUARD_MS = 5 * 60_000;

export class SignInGuard {
  constructor(private readonly store: GuardStore, private readonly now: () => number = Date.now) {}

  /** True if an interactive sign-in may start now; it is then recorded. */
  tryInteractive(): boolean {
    const tried = Number(this.store.getItem(KEY) ?? NaN);
    if (Number.isFinite(tried) && this.now() - tried < GUARD_MS) return false;
    this.store.setItem(KEY, String(this.now()));
    return true;
  }

  /** Whether an interactive sign-in was tried recently (and has not been followed by a working request). */
  get recentlyTried(): boolean {
    const tried = Number(this.store.getItem(KEY) ?? NaN);
    return Number.isFinite(tried) && this.now() - tried < GUARD_MS;
  }

  /** The API answered: the next failure may sign in again. */
  succeeded(): void { this.store.removeItem(KEY); }

  /** The user asked to sign in again (a button): allow one more try. */
  reset(): void { this.store.removeItem(KEY); }
}
