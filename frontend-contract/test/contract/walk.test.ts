// Contract walk against a LIVE service and Keycloak, through the typed client only:
//   DUBAN_E2E_BASE_URL=http://127.0.0.1:18080 DUBAN_E2E_ISSUER=http://127.0.0.1:8180/realms/duban npm run test:contract
// Meant for the project's end-to-end stage (deploy/local/e2e.sh starts both and exports the two variables).
// Every code it creates carries a time-based stamp, so reruns against the same database do not collide.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { cachedToken, clientCredentials, DEMO, passwordGrant } from '../../src/auth.js';
import {
  ConflictProblem,
  createDubanClient,
  ForbiddenProblem,
  newIdempotencyKey,
  NotFoundProblem,
  PreconditionFailedProblem,
  PreconditionRequiredProblem,
  ProblemError,
  taskUpdateFrom,
  UnauthorizedProblem,
  unwrap,
  ValidationProblem,
  withEtag,
  withRetries,
  type DubanClient,
  type TaskView,
  type TokenSource,
} from '../../src/client.js';
import { conformanceIssues, loadContract, recorder } from './conformance.js';

const baseUrl = process.env.DUBAN_E2E_BASE_URL?.trim();
const issuer = process.env.DUBAN_E2E_ISSUER?.trim();

if (!baseUrl || !issuer) {
  const missing = [!baseUrl && 'DUBAN_E2E_BASE_URL', !issuer && 'DUBAN_E2E_ISSUER'].filter(Boolean).join(' and ');
  test('contract tests need a live service and Keycloak', () => {
    assert.fail(
      `${missing} not set. The contract tests run against a live service and Keycloak, e.g.\n` +
        '  DUBAN_E2E_BASE_URL=http://127.0.0.1:18080 DUBAN_E2E_ISSUER=http://127.0.0.1:8180/realms/duban npm run test:contract\n' +
        '(deploy/local/e2e.sh exports both for the end-to-end stage).',
    );
  });
} else {
  walk(baseUrl, issuer);
}

/** Asserts a value the contract leaves optional is there, and narrows its type. */
function must<T>(value: T | null | undefined, what: string): T {
  assert.ok(value !== undefined && value !== null, `${what} is missing in the answer`);
  return value;
}

/** Awaits a call that must fail with the given ProblemError subclass; returns the error. */
async function refused<E extends ProblemError>(call: Promise<unknown>, Class: new (...args: never[]) => E): Promise<E> {
  try {
    await call;
  } catch (e) {
    assert.ok(e instanceof Class, `expected ${Class.name}, got ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`);
    assert.equal(e.isProblemJson, true, 'error answers are application/problem+json');
    assert.equal(typeof e.title, 'string');
    return e;
  }
  return assert.fail(`expected ${Class.name}, but the call succeeded`);
}

