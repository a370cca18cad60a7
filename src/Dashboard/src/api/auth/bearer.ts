/**
 * Where the API client gets its access token in "entra" mode. renew = true
 * asks for a new one (after the API answered 401 to the one it had).
 */
export interface BearerSource {
  token(renew: boolean): Promise<string>;
  /** The API answered with this token: the sign-in works. */
  accepted(): void;
}

/** Thrown by a BearerSource when the browser is leaving for the sign-in page: nothing to show, the page is going away. */
export class SigningIn extends Error {
  constructor() { super("Signing in…"); this.name = "SigningIn"; }
}
