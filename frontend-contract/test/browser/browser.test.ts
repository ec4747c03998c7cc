// The browser path, in a real browser (Debian's Chromium through playwright-core) against a LIVE service and Keycloak:
//   DUBAN_E2E_BASE_URL=http://127.0.0.1:18080 DUBAN_E2E_ISSUER=http://127.0.0.1:8180/realms/duban \
//   DUBAN_E2E_CONSOLE_ORIGIN=http://127.0.0.1:5174 npm run test:browser
// DUBAN_E2E_CONSOLE_ORIGIN must be one of the service's CORS origins (DUBAN_CORS_ORIGINS); deploy/local/e2e.sh
// picks a free port, starts the service with it and exports all three.
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import { cachedToken, DEMO, passwordGrant } from '../../src/auth.js';
import { createDubanClient, ForbiddenProblem, NotFoundProblem, ProblemError, unwrap } from '../../src/client.js';
import { serveConsole } from '../../example/serve.mjs';
import { allowOrigins, freshPage, keycloakLogin, launchChromium, onScreen, type Chromium } from './harness.js';

const baseUrl = process.env.DUBAN_E2E_BASE_URL?.trim();
const issuer = process.env.DUBAN_E2E_ISSUER?.trim();
const consoleOrigin = (process.env.DUBAN_E2E_CONSOLE_ORIGIN ?? 'http://127.0.0.1:5174').trim();

if (!baseUrl || !issuer) {
  test('browser tests need a live service and Keycloak', () => {
    assert.fail('DUBAN_E2E_BASE_URL and DUBAN_E2E_ISSUER must be set (deploy/local/e2e.sh exports them); see frontend-contract/README.md');
  });
} else {
  browserPath(baseUrl, issuer);
}

const CHINESE = /[\u4e00-\u9fff]/;

function must<T>(value: T | null | undefined, what: string): T {
  assert.ok(value !== undefined && value !== null, `${what} is missing`);
  return value;
}

async function refusal(call: Promise<unknown>): Promise<ProblemError> {
  try {
    await call;
  } catch (e) {
    if (e instanceof ProblemError) return e;
    throw e;
  }
  return assert.fail('expected a refusal, but the call succeeded');
}

