// What the browser tests share: Debian's Chromium driven by playwright-core (never a downloaded browser), the
// Keycloak login page, a screenshot of the page when a step fails, and registering the test's loopback origins on
// the realm's browser clients (the ports are picked per run; the realm file names only the fixed dev ports).
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.DUBAN_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where a failing step leaves its screenshot: <repo>/.build/browser (DUBAN_E2E_SCREENSHOTS to change). */
export const SCREENSHOTS = resolve(process.env.DUBAN_E2E_SCREENSHOTS ?? join(import.meta.dirname, '../../../.build/browser'));

export interface Chromium {
  browser: Browser;
  close(): Promise<void>;
}

/** Chromium with a fresh profile (playwright-core makes a new temporary --user-data-dir per launch and removes it). */
export async function launchChromium(): Promise<Chromium> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
  return {
    browser,
    async close() {
      await browser.close().catch(() => undefined);
    },
  };
}

/** A new context (no cookies, so no Keycloak session of an earlier user) and page, in Chinese, Asia/Shanghai. */
export async function freshPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(30_000);
  const page = await context.newPage();
  return { context, page };
}

/** Runs a step; when it fails, the page is kept as .build/browser/<name>.png before the failure is passed on. */
export async function onScreen<T>(page: Page, name: string, step: () => Promise<T>): Promise<T> {
  try {
    return await step();
  } catch (e) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, `${name.replace(/[^\w.-]+/g, '-')}.png`);
    await page.screenshot({ path: file, fullPage: false }).catch(() => undefined);
    if (e instanceof Error) e.message += `\n(screenshot: ${file})`;
    throw e;
  }
}

/** Fills Keycloak's login page (realm duban) and submits it. */
export async function keycloakLogin(page: Page, username: string, password: string): Promise<void> {
  await page.locator('#username').waitFor();
  await page.fill('#username', username);
  await page.fill('#password', password);
  await page.click('#kc-login');
  // A click on a page that is still settling can be lost (CI, session 20: the form stayed filled, its button not
  // disabled as a submitted form's is, and nothing happened for 30 s). Once the form is gone the sign-in is on its way;
  // if it is still there, enabled, after a while, submit it once more.
  const submitted = await page
    .locator('#kc-login')
    .waitFor({ state: 'detached', timeout: 10_000 })
    .then(() => true)
    .catch(() => false);
  if (!submitted && (await page.locator('#kc-login').isEnabled().catch(() => false))) {
    await page.fill('#password', password);
    await page.click('#kc-login');
  }
}

/**
 * Adds redirect URIs and web origins to browser clients of the realm through Keycloak's admin API (the master
 * realm's bootstrap admin of deploy/keycloak/keycloak.sh). What is already there stays.
 */
export async function allowOrigins(issuer: string, grants: { clientId: string; origin: string; paths: string[] }[]): Promise<void> {
  const match = /^(.*)\/realms\/([^/]+)\/?$/.exec(issuer);
  if (!match) throw new Error(`not a Keycloak issuer: ${issuer}`);
  const [, base, realm] = match;
  const tokenRes = await fetch(`${base}/realms/master/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'admin-cli',
      username: process.env.KC_BOOTSTRAP_ADMIN_USERNAME ?? 'admin',
      password: process.env.KC_BOOTSTRAP_ADMIN_PASSWORD ?? 'admin',
    }),
  });
  if (!tokenRes.ok) throw new Error(`Keycloak admin token: ${tokenRes.status} ${await tokenRes.text()}`);
  const { access_token: token } = (await tokenRes.json()) as { access_token: string };
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  for (const grant of grants) {
    const found = await fetch(`${base}/admin/realms/${realm}/clients?clientId=${encodeURIComponent(grant.clientId)}`, { headers });
    const [client] = (await found.json()) as Array<Record<string, unknown> & { id: string }>;
    if (!client) throw new Error(`no client ${grant.clientId} in realm ${realm}`);
    const redirects = new Set((client.redirectUris as string[] | undefined) ?? []);
    for (const path of grant.paths) redirects.add(`${grant.origin}${path}`);
    const origins = new Set((client.webOrigins as string[] | undefined) ?? []);
    origins.add(grant.origin);
    const attributes = { ...((client.attributes as Record<string, string> | undefined) ?? {}) };
    const logout = new Set((attributes['post.logout.redirect.uris'] ?? '').split('##').filter(Boolean));
    logout.add(`${grant.origin}/*`);
    attributes['post.logout.redirect.uris'] = [...logout].join('##');
    const put = await fetch(`${base}/admin/realms/${realm}/clients/${client.id}`, {
      method: 'PUT',
      headers,
      body: JSON.stringify({ ...client, redirectUris: [...redirects], webOrigins: [...origins], attributes }),
    });
    if (!put.ok) throw new Error(`updating client ${grant.clientId}: ${put.status} ${await put.text()}`);
  }
}
