// Hand-written: access tokens from the Keycloak realm `duban`, for tests and scripts (never for the SPA,
// which signs in through the public client duban-spa with PKCE). The demo users and client secrets are the
// committed, local-only ones of deploy/keycloak/duban-realm.json.

export interface TokenResponse {
  access_token: string;
  expires_in: number;
  token_type: string;
  [key: string]: unknown;
}

export interface TokenRequestOptions {
  /** The realm's issuer, e.g. http://127.0.0.1:8180/realms/duban (DUBAN_E2E_ISSUER). */
  issuer: string;
  /** fetch to use (defaults to the global one). */
  fetch?: typeof fetch;
}

const endpoints = new Map<string, Promise<string>>();

/** The token endpoint, from the issuer's discovery document (cached per issuer). */
export function tokenEndpoint(issuer: string, fetchImpl: typeof fetch = fetch): Promise<string> {
  const base = issuer.replace(/\/+$/, '');
  let found = endpoints.get(base);
  if (!found) {
    found = (async () => {
      const res = await fetchImpl(`${base}/.well-known/openid-configuration`);
      if (!res.ok) throw new Error(`OpenID discovery at ${base} answered ${res.status}`);
      const doc = (await res.json()) as { token_endpoint?: string };
      if (!doc.token_endpoint) throw new Error(`OpenID discovery at ${base} names no token_endpoint`);
      return doc.token_endpoint;
    })();
    found.catch(() => endpoints.delete(base));
    endpoints.set(base, found);
  }
  return found;
}

async function requestToken(options: TokenRequestOptions, form: Record<string, string>): Promise<TokenResponse> {
  const fetchImpl = options.fetch ?? fetch;
  const url = await tokenEndpoint(options.issuer, fetchImpl);
  const res = await fetchImpl(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
    body: new URLSearchParams(form).toString(),
  });
  const text = await res.text();
  if (!res.ok) {
    const who = form.username ? `user ${form.username}` : `client ${form.client_id}`;
    throw new Error(`Keycloak refused a ${form.grant_type} token for ${who}: ${res.status} ${text.slice(0, 300)}`);
  }
  const body = JSON.parse(text) as TokenResponse;
  if (!body.access_token) throw new Error(`Keycloak answered without access_token: ${text.slice(0, 300)}`);
  return body;
}

/** Resource-owner password grant through the test client `duban-test` (a user: office, liaison-edu, ...). */
export async function passwordGrant(
  options: TokenRequestOptions & { username: string; password: string; clientId?: string },
): Promise<TokenResponse> {
  return requestToken(options, {
    grant_type: 'password',
    client_id: options.clientId ?? 'duban-test',
    username: options.username,
    password: options.password,
  });
}

/** Client-credentials grant for a partner city's confidential client (duban-partner-cs / duban-partner-xt). */
export async function clientCredentials(
  options: TokenRequestOptions & { clientId: string; clientSecret: string },
): Promise<TokenResponse> {
  return requestToken(options, {
    grant_type: 'client_credentials',
    client_id: options.clientId,
    client_secret: options.clientSecret,
  });
}

/**
 * A getToken for createDubanClient that fetches a token once and again shortly before it expires
 * (the realm's access tokens last 300 s).
 */
export function cachedToken(fetchToken: () => Promise<TokenResponse>, marginSeconds = 30): () => Promise<string> {
  let current: { token: string; until: number } | undefined;
  let pending: Promise<string> | undefined;
  return async () => {
    if (current && Date.now() < current.until) return current.token;
    pending ??= fetchToken()
      .then((t) => {
        current = { token: t.access_token, until: Date.now() + Math.max(0, t.expires_in - marginSeconds) * 1000 };
        return t.access_token;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  };
}

/** The demo accounts of deploy/keycloak/README.md (local only). */
export const DEMO = {
  admin: { username: 'admin', password: 'admin-demo' },
  office: { username: 'office', password: 'office-demo' },
  leader: { username: 'leader', password: 'leader-demo' },
  supervisor: { username: 'supervisor', password: 'supervisor-demo' },
  liaisonEdu: { username: 'liaison-edu', password: 'liaison-demo' },
  liaisonTrans: { username: 'liaison-trans', password: 'liaison-demo' },
  liaisonDrc: { username: 'liaison-drc', password: 'liaison-demo' },
  partnerCs: { clientId: 'duban-partner-cs', clientSecret: 'cs-demo-secret' },
  partnerXt: { clientId: 'duban-partner-xt', clientSecret: 'xt-demo-secret' },
} as const;