function browserPath(baseUrl: string, issuer: string) {
  const stamp = Date.now().toString(36).toUpperCase();
  const user = (u: { username: string; password: string }) => cachedToken(() => passwordGrant({ issuer, ...u }));
  const officeToken = user(DEMO.office);
  const office = createDubanClient({ baseUrl, getToken: officeToken });
  const liaison = createDubanClient({ baseUrl, getToken: user(DEMO.liaisonEdu) });
  let chromium: Chromium;
  let consoleServer: Server;
  let otherServer: Server;
  let otherOrigin: string;
  let planId: number;

  /** Signs in to the console at its origin as a demo user; resolves once a screen is shown. */
  async function signInToConsole(page: Page, who: { username: string; password: string }) {
    await page.goto(`${consoleOrigin}/`);
    await page.click('#sign-in');
    await keycloakLogin(page, who.username, who.password);
    await page.waitForURL(`${consoleOrigin}/**`);
    await page.locator('#sign-out').waitFor();
  }

  describe(`the browser path: Swagger UI, the example console at ${consoleOrigin}, CORS (run ${stamp})`, () => {
    before(async () => {
      const health = await fetch(`${baseUrl}/q/health/ready`).catch((e: unknown) => {
        throw new Error(`the service at ${baseUrl} does not answer (${String(e)})`);
      });
      assert.equal(health.status, 200, `the service at ${baseUrl} is not ready`);
      const { port } = new URL(consoleOrigin);
      ({ server: consoleServer } = await serveConsole({ port: Number(port), config: { apiBaseUrl: baseUrl, issuer, clientId: 'duban-console' } }));
      // A page on an origin the service does not allow: any free port.
      otherServer = createServer((_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><title>其他站点</title><p>其他站点</p>');
      });
      await new Promise<void>((resolve) => otherServer.listen(0, '127.0.0.1', resolve));
      otherOrigin = `http://127.0.0.1:${(otherServer.address() as { port: number }).port}`;
      await allowOrigins(issuer, [
        { clientId: 'duban-console', origin: consoleOrigin, paths: ['/*'] },
        { clientId: 'duban-swagger', origin: baseUrl, paths: ['/q/swagger-ui/*'] },
      ]);
      const plans = await unwrap(office.GET('/api/v1/plans', { params: { query: { size: 200 } } }));
      planId = must(plans.items?.find((p) => p.code === 'ZZ-CZT-2019')?.id, 'plan ZZ-CZT-2019');
      chromium = await launchChromium();
    });

    after(async () => {
      await chromium?.close();
      consoleServer?.close();
      otherServer?.close();
    });

    test('Swagger UI: Authorize signs in through Keycloak, then Try it out on listTasks shows the Zhuzhou plan', async () => {
      const contract = (await (await fetch(`${baseUrl}/q/openapi?format=json`)).json()) as {
        components: { securitySchemes: Record<string, { openIdConnectUrl?: string }> };
      };
      assert.equal(
        contract.components.securitySchemes.keycloak?.openIdConnectUrl,
        `${issuer}/.well-known/openid-configuration`,
        'Swagger UI signs in at the Keycloak the service trusts (DUBAN_OIDC_ISSUER)',
      );
      const { context, page } = await freshPage(chromium.browser);
      try {
        await onScreen(page, 'swagger-ui', async () => {
          await page.goto(`${baseUrl}/q/swagger-ui/`);
          await page.locator('button.authorize').first().click();
          const dialog = page.locator('.modal-ux');
          await dialog.locator('input#client_id, input[id^="client_id"]').first().waitFor();
          const [popup] = await Promise.all([page.waitForEvent('popup'), dialog.locator('button.authorize').first().click()]);
          // Swagger UI's redirect page closes the popup as soon as Keycloak answers: on a quiet machine before a wait
          // begun after the login would see it, so the wait starts first (and a click cut short by the close is fine).
          const closed = popup.waitForEvent('close', { timeout: 30_000 });
          await keycloakLogin(popup, DEMO.office.username, DEMO.office.password).catch((e: unknown) => {
            if (!popup.isClosed()) throw e;
          });
          await closed;
          // Swagger UI holds a token now: the flow reads Authorized and its button turns into Logout.
          const flow = dialog.locator('.auth-container').first();
          await flow.locator('h6', { hasText: 'Authorized' }).waitFor();
          await flow.locator('button[aria-label="Remove authorization"]').waitFor();
          await dialog.locator('button.btn-done').first().click();

          const operation = page.locator('.opblock-get').filter({ has: page.locator('[data-path="/api/v1/tasks"]') }).first();
          await operation.locator('.opblock-summary').first().click();
          await operation.locator('button.try-out__btn').click();
          await operation.locator('tr[data-param-name="planId"] input').fill(String(planId));
          await operation.locator('button.execute').click();
          const status = operation.locator('.live-responses-table .response .response-col_status').first();
          await status.waitFor();
          assert.equal((await status.innerText()).trim(), '200');
          const body = await operation.locator('.live-responses-table .response-col_description pre').first().innerText();
          const page1 = JSON.parse(body) as { items: { planId: number; code: string }[]; totalItems: number };
          assert.ok(page1.totalItems > 0 && page1.items.length > 0, 'the plan has tasks');
          assert.ok(page1.items.every((t) => t.planId === planId), "every task listed is the Zhuzhou plan's");
          const expected = await unwrap(office.GET('/api/v1/tasks', { params: { query: { planId } } }));
          assert.deepEqual(
            page1.items.map((t) => t.code),
            expected.items?.map((t) => t.code),
            'Swagger UI shows what the API answers the office',
          );
        });
      } finally {
        await context.close();
      }
    });

    test('the office signs in to the console and sees the overview: dashboard lights and the month standings', async () => {
      const board = await unwrap(office.GET('/api/v1/dashboard'));
      const month = must(board.reports?.month, 'dashboard reports.month');
      const standings = await unwrap(
        office.GET('/api/v1/reporting-months/{month}/units', { params: { path: { month }, query: { size: 200 } } }),
      );
      const { context, page } = await freshPage(chromium.browser);
      try {
        await onScreen(page, 'console-overview', async () => {
          await signInToConsole(page, DEMO.office);
          await page.locator('#overview h1').waitFor();
          assert.equal(await page.locator('#who').innerText(), '督办办公室');
          const total = page.locator('table.lights tr.total td');
          const red = board.lights?.totals?.find((c) => c.color === 'RED')?.count ?? 0;
          const green = board.lights?.totals?.find((c) => c.color === 'GREEN')?.count ?? 0;
          assert.equal(await total.nth(0).innerText(), String(red), 'red lights as the dashboard counts them');
          assert.equal(await total.nth(2).innerText(), String(green), 'green lights as the dashboard counts them');
          assert.equal(await page.locator('table.lights tbody tr').count(), 1 + (board.lights?.byArea?.length ?? 0));
          assert.match(await page.locator('#overview').innerText(), new RegExp(`${month} 月报报送情况`));
          assert.equal(await page.locator('table.standings tbody tr').count(), standings.items?.length ?? 0);
          assert.ok((standings.items?.length ?? 0) > 0, 'every unit expected to report is listed');
          // Tokens live in memory only: nothing that looks like a JWT in the page's storage.
          const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
          assert.doesNotMatch(stored, /eyJ[\w-]+\.[\w-]+\./, 'no token in localStorage or sessionStorage');

          await page.click('#sign-out');
          await page.locator('#sign-in').waitFor();
          await page.click('#sign-in');
          await page.locator('#username').waitFor(); // signed out of Keycloak too: the password is asked again
        });
      } finally {
        await context.close();
      }
    });

    test('liaison-edu sees only its unit’s items, signs for one, and reads the Chinese refusal on another unit’s', async () => {
      // The office issues one ticket: item A led by 市教育局, B led by 市发改委 with 市教育局 cooperating, C led by 市交通运输局.
      const unit = async (code: string) => {
        const found = await unwrap(office.GET('/api/v1/units', { params: { query: { q: code } } }));
        return must(found.items?.find((u) => u.code === code)?.id, code);
      };
      const [edu, drc, trans] = await Promise.all([unit('ZZ-EDU'), unit('ZZ-DRC'), unit('ZZ-TRANS')]);
      const tasks = await unwrap(office.GET('/api/v1/tasks', { params: { query: { planId, q: 'N6', size: 200 } } }));
      const task = must(tasks.items?.find((t) => t.code === 'N6'), 'task N6');
      const raised = await unwrap(
        office.POST('/api/v1/problems', { body: { taskId: task.id!, description: `浏览器测试问题 ${stamp}`, raisedByUnitId: drc } }),
      );
      const problem = await unwrap(
        office.POST('/api/v1/problems/{id}/classifications', {
          params: { path: { id: raised.id! } },
          body: { category: 'LAND', coordinationLevel: 'UNIT', version: raised.version! },
        }),
      );
      const chairs = await unwrap(office.GET('/api/v1/positions', { params: { query: { q: '常务副市长' } } }));
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
      const deadline = new Date(Date.now() + 20 * 86400000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
      const session = await unwrap(
        office.POST('/api/v1/sessions', {
          body: {
            type: 'REGULAR',
            form: 'MEETING',
            level: 'OFFICE',
            title: `浏览器测试调度会 ${stamp}`,
            chairPositionId: must(chairs.items?.[0]?.id, 'chair post'),
            heldOn: today,
            participantUnitIds: [edu, drc, trans],
          },
        }),
      );
      const ticket = await unwrap(
        office.POST('/api/v1/sessions/{id}/tickets', {
          params: { path: { id: session.id! } },
          body: {
            items: [
              { problemId: problem.id!, leadUnitId: edu, deadline, key: false, requirement: `甲：教育局牵头 ${stamp}` },
              { problemId: problem.id!, leadUnitId: drc, cooperatingUnitIds: [edu], deadline, key: false, requirement: `乙：发改委牵头 ${stamp}` },
              { problemId: problem.id!, leadUnitId: trans, deadline, key: false, requirement: `丙：交通局牵头 ${stamp}` },
            ],
          },
        }),
      );
      const [a, b, c] = (ticket.items ?? []).map((i) => must(i.id, 'item id'));
      assert.ok(a && b && c, 'three items issued');
      // What the API itself says for liaison-edu: the refusal on B (cooperating only) and on C (not its unit).
      const refusedB = await refusal(liaison.POST('/api/v1/ticket-items/{id}/acknowledgements', { params: { path: { id: b } }, body: { version: 0 } }));
      assert.ok(refusedB instanceof ForbiddenProblem);
      const refusedC = await refusal(liaison.GET('/api/v1/ticket-items/{id}', { params: { path: { id: c } } }));
      assert.ok(refusedC instanceof NotFoundProblem);
      const mine = await unwrap(office.GET('/api/v1/ticket-items', { params: { query: { unitId: edu, size: 100 } } }));

      const { context, page } = await freshPage(chromium.browser);
      try {
        await onScreen(page, 'console-inbox', async () => {
          await signInToConsole(page, DEMO.liaisonEdu);
          await page.locator('#inbox .items').waitFor();
          const shown = (await page.locator('#inbox .items article.item').evaluateAll((els) => els.map((el) => Number((el as HTMLElement).dataset.itemId)))).sort();
          assert.deepEqual(shown, (mine.items ?? []).map((i) => i.id!).sort(), 'the inbox lists exactly the items 市教育局 leads or cooperates on');
          assert.ok(shown.includes(a) && shown.includes(b) && !shown.includes(c));

          const rowA = page.locator(`article.item[data-item-id="${a}"]`);
          await rowA.locator('button.sign').click();
          await rowA.locator('.state', { hasText: '已签收' }).waitFor();
          const signed = await unwrap(liaison.GET('/api/v1/ticket-items/{id}', { params: { path: { id: a } } }));
          assert.equal(signed.state, 'ACKNOWLEDGED', 'the signature reached the service');

          const rowB = page.locator(`article.item[data-item-id="${b}"]`);
          await rowB.locator('button.sign').click();
          const problemB = rowB.locator('[data-problem]');
          await problemB.waitFor({ state: 'visible' });
          const textB = await problemB.innerText();
          assert.equal(textB.trim(), refusedB.detail, "the service's own explanation, beside the item");
          assert.match(textB, CHINESE);
          assert.doesNotMatch(textB, /\b403\b/, 'no raw status code');
          assert.equal(await rowB.locator('.state').innerText(), '待签收', 'B is unchanged');

          // 办结 without the report: the violation is shown under the text field; with it, the item is reported done.
          await rowA.locator('button.done').click();
          const violation = rowA.locator('textarea[data-field="text"] + .violation');
          await violation.waitFor();
          assert.match(await violation.innerText(), CHINESE);
          await rowA.locator('textarea[data-field="text"]').fill(`已完成 ${stamp}`);
          await rowA.locator('button.done').click();
          await rowA.locator('.state', { hasText: '已报办结' }).waitFor();
          assert.equal(await rowA.locator('.violation').count(), 0, 'the earlier violation is gone');

          // Another unit's item opened by its number: the service's refusal, in Chinese.
          await page.fill('#inbox form.finder input[name="id"]', String(c));
          await page.click('#inbox form.finder button[type="submit"]');
          const problemC = page.locator('#inbox form.finder [data-problem]');
          await problemC.waitFor({ state: 'visible' });
          assert.equal((await problemC.innerText()).trim(), refusedC.detail);
          assert.match(await problemC.innerText(), CHINESE);
        });
      } finally {
        await context.close();
      }
    });

    test('a task with its progress history: an invalid report shows its violation beside the field, a valid one is listed', async () => {
      const { context, page } = await freshPage(chromium.browser);
      try {
        await onScreen(page, 'console-task', async () => {
          await signInToConsole(page, DEMO.office);
          await page.fill('#open-task input[name="code"]', 'N8.2');
          await page.click('#open-task button');
          await page.locator('#task h1', { hasText: 'N8.2' }).waitFor();
          const id = Number(/#\/tasks\/(\d+)/.exec(page.url())?.[1]);
          const before = await unwrap(office.GET('/api/v1/tasks/{id}/progress', { params: { path: { id } } }));
          assert.equal(await page.locator('table.history tbody tr').count(), before.items?.length ?? 0);

          await page.fill('input[data-field="progressPercent"]', '150');
          await page.click('.progress-form button[type="submit"]');
          const violation = page.locator('input[data-field="progressPercent"] + .violation');
          await violation.waitFor();
          assert.match(await violation.innerText(), /0 到 100/);

          const percent = Math.min(100, ((await unwrap(office.GET('/api/v1/tasks/{id}', { params: { path: { id } } }))).progressPercent ?? 0) + 1);
          await page.fill('input[data-field="progressPercent"]', String(percent));
          await page.selectOption('select[data-field="status"]', 'IN_PROGRESS');
          await page.fill('textarea[data-field="note"]', `浏览器报送 ${stamp}`);
          await page.click('.progress-form button[type="submit"]');
          await page.locator('table.history tbody tr').first().filter({ hasText: `浏览器报送 ${stamp}` }).waitFor();
          assert.equal(await page.locator('#task dd.progress').innerText(), `${percent}%`);
          assert.equal(await page.locator('.progress-form .violation').count(), 0);
        });
      } finally {
        await context.close();
      }
    });

    test('CORS: a page on another origin cannot read the API; the console’s origin passes the preflight and reads ETag', async () => {
      const token = must(await officeToken(), 'office token');
      const task = must((await unwrap(office.GET('/api/v1/tasks', { params: { query: { planId, size: 1 } } }))).items?.[0]?.id, 'a task');

      // The preflight a browser sends before a POST with a token, a JSON body and an Idempotency-Key.
      const preflight = (origin: string) =>
        fetch(`${baseUrl}/api/v1/tasks/${task}/progress`, {
          method: 'OPTIONS',
          headers: {
            Origin: origin,
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'authorization,content-type,idempotency-key,if-match',
          },
        });
      const allowed = await preflight(consoleOrigin);
      assert.ok(allowed.ok, `preflight from ${consoleOrigin}: ${allowed.status}`);
      assert.equal(allowed.headers.get('access-control-allow-origin'), consoleOrigin);
      assert.match(allowed.headers.get('access-control-allow-methods') ?? '', /POST/);
      for (const header of ['authorization', 'content-type', 'idempotency-key', 'if-match']) {
        assert.match(allowed.headers.get('access-control-allow-headers') ?? '', new RegExp(header, 'i'));
      }
      const denied = await preflight(otherOrigin);
      assert.notEqual(denied.headers.get('access-control-allow-origin'), otherOrigin);
      assert.notEqual(denied.headers.get('access-control-allow-origin'), '*');

      // What a page can do with the same token, from each origin.
      const readFrom = (page: Page) =>
        page.evaluate(
          async ({ url, token }) => {
            try {
              const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } });
              const body = (await res.json()) as { id?: number };
              return { status: res.status, id: body.id, etag: res.headers.get('ETag') };
            } catch (e) {
              return { error: String(e) };
            }
          },
          { url: `${baseUrl}/api/v1/tasks/${task}`, token },
        );
      const { context, page } = await freshPage(chromium.browser);
      try {
        await onScreen(page, 'cors-allowed', async () => {
          await page.goto(`${consoleOrigin}/`);
          const read = await readFrom(page);
          assert.deepEqual({ status: read.status, id: read.id }, { status: 200, id: task }, JSON.stringify(read));
          assert.match(String(read.etag), /^(W\/)?"/, 'ETag is exposed to the page (If-Match needs it)');
        });
        await onScreen(page, 'cors-denied', async () => {
          await page.goto(`${otherOrigin}/`);
          const read = await readFrom(page);
          assert.match(String(read.error), /TypeError|Failed to fetch/, `the page read ${JSON.stringify(read)}`);
          const anonymous = await page.evaluate(async (url) => {
            try {
              return `read ${(await fetch(url)).status}`;
            } catch (e) {
              return String(e);
            }
          }, `${baseUrl}/api/v1/cities`);
          assert.match(anonymous, /TypeError|Failed to fetch/, 'not even an error answer is readable');
        });
      } finally {
        await context.close();
      }
    });
  });
}

