// Sign-in with Keycloak through keycloak-js: authorization code with PKCE (S256) on the public client from
// config.json. Tokens stay in this page's memory (keycloak-js keeps them in the Keycloak object; nothing is written
// to localStorage or cookies by this code), are refreshed before they expire, and are gone on reload or sign-out:
// a reload signs in again through Keycloak's own session cookie, without asking for the password.
import Keycloak from 'keycloak-js';
import type { ConsoleConfig } from './config';

/** Refresh when the access token has less than this many seconds left (the realm's tokens last 300 s). */
const MIN_VALIDITY_SECONDS = 30;

export interface User {
  /** Display name (the `name` claim), e.g. 市教育局联络员. */
  name: string;
  /** Realm roles: office, leader, supervisor, unit, admin, … */
  roles: string[];
  /** For a unit liaison: the unit's code (the `unit_id` claim), e.g. ZZ-EDU. */
  unitCode: string | undefined;
}

export interface Session {
  /** Null until signed in. */
  user: User | null;
  /** Sends the browser to Keycloak's login page; it comes back to this page with a code. */
  signIn(): Promise<void>;
  /** Ends the Keycloak session and comes back signed out. */
  signOut(): Promise<void>;
  /** A valid access token, refreshed first when it is about to expire; null when signed out. */
  token(): Promise<string | null>;
  /** After a 401: refresh now, whatever the expiry says. False when the session is gone (sign in again). */
  refreshNow(): Promise<boolean>;
}

function splitIssuer(issuer: string): { url: string; realm: string } {
  const match = /^(.*)\/realms\/([^/]+)\/?$/.exec(issuer);
  if (!match) throw new Error(`not a Keycloak issuer: ${issuer}`);
  return { url: match[1]!, realm: decodeURIComponent(match[2]!) };
}

export async function startSession(config: ConsoleConfig): Promise<Session> {
  const keycloak = new Keycloak({ ...splitIssuer(config.issuer), clientId: config.clientId });
  // The page itself is the redirect URI; `query` keeps the code out of the #route.
  const home = `${location.origin}${location.pathname}`;
  await keycloak.init({ pkceMethod: 'S256', responseMode: 'query', checkLoginIframe: false, redirectUri: home });
  // keycloak-js calls this when the access token has expired (a tab left idle): fetch a new one in the background.
  keycloak.onTokenExpired = () => {
    keycloak.updateToken(MIN_VALIDITY_SECONDS).catch(() => keycloak.clearToken());
  };

  const userOf = (): User | null => {
    const claims = keycloak.tokenParsed as (Record<string, unknown> & { realm_access?: { roles?: string[] } }) | undefined;
    if (!keycloak.authenticated || !claims) return null;
    return {
      name: String(claims.name ?? claims.preferred_username ?? ''),
      roles: claims.realm_access?.roles ?? [],
      unitCode: typeof claims.unit_id === 'string' ? claims.unit_id : undefined,
    };
  };

  const session: Session = {
    user: userOf(),
    signIn: () => keycloak.login({ redirectUri: home }),
    signOut: () => keycloak.logout({ redirectUri: home }),
    async token() {
      if (!keycloak.authenticated) return null;
      try {
        await keycloak.updateToken(MIN_VALIDITY_SECONDS); // no-op while the token has more time left
      } catch {
        keycloak.clearToken(); // the refresh token is gone too (session ended in Keycloak)
        session.user = null;
        return null;
      }
      return keycloak.token ?? null;
    },
    async refreshNow() {
      try {
        return keycloak.authenticated === true && (await keycloak.updateToken(-1));
      } catch {
        keycloak.clearToken();
        session.user = null;
        return false;
      }
    },
  };
  return session;
}