function walk(baseUrl: string, issuer: string) {
  const stamp = Date.now().toString(36).toUpperCase(); // e.g. MI3K9F2A: fits the code patterns, unique per run
  const user = (u: { username: string; password: string }) => cachedToken(() => passwordGrant({ issuer, ...u }));
  const answers = recorder();
  const client = (getToken: TokenSource): DubanClient => {
    const c = createDubanClient({ baseUrl, getToken });
    c.use(answers.middleware);
    return c;
  };

  const officeToken = user(DEMO.office);
  const admin = client(user(DEMO.admin));
  const office = client(officeToken);
  const liaison = client(user(DEMO.liaisonEdu));
  const partner = client(cachedToken(() => clientCredentials({ issuer, ...DEMO.partnerCs })));

  /** A task of the seeded plan by its code, read by the office. */
  async function seededTask(code: string): Promise<TaskView> {
    const page = await unwrap(office.GET('/api/v1/tasks', { params: { query: { planId: state.planId, q: code, size: 200 } } }));
    return must(page.items?.find((t) => t.code === code), `seeded task ${code}`);
  }

  const state = {} as {
    planId: number;
    unitId: number;
    taskId: number;
    version: number;
    childId: number;
    movedVersions?: { answered: number; stored: number };
  };

  describe(`Duban API contract at ${baseUrl} (run ${stamp})`, () => {
    before(async () => {
      const health = await fetch(`${baseUrl}/q/health/ready`).catch((e: unknown) => {
        throw new Error(`the service at ${baseUrl} does not answer (${String(e)})`);
      });
      assert.equal(health.status, 200, `the service at ${baseUrl} is not ready`);
    });

    test('admin creates a unit and the office reads it', async () => {
      const code = `ZZ-CT${stamp}`;
      const created = await unwrap(
        admin.POST('/api/v1/units', { body: { code, name: `株洲市契约测试局${stamp}`, shortName: '契约测试局', kind: 'DEPARTMENT', cityCode: 'ZZ' } }),
      );
      state.unitId = must(created.id, 'unit id');
      assert.equal(created.code, code);
      assert.equal(created.cityCode, 'ZZ');
      assert.equal(created.version, 0);
      assert.ok(created.audit?.createdBy, 'audit.createdBy names the admin');

      const read = await unwrap(office.GET('/api/v1/units/{id}', { params: { path: { id: state.unitId } } }));
      assert.equal(read.code, code);
      assert.equal(read.name, `株洲市契约测试局${stamp}`);
      const found = await unwrap(office.GET('/api/v1/units', { params: { query: { q: code, page: 1, size: 20 } } }));
      assert.equal(found.totalItems, 1);
      assert.equal(found.page, 1);
      assert.equal(found.size, 20);

      // units are written by admin only
      await refused(office.POST('/api/v1/units', { body: { code: `ZZ-CTX${stamp}`, name: '越权', kind: 'DEPARTMENT', cityCode: 'ZZ' } }), ForbiddenProblem);
    });

    test('the office finds the seeded plan ZZ-CZT-2019 with listPlans', async () => {
      const plans = await unwrap(office.GET('/api/v1/plans', { params: { query: { size: 200 } } }));
      const plan = must(plans.items?.find((p) => p.code === 'ZZ-CZT-2019'), 'plan ZZ-CZT-2019');
      state.planId = must(plan.id, 'plan id');
      const tree = await unwrap(office.GET('/api/v1/plans/{id}/tree', { params: { path: { id: state.planId } } }));
      assert.equal(tree.plan?.code, 'ZZ-CZT-2019');
      assert.ok((tree.tasks?.length ?? 0) > 0, 'the seeded plan has tasks');
    });

    test('the office reads the rest of the plan and the organisation (for the conformance check below)', async () => {
      const cities = await unwrap(office.GET('/api/v1/cities'));
      assert.deepEqual(cities.map((c) => c.code).sort(), ['CS', 'XT', 'ZZ']);
      const plan = await unwrap(office.GET('/api/v1/plans/{id}', { params: { path: { id: state.planId } } }));
      assert.equal(plan.code, 'ZZ-CZT-2019');
      const areas = await unwrap(office.GET('/api/v1/plans/{id}/areas', { params: { path: { id: state.planId } } }));
      assert.ok(areas.length > 0, 'the plan has areas');
      const groups = await unwrap(office.GET('/api/v1/groups', { params: { query: { size: 200 } } }));
      const group = must(groups.items?.[0], 'a group');
      const roster = await unwrap(office.GET('/api/v1/groups/{id}', { params: { path: { id: must(group.id, 'group id') } } }));
      assert.ok((roster.members?.length ?? 0) > 0, 'the group has members');
      const positions = await unwrap(office.GET('/api/v1/positions', { params: { query: { size: 200 } } }));
      const position = must(positions.items?.[0], 'a post');
      await unwrap(office.GET('/api/v1/positions/{id}', { params: { path: { id: must(position.id, 'post id') } } }));
      const people = await unwrap(office.GET('/api/v1/people', { params: { query: { size: 200 } } }));
      assert.ok((people.totalItems ?? 0) > 0, 'people are seeded');
    });

    test('the office creates a task in the plan; an invalid one is a 400 with violations', async () => {
      const created = await unwrap(
        office.POST('/api/v1/tasks', {
          body: {
            planId: state.planId,
            code: `CT${stamp}`,
            kind: 'NEAR_TERM',
            title: `契约测试任务 ${stamp}`,
            description: '由 frontend-contract 的契约测试创建',
            responsibleUnits: [{ unitId: state.unitId, role: 'MAIN' }],
            deadline: '2026-12-31',
            milestones: [{ title: '完成契约测试', dueDate: '2026-06-30' }],
          },
        }),
      );
      state.taskId = must(created.id, 'task id');
      state.version = must(created.version, 'task version');
      assert.equal(created.planId, state.planId);
      assert.equal(created.code, `CT${stamp}`);
      assert.equal(created.status, 'NOT_STARTED');
      assert.equal(created.progressPercent, 0);
      assert.deepEqual(created.responsibleUnits?.map((r) => [r.unit?.id, r.role]), [[state.unitId, 'MAIN']]);

      const invalid = await refused(
        office.POST('/api/v1/tasks', { body: { planId: state.planId, code: `CTV${stamp}`, kind: 'NEAR_TERM', title: '' } }),
        ValidationProblem,
      );
      assert.equal(invalid.status, 400);
      assert.ok(invalid.violations.some((v) => v.field?.endsWith('title')), `violations name the title: ${JSON.stringify(invalid.violations)}`);
    });

    test('the office updates the task with the ETag it read; a stale one is a 412, none a 428', async () => {
      const { data: current, etag } = await withEtag(office.GET('/api/v1/tasks/{id}', { params: { path: { id: state.taskId } } }));
      assert.equal(current.version, state.version);
      const notModified = await office.GET('/api/v1/tasks/{id}', { params: { path: { id: state.taskId }, header: { 'If-None-Match': etag } } });
      assert.equal(notModified.response.status, 304, 'an unchanged task is not sent again');
      const edited = await withEtag(
        office.PUT('/api/v1/tasks/{id}', {
          params: { path: { id: state.taskId }, header: { 'If-Match': etag } },
          body: taskUpdateFrom(current, {
            title: `契约测试任务 ${stamp}（已修改）`,
            responsibleUnits: [{ unitId: state.unitId, role: 'LEAD' }],
            deadline: '2026-11-30',
            status: 'IN_PROGRESS',
            progressPercent: 10,
          }),
        }),
      );
      const updated = edited.data;
      assert.notEqual(edited.etag, etag, 'the edit answers with the new ETag');
      // a full replacement built from the view keeps what was not changed
      assert.equal(updated.description, '由 frontend-contract 的契约测试创建');
      assert.deepEqual(updated.milestones?.map((m) => [m.title, m.dueDate]), [['完成契约测试', '2026-06-30']]);
      assert.deepEqual(updated.responsibleUnits?.map((r) => [r.unit?.id, r.role]), [[state.unitId, 'LEAD']]);
      assert.equal(updated.title, `契约测试任务 ${stamp}（已修改）`);
      assert.equal(updated.status, 'IN_PROGRESS');
      assert.equal(updated.deadline, '2026-11-30');
      const newVersion = must(updated.version, 'version');
      assert.ok(newVersion > state.version, 'the version moves on');

      const stale = await refused(
        office.PUT('/api/v1/tasks/{id}', {
          params: { path: { id: state.taskId }, header: { 'If-Match': etag } },
          body: { title: '过期的修改', status: 'IN_PROGRESS', progressPercent: 20 },
        }),
        PreconditionFailedProblem,
      );
      assert.equal(stale.status, 412);
      assert.equal(stale.currentEtag, `"${newVersion}"`, 'the 412 names the current version');
      const unguarded = await refused(
        office.PUT('/api/v1/tasks/{id}', {
          params: { path: { id: state.taskId }, header: {} as { 'If-Match': string } },
          body: { title: '没有前提条件的修改', status: 'IN_PROGRESS', progressPercent: 20 },
        }),
        PreconditionRequiredProblem,
      );
      assert.equal(unguarded.status, 428);
      state.version = newVersion;
    });

    test('the office moves a task under another and back to the top', async () => {
      const child = await unwrap(
        office.POST('/api/v1/tasks', { body: { planId: state.planId, code: `CT${stamp}-M`, kind: 'NEAR_TERM', title: `待移动任务 ${stamp}` } }),
      );
      state.childId = must(child.id, 'task id');
      assert.equal(child.parentId ?? null, null);

      const moved = await unwrap(
        office.POST('/api/v1/tasks/{id}/move', { params: { path: { id: state.childId } }, body: { parentId: state.taskId, version: must(child.version, 'version') } }),
      );
      assert.equal(moved.parentId, state.taskId);
      const stored = await unwrap(office.GET('/api/v1/tasks/{id}', { params: { path: { id: state.childId } } }));
      state.movedVersions = { answered: must(moved.version, 'version'), stored: must(stored.version, 'version') };

      // "parentId null moves the task to the top": the contract types parentId as a plain integer, so the
      // typed client can only leave it out (the service reads a missing parentId as null).
      const top = await unwrap(
        office.POST('/api/v1/tasks/{id}/move', { params: { path: { id: state.childId } }, body: { version: state.movedVersions.stored } }),
      );
      assert.equal(top.parentId ?? null, null);

      const { response } = await office.DELETE('/api/v1/tasks/{id}', { params: { path: { id: state.childId } } });
      assert.equal(response.status, 204);
      await refused(office.GET('/api/v1/tasks/{id}', { params: { path: { id: state.childId } } }), NotFoundProblem);
    });

    test('moveTask answers with the version it stored (so the next write can use it)', () => {
      const v = must(state.movedVersions, 'the move step');
      assert.equal(
        v.answered,
        v.stored,
        `moveTask answered version ${v.answered} but stored ${v.stored}: a client that sends the answered version next gets 409`,
      );
    });

    test('the office reports progress, retries it safely with its Idempotency-Key, and reads the history', async () => {
      const key = newIdempotencyKey();
      const send = () =>
        office.POST('/api/v1/tasks/{id}/progress', {
          params: { path: { id: state.taskId }, header: { 'Idempotency-Key': key } },
          body: { status: 'IN_PROGRESS', progressPercent: 30, note: `契约测试进展 ${stamp}`, version: state.version },
        });
      const reported = await withRetries(() => unwrap(send()));
      assert.equal(reported.progressPercent, 30);
      const retried = await send();
      assert.equal(retried.response.headers.get('Idempotent-Replayed'), 'true', 'the retry is answered from the kept answer');
      assert.deepEqual(retried.data, reported, 'the retry gets the first answer');
      state.version = must(reported.version, 'version');

      const history = await unwrap(office.GET('/api/v1/tasks/{id}/progress', { params: { path: { id: state.taskId } } }));
      const latest = must(history.items[0], 'latest progress report');
      assert.equal(latest.source, 'OFFICE');
      assert.equal(latest.progressPercent, 30);
      assert.equal(latest.note, `契约测试进展 ${stamp}`);
      assert.ok(latest.reportedByName, 'reportedByName');
      assert.ok(latest.reportedAt, 'reportedAt');
    });

    test('a unit liaison lists its tasks by unitId, reports on its own (N8.2) and is refused on N1', async () => {
      const units = await unwrap(liaison.GET('/api/v1/units', { params: { query: { q: 'ZZ-EDU' } } }));
      const edu = must(units.items?.find((u) => u.code === 'ZZ-EDU'), 'unit ZZ-EDU');
      const eduId = must(edu.id, 'unit id');

      const mine = await unwrap(liaison.GET('/api/v1/tasks', { params: { query: { unitId: eduId, size: 200 } } }));
      const items = must(mine.items, 'items');
      assert.ok(items.length > 0, 'ZZ-EDU answers for some tasks');
      for (const t of items) {
        assert.ok(t.responsibleUnits?.some((r) => r.unit?.id === eduId), `task ${t.code} is one ZZ-EDU answers for`);
      }
      const own = must(items.find((t) => t.code === 'N8.2'), 'N8.2 among ZZ-EDU tasks');

      const reported = await unwrap(
        liaison.POST('/api/v1/tasks/{id}/progress', {
          params: { path: { id: must(own.id, 'id') } },
          body: { status: 'IN_PROGRESS', progressPercent: 45, note: `教育局报送 ${stamp}`, version: must(own.version, 'version') },
        }),
      );
      assert.equal(reported.progressPercent, 45);
      const history = await unwrap(liaison.GET('/api/v1/tasks/{id}/progress', { params: { path: { id: must(own.id, 'id') } } }));
      assert.equal(history.items[0]?.source, 'UNIT');
      assert.equal(history.items[0]?.unit?.code, 'ZZ-EDU');

      const other = await seededTask('N1');
      const denied = await refused(
        liaison.POST('/api/v1/tasks/{id}/progress', {
          params: { path: { id: must(other.id, 'id') } },
          body: { status: 'IN_PROGRESS', progressPercent: 90, version: must(other.version, 'version') },
        }),
        ForbiddenProblem,
      );
      assert.equal(denied.status, 403);
      const after = await unwrap(office.GET('/api/v1/tasks/{id}', { params: { path: { id: must(other.id, 'id') } } }));
      assert.equal(after.version, other.version, 'a refused report changes nothing');
      assert.equal(after.progressPercent, other.progressPercent);
    });

    test('a partner city sees only the shared tasks, and L1 is 404 for it', async () => {
      const shared = await unwrap(partner.GET('/api/v1/tasks', { params: { query: { size: 200 } } }));
      const items = must(shared.items, 'items');
      assert.ok(items.length > 0, 'the partner sees some tasks');
      for (const t of items) assert.ok(t.crossCityLead, `task ${t.code} has a crossCityLead`);
      const all = await unwrap(office.GET('/api/v1/tasks', { params: { query: { size: 200 } } }));
      assert.ok(must(all.totalItems, 'totalItems') > must(shared.totalItems, 'totalItems'), 'the office sees more than the partner');

      const l1 = await seededTask('L1');
      assert.ok(!l1.crossCityLead, 'L1 is not shared by the three cities');
      const missing = await refused(partner.GET('/api/v1/tasks/{id}', { params: { path: { id: must(l1.id, 'id') } } }), NotFoundProblem);
      assert.equal(missing.status, 404);
    });

    test('a forged token is a 401 problem', async () => {
      const token = must(await officeToken(), 'office token');
      const [header, payload, signature] = token.split('.');
      const claims = JSON.parse(Buffer.from(must(payload, 'payload'), 'base64url').toString('utf8')) as Record<string, unknown>;
      claims.realm_access = { roles: ['admin', 'office'] };
      const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
      const err = await refused(client(() => forged).GET('/api/v1/tasks'), UnauthorizedProblem);
      assert.equal(err.status, 401);
      await refused(client(() => undefined).GET('/api/v1/cities'), UnauthorizedProblem);
    });

    test('a liaison drafts and submits its monthly report, the office returns it, another unit cannot see it', async () => {
      // A month long ended and unique per run (the database may be shared across reruns).
      const n = Number.parseInt(stamp, 36) % 1200;
      const month = `${1900 + Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
      const own = await seededTask('N8.2');
      const draft = await unwrap(
        liaison.POST('/api/v1/reports', {
          body: {
            month,
            entries: [{ taskId: must(own.id, 'id'), workDone: '合同契约测试：完成实训基地选址', progressPercent: 40, track: 'ON_TRACK' }],
            problems: '资金到位偏慢',
          },
        }),
      );
      assert.equal(draft.status, 'DRAFT');
      const submitted = await unwrap(
        liaison.POST('/api/v1/reports/{id}/submissions', {
          params: { path: { id: must(draft.id, 'id') } },
          body: { version: must(draft.version, 'version') },
        }),
      );
      assert.equal(submitted.status, 'SUBMITTED');
      assert.equal(submitted.late, true, `a report on ${month} is long past its due date`);
      const returned = await unwrap(
        office.POST('/api/v1/reports/{id}/returns', {
          params: { path: { id: must(draft.id, 'id') } },
          body: { reason: '请补充资金到位情况', version: must(submitted.version, 'version') },
        }),
      );
      assert.equal(returned.status, 'RETURNED');
      const history = await unwrap(liaison.GET('/api/v1/reports/{id}/history', { params: { path: { id: must(draft.id, 'id') } } }));
      assert.deepEqual(history.items.map((e) => e.to), ['DRAFT', 'SUBMITTED', 'RETURNED']);
      assert.equal(history.totalItems, 3);
      const other = client(user(DEMO.liaisonTrans));
      await refused(other.GET('/api/v1/reports/{id}', { params: { path: { id: must(draft.id, 'id') } } }), NotFoundProblem);
      const standings = await unwrap(
        office.GET('/api/v1/reporting-months/{month}/units', { params: { path: { month }, query: { size: 200 } } }),
      );
      assert.ok(standings.items.some((s) => s.unit?.code === 'ZZ-EDU' && s.standing === 'NOT_SUBMITTED'));
    });

    test("the report's difficulties became a problem; the office classifies it and the level names the session", async () => {
      const page = await unwrap(office.GET('/api/v1/problems', { params: { query: { source: 'REPORT', status: 'OPEN', size: 200 } } }));
      const problem = must(
        page.items?.find((p) => p.raisedBy?.code === 'ZZ-EDU' && p.description === '资金到位偏慢'),
        'the problem raised by the report',
      );
      const classified = await unwrap(
        office.POST('/api/v1/problems/{id}/classifications', {
          params: { path: { id: must(problem.id, 'id') } },
          body: { category: 'FUNDING', coordinationLevel: 'DEPARTMENTS_OF_THREE_CITIES', version: must(problem.version, 'version') },
        }),
      );
      assert.equal(classified.status, 'CLASSIFIED');
      assert.equal(classified.settledBy, 'DEPUTY_SECRETARY_GENERAL');
      await refused(
        liaison.POST('/api/v1/problems/{id}/classifications', {
          params: { path: { id: must(problem.id, 'id') } },
          body: { category: 'OTHER', coordinationLevel: 'UNIT', version: must(classified.version, 'version') },
        }),
        ForbiddenProblem,
      );
    });

    test('the office dispatches: a session, a numbered ticket, and the lead unit signs for its item', async () => {
      const task = await seededTask('N8.2');
      const units = await unwrap(office.GET('/api/v1/units', { params: { query: { q: 'ZZ-EDU' } } }));
      const edu = must(units.items?.find((u) => u.code === 'ZZ-EDU'), 'ZZ-EDU');
      const raised = await unwrap(
        office.POST('/api/v1/problems', {
          body: { taskId: must(task.id, 'id'), description: `实训基地用地（${stamp}）`, raisedByUnitId: must(edu.id, 'id') },
        }),
      );
      const problem = await unwrap(
        office.POST('/api/v1/problems/{id}/classifications', {
          params: { path: { id: must(raised.id, 'id') } },
          body: { category: 'LAND', coordinationLevel: 'UNIT', version: must(raised.version, 'version') },
        }),
      );
      const chairs = await unwrap(office.GET('/api/v1/positions', { params: { query: { q: '常务副市长' } } }));
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
      const session = await unwrap(
        office.POST('/api/v1/sessions', {
          body: {
            type: 'REGULAR',
            form: 'MEETING',
            level: 'OFFICE',
            title: `契约测试调度会 ${stamp}`,
            chairPositionId: must(chairs.items?.[0]?.id, 'chair post'),
            heldOn: today,
            participantUnitIds: [must(edu.id, 'id')],
          },
        }),
      );
      const deadline = new Date(Date.now() + 30 * 86400000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
      const ticket = await unwrap(
        office.POST('/api/v1/sessions/{id}/tickets', {
          params: { path: { id: must(session.id, 'id') } },
          body: {
            items: [{ problemId: must(problem.id, 'id'), leadUnitId: must(edu.id, 'id'), deadline, key: true, requirement: '按期完成用地报批' }],
          },
        }),
      );
      assert.match(must(ticket.number, 'number'), /^交办〔\d{4}〕\d+号$/);
      const item = must(ticket.items?.[0], 'item');
      const signed = await unwrap(
        liaison.POST('/api/v1/ticket-items/{id}/acknowledgements', {
          params: { path: { id: must(item.id, 'id') } },
          body: { version: must(item.version, 'version') },
        }),
      );
      assert.equal(signed.state, 'ACKNOWLEDGED');
      // A key item opens a case at once: the liaison finds it on the item, and in its own list of cases.
      const read = await unwrap(liaison.GET('/api/v1/ticket-items/{id}', { params: { path: { id: must(item.id, 'id') } } }));
      const caseRef = must(read.supervisionCase, 'the key item links to its case');
      assert.equal(caseRef.status, 'OPEN');
      const ownCases = await unwrap(liaison.GET('/api/v1/supervision-cases', { params: { query: { itemId: must(item.id, 'id') } } }));
      assert.deepEqual(ownCases.items?.map((c) => c.id), [caseRef.id]);
      await refused(
        liaison.POST('/api/v1/ticket-items/{id}/acknowledgements', {
          params: { path: { id: must(item.id, 'id') } },
          body: { version: must(signed.version, 'version') },
        }),
        ConflictProblem,
      );
    });

    test("the month's regular office session is planned once; a key item's case keeps its history", async () => {
      const month = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 7);
      const first = await office.POST('/api/v1/regular-sessions', { body: { month } });
      assert.ok(first.response.status === 201 || first.response.status === 200, `planRegularSession answered ${first.response.status}`);
      const session = must(first.data, 'session');
      assert.equal(session.type, 'REGULAR');
      assert.equal(session.regularMonth, month);
      const again = await office.POST('/api/v1/regular-sessions', { body: { month } });
      assert.equal(again.response.status, 200);
      assert.equal(again.data?.id, session.id);
      const listed = await unwrap(office.GET('/api/v1/sessions', { params: { query: { regularMonth: month } } }));
      assert.deepEqual(listed.items?.map((s) => s.id), [session.id]);

      const supervisor = client(user(DEMO.supervisor));
      const cases = await unwrap(supervisor.GET('/api/v1/supervision-cases', { params: { query: { status: 'OPEN', size: 200 } } }));
      const keyCase = must(cases.items?.find((c) => c.reason === 'KEY'), 'a case opened for the key item');
      const history = await unwrap(
        supervisor.GET('/api/v1/supervision-cases/{id}/history', { params: { path: { id: must(keyCase.id, 'id') } } }),
      );
      assert.equal(history.items[0]?.to, 'OPEN');
      assert.equal(history.items[0]?.from, undefined);
    });

    test("the leader's dashboard: every count agrees with the list it links", async () => {
      const leader = client(user(DEMO.leader));
      const board = await unwrap(leader.GET('/api/v1/dashboard', { params: { query: { planId: state.planId } } }));
      assert.ok(board.lights.totals.length > 0, 'lights per colour');
      const cases = await unwrap(leader.GET('/api/v1/supervision-cases', { params: { query: { status: 'OPEN', size: 1 } } }));
      assert.equal(board.openCases.list, '/api/v1/supervision-cases?status=OPEN');
      assert.equal(cases.totalItems, board.openCases.count);
      for (const figure of [board.openCases, board.overdueKeyItems, board.waitingOnLeaders, board.reports.missing]) {
        // each list is a GET of the same API; follow it as the SPA would and compare its total with the count
        const url = new URL(figure.list, baseUrl);
        const answer = await fetch(url, { headers: { Authorization: `Bearer ${await user(DEMO.leader)()}` } });
        assert.equal(answer.status, 200, `${figure.list} answered ${answer.status}`);
        const page = (await answer.json()) as { totalItems: number };
        assert.equal(page.totalItems, figure.count, `${figure.list} lists ${page.totalItems} rows, the dashboard counts ${figure.count}`);
      }
      await refused(liaison.GET('/api/v1/dashboard', {}), ForbiddenProblem);
    });

    test("the office publishes last month's bulletin; leader, liaison and partner read their cut; it downloads as CSV", async () => {
      const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
      const [y, m] = today.split('-').map(Number) as [number, number];
      const last = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
      const generated = await office.POST('/api/v1/publications', { body: { kind: 'MONTHLY_BULLETIN', planId: state.planId, period: last } })
        .then((r) => r.data)
        .catch((e: unknown) => {
          // a rerun against the same database finds last month's bulletin already there
          assert.ok(e instanceof ConflictProblem, String(e));
          return undefined;
        });
      const listed = await unwrap(office.GET('/api/v1/publications', { params: { query: { planId: state.planId, kind: 'MONTHLY_BULLETIN', period: last } } }));
      const found = must(generated ?? listed.items.find((p) => p.status !== 'SUPERSEDED'), 'the bulletin of last month');
      const { data: bulletin, etag: bulletinTag } = await withEtag(office.GET('/api/v1/publications/{id}', { params: { path: { id: found.id } } }));
      let current = bulletin;
      if (bulletin.status === 'DRAFT') {
        current = await unwrap(
          office.PUT('/api/v1/publications/{id}', {
            params: { path: { id: bulletin.id }, header: { 'If-Match': bulletinTag } },
            body: { opening: `${last}，各责任单位按照行动方案要求推进各项工作。`, nextSteps: '各滞后单位要加快进度。' },
          }),
        );
        current = await unwrap(office.POST('/api/v1/publications/{id}/releases', { params: { path: { id: current.id } }, body: { version: current.version } }));
      }
      assert.equal(current.status, 'PUBLISHED');
      assert.equal(current.content.kind, 'MONTHLY_BULLETIN');
      await refused(office.POST('/api/v1/publications/{id}/releases', { params: { path: { id: current.id } }, body: { version: current.version } }), ConflictProblem);

      const leader = client(user(DEMO.leader));
      const read = await unwrap(leader.GET('/api/v1/publications/{id}', { params: { path: { id: current.id } } }));
      assert.equal(read.scope, 'FULL');
      assert.deepEqual(read.content, current.content, 'a published bulletin reads back as it was published');
      const own = await unwrap(liaison.GET('/api/v1/publications/{id}', { params: { path: { id: current.id } } }));
      assert.equal(own.scope, 'UNIT');
      const shared = await unwrap(partner.GET('/api/v1/publications/{id}', { params: { path: { id: current.id } } }));
      assert.equal(shared.scope, 'SHARED_TASKS');
      const history = await unwrap(office.GET('/api/v1/publications/{id}/history', { params: { path: { id: current.id } } }));
      assert.ok(history.items.length >= 2, 'generated and published are history');

      const csv = await office.GET('/api/v1/publications/{id}/documents/{format}', {
        params: { path: { id: current.id, format: 'csv' } },
        headers: { Accept: 'text/csv' }, // a download asks for its own media type (the client's default is JSON)
        parseAs: 'arrayBuffer',
      });
      const bytes = new Uint8Array(must(csv.data, 'the CSV'));
      assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with BOM, so Excel opens Chinese correctly');
    });

    test("the annual ranking: the office reads every unit's lines, a liaison only its own", async () => {
      const year = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 4);
      const all = await unwrap(office.GET('/api/v1/assessments/{year}', { params: { path: { year } } }));
      assert.equal(all.kind, 'ANNUAL_ASSESSMENT');
      assert.equal(all.breakdowns.length, all.ranking.length);
      const own = await unwrap(liaison.GET('/api/v1/assessments/{year}', { params: { path: { year } } }));
      assert.equal(own.ranking.length, all.ranking.length);
      assert.ok(own.breakdowns.length <= 1, 'a liaison sees at most its own unit\'s lines');
      await refused(partner.GET('/api/v1/assessments/{year}', { params: { path: { year } } }), ForbiddenProblem);
    });

    test('every successful answer of this walk matches the committed contract', () => {
      assert.ok(answers.records.length > 20, `recorded ${answers.records.length} answers`);
      const issues = conformanceIssues(loadContract(), answers.records);
      if (issues.length) {
        assert.fail(
        `${issues.length} mismatch(es) between the live answers and openapi/openapi.yaml ` +
          `(the generated types promise what the contract says):\n  ${issues.join('\n  ')}`,
        );
      }
    });
  });
}
