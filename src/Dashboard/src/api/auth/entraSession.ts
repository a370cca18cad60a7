import { InteractionRequiredAuthError, PublicClientApplication, type AccountInfo } from "@azure/msal-browser";
import type { EntraSettings } from "./entraSettings";
import { SignInGuard } from "./signInGuard";
import { SigningIn, type BearerSource } from "./bearer";

/**
 * The dashboard's Microsoft Entra ID sign-in (MSAL, authorization code with
 * PKCE, redirect): access tokens for the API's scope, renewed silently; an
 * interactive sign-in only when none can be had silently, and at most once per
 * failure (SignInGuard), after which the failure is shown, not retried.
 */
export class EntraSession implements BearerSource {
  private constructor(private readonly msal: PublicClientApplication, private readonly settings: EntraSettings, private readonly guard: SignInGuard) {}

  /**
   * Starts MSAL and takes the answer of a sign-in that just returned (throws its
   * error, e.g. consent refused). Tokens live in sessionStorage: gone with the tab.
   */
  static async start(settings: EntraSettings): Promise<EntraSession> {
    const msal = new PublicClientApplication({
      auth: { clientId: settings.clientId, authority: settings.authority, knownAuthorities: settings.knownAuthorities, redirectUri: location.origin + location.pathname },
      cache: { cacheLocation: "sessionStorage" },
    });
    await msal.initialize();
    const session = new EntraSession(msal, settings, new SignInGuard(sessionStorage));
    const returned = await msal.handleRedirectPromise();
    if (returned?.account) msal.setActiveAccount(returned.account);
    return session;
  }

  private get account(): AccountInfo | null {
    return this.msal.getActiveAccount() ?? this.msal.getAllAccounts()[0] ?? null;
  }

  get signedInAs(): string | null { return this.account?.username ?? null; }

  async token(renew: boolean): Promise<string> {
    const account = this.account;
    if (account) {
      try {
        const result = await this.msal.acquireTokenSilent({ scopes: this.settings.scopes, account, forceRefresh: renew });
        return result.accessToken;
      } catch (e) {
        if (!(e instanceof InteractionRequiredAuthError)) throw e;
      }
    }
    return this.signIn();
  }

  accepted(): void { this.guard.succeeded(); }

  /** Sends the browser to the sign-in page, once per failure; a second need shows why instead. */
  async signIn(userAsked = false): Promise<never> {
    if (userAsked) this.guard.reset();
    if (!this.guard.tryInteractive()) throw new SignInRefused();
    await this.msal.acquireTokenRedirect({ scopes: this.settings.scopes, account: this.account ?? undefined });
    throw new SigningIn();
  }
}

/** An interactive sign-in was just tried and did not give a token the API takes. */
export class SignInRefused extends Error {
  constructor() {
    super("Signing in did not give access to the ClassVisCloud API. Check that your account has the app role the API requires, then sign in again.");
    this.name = "SignInRefused";
  }
}
