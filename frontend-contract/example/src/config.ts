// Where the console finds the API and Keycloak: /config.json, read once at start, so one build serves every
// environment (the deployment writes that file; `npm run example:serve` answers it from environment variables).
export interface ConsoleConfig {
  /** Origin of the Duban service, e.g. http://127.0.0.1:8080. */
  apiBaseUrl: string;
  /** Keycloak issuer of the realm duban, e.g. http://127.0.0.1:8180/realms/duban. */
  issuer: string;
  /** The public client this console signs in with (authorization code + PKCE). */
  clientId: string;
}

export async function loadConfig(): Promise<ConsoleConfig> {
  const res = await fetch('/config.json', { cache: 'no-store' });
  if (!res.ok) throw new Error(`/config.json: ${res.status}`);
  const config = (await res.json()) as Partial<ConsoleConfig>;
  for (const key of ['apiBaseUrl', 'issuer', 'clientId'] as const) {
    if (!config[key]) throw new Error(`/config.json has no ${key}`);
  }
  return config as ConsoleConfig;
}
