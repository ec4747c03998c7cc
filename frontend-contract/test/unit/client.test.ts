// The client wrapper against a fake fetch: bearer token in, typed ProblemError out. No network.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  ConflictProblem,
  createDubanClient,
  ForbiddenProblem,
  newIdempotencyKey,
  NotFoundProblem,
  PreconditionFailedProblem,
  PreconditionRequiredProblem,
  ProblemError,
  ServiceUnavailableProblem,
  taskUpdateFrom,
  TooManyRequestsProblem,
  UnprocessableProblem,
  UnauthorizedProblem,
  unwrap,
  ValidationProblem,
  withEtag,
  withRetries,
  type Problem,
  type TaskView,
} from '../../src/client.js';

type Answer = { status: number; body?: unknown; contentType?: string; headers?: Record<string, string> };

function fakeApi(answer: Answer | ((req: Request) => Answer)) {
  const seen: Request[] = [];
  const fetch = async (input: Request | string | URL): Promise<Response> => {
    const req = input instanceof Request ? input : new Request(input);
    seen.push(req);
    const a = typeof answer === 'function' ? answer(req) : answer;
    const headers = new Headers(a.headers);
    let body: string | null = null;
    if (a.body !== undefined) {
      body = typeof a.body === 'string' ? a.body : JSON.stringify(a.body);
      headers.set('Content-Type', a.contentType ?? 'application/json');
    }
    return new Response(body, { status: a.status, headers });
  };
  return { fetch, seen };
}

const problem = (status: number, extra: Partial<Problem> = {}): Answer => ({
  status,
  contentType: 'application/problem+json',
  body: {
    type: `https://duban.zhuzhou.gov.cn/problems/p${status}`,
    title: `标题 ${status}`,
    status,
    detail: `详情 ${status}`,
    instance: '/api/v1/tasks/42',
    ...extra,
  },
});

const audit = { createdAt: '2026-11-01T09:00:00+08:00', createdBy: 'office', updatedAt: '2026-11-02T09:00:00+08:00', updatedBy: 'office' };
const task: TaskView = {
  id: 42,
  planId: 1,
  code: 'N6',
  kind: 'NEAR_TERM',
  title: '启动全国区域性物流枢纽工程建设',
  status: 'IN_PROGRESS',
  progressPercent: 40,
  derivedStatus: 'IN_PROGRESS',
  derivedProgressPercent: 40,
  light: { color: 'GREEN', expectedPercent: 40, reportedPercent: 40, daysToDeadline: 30, reason: '按序时进度推进' },
  version: 3,
  audit,
};

describe('createDubanClient', () => {
  test('sends the bearer token from getToken and returns the typed body', async () => {
    const api = fakeApi({ status: 200, body: task });
    const client = createDubanClient({ baseUrl: 'http://duban.test/', getToken: async () => 'tok-123', fetch: api.fetch });
    const { data } = await client.GET('/api/v1/tasks/{id}', { params: { path: { id: 42 } } });
    assert.equal(data?.code, 'N6');
    assert.equal(api.seen.length, 1);
    assert.equal(api.seen[0]?.url, 'http://duban.test/api/v1/tasks/42');
    assert.equal(api.seen[0]?.headers.get('Authorization'), 'Bearer tok-123');
  });

  test('sends no Authorization header when getToken gives nothing', async () => {
    const api = fakeApi({ status: 200, body: [] });
    const client = createDubanClient({ baseUrl: 'http://duban.test', getToken: () => undefined, fetch: api.fetch });
    await client.GET('/api/v1/cities');
    assert.equal(api.seen[0]?.headers.has('Authorization'), false);
  });

  test('serialises paging and filters as query parameters, and JSON bodies', async () => {
    const api = fakeApi((req) => (req.method === 'GET' ? { status: 200, body: { items: [], page: 2, size: 50 } } : { status: 201, body: task }));
    const client = createDubanClient({ baseUrl: 'http://duban.test', getToken: () => 't', fetch: api.fetch });
    await client.GET('/api/v1/tasks', { params: { query: { page: 2, size: 50, unitId: 12, status: 'IN_PROGRESS' } } });
    const url = new URL(api.seen[0]!.url);
    assert.equal(url.pathname, '/api/v1/tasks');
    assert.deepEqual(Object.fromEntries(url.searchParams), { page: '2', size: '50', unitId: '12', status: 'IN_PROGRESS' });
    const created = await unwrap(client.POST('/api/v1/tasks', { body: { planId: 1, code: 'N99', kind: 'NEAR_TERM', title: '新任务' } }));
    assert.equal(created.id, 42);
    assert.equal(api.seen[1]?.method, 'POST');
    assert.equal(api.seen[1]?.headers.get('Content-Type'), 'application/json');
    assert.deepEqual(await api.seen[1]?.json(), { planId: 1, code: 'N99', kind: 'NEAR_TERM', title: '新任务' });
  });

  test('a 204 resolves without data', async () => {
    const api = fakeApi({ status: 204 });
    const client = createDubanClient({ baseUrl: 'http://duban.test', getToken: () => 't', fetch: api.fetch });
    const { data, response } = await client.DELETE('/api/v1/tasks/{id}', { params: { path: { id: 42 } } });
    assert.equal(response.status, 204);
    assert.equal(data, undefined);
  });
});

describe('problem+json becomes a thrown ProblemError', () => {
  const cases: Array<[number, string, new (...args: never[]) => ProblemError]> = [
    [400, 'validation', ValidationProblem],
    [401, 'unauthorized', UnauthorizedProblem],
    [403, 'forbidden', ForbiddenProblem],
    [404, 'not-found', NotFoundProblem],
    [409, 'conflict', ConflictProblem],
    [503, 'unavailable', ServiceUnavailableProblem],
  ];
  for (const [status, kind, Class] of cases) {
    test(`${status} -> ${Class.name} (kind ${kind})`, async () => {
      const api = fakeApi(problem(status));
      const client = createDubanClient({ baseUrl: 'http://duban.test', getToken: () => 't', fetch: api.fetch });
      await assert.rejects(client.GET('/api/v1/tasks/{id}', { params: { path: { id: 42 } } }), (e: unknown) => {
        assert.ok(e instanceof Class, `expected ${Class.name}, got ${String(e)}`);
        assert.ok(e instanceof ProblemError);
        assert.ok(e instanceof Error);
        assert.equal(e.kind, kind);
        assert.equal(e.status, status);
        assert.equal(e.type, `https://duban.zhuzhou.gov.cn/problems/p${status}`);
        assert.equal(e.title, `标题 ${status}`);
        assert.equal(e.detail, `详情 ${status}`);
        assert.equal(e.instance, '/api/v1/tasks/42');
        assert.deepEqual(e.violations, []);
        assert.equal(e.isProblemJson, true);
        assert.equal(e.name, Class.name);
        assert.match(e.request, /^GET http:\/\/duban\.test\/api\/v1\/tasks\/42$/);
        return true;
      });
    });
  }

  test('400 carries the violations', async () => {
    const violations = [
      { field: 'title', message: '不能为空' },
      { field: 'progressPercent', message: '不能大于100' },
    ];
    const api = fakeApi(problem(400, { violations }));
    const client = createDubanClient({ baseUrl: 'http://duban.test', getToken: () => 't', fetch: api.fetch });
    const err = await client
      .PUT('/api/v1/tasks/{id}', { params: { path: { id: 42 }, header: { 'If-Match': '"0"' } }, body: { title: '', status: 'IN_PROGRESS', progressPercent: 101 } })
      .then(() => assert.fail('should throw'), (e: unknown) => e);
    assert.ok(err instanceof ValidationProblem);
    assert.deepEqual(err.violations, violations);
    assert.deepEqual(err.toProblem().violations, violations);
  });

  test('503 exposes Retry-After', async () => {
    const api = fakeApi({ ...problem(503), headers: { 'Retry-After': '5' } });
    const client = createDubanClient({ baseUrl: 'http://duban.test', getToken: () => 't', fetch: api.fetch });
    const err = await client.GET('/api/v1/cities').then(() => assert.fail('should throw'), (e: unknown) => e);
    assert.ok(err instanceof ServiceUnavailableProblem);
    assert.equal(err.retryAfterSeconds, 5);
  });

  test('another status (415) is a plain ProblemError of kind other', async () => {
    const api = fakeApi(problem(415));
    const client = createDubanClient({ baseUrl: 'http://duban.test', getToken: () => 't', fetch: api.fetch });
    const err = await client.POST('/api/v1/units', { body: { code: 'ZZ-X', name: 'x', kind: 'DEPARTMENT', cityCode: 'ZZ' } }).then(
      () => assert.fail('should throw'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof ProblemError);
    assert.equal(err.constructor, ProblemError);
    assert.equal(err.kind, 'other');
    assert.equal(err.status, 415);
  });

  test('a non-problem error answer still throws, marked isProblemJson=false', async () => {
    const api = fakeApi({ status: 502, contentType: 'text/html', body: '<html>Bad Gateway</html>' });
    const client = createDubanClient({ baseUrl: 'http://duban.test', getToken: () => 't', fetch: api.fetch });
    const err = await client.GET('/api/v1/cities').then(() => assert.fail('should throw'), (e: unknown) => e);
    assert.ok(err instanceof ProblemError);
    assert.equal(err.isProblemJson, false);
    assert.equal(err.kind, 'other');
    assert.equal(err.type, 'about:blank');
    assert.equal(err.status, 502);
    assert.equal(err.detail, '<html>Bad Gateway</html>');
  });

  test('a 401 without a body maps by status', async () => {
    const api = fakeApi({ status: 401, headers: { 'WWW-Authenticate': 'Bearer' } });
    const client = createDubanClient({ baseUrl: 'http://duban.test', getToken: () => 'forged', fetch: api.fetch });
    const err = await client.GET('/api/v1/tasks').then(() => assert.fail('should throw'), (e: unknown) => e);
    assert.ok(err instanceof UnauthorizedProblem);
    assert.equal(err.isProblemJson, false);
  });
});

describe('taskUpdateFrom', () => {
  test('maps a TaskView onto the full-replacement body, changes on top', () => {
    const view: TaskView = {
      id: 14,
      planId: 1,
      code: 'N6',
      kind: 'NEAR_TERM',
      title: '旧标题',
      description: null as unknown as string, // what the service sends today for an empty field
      leadClause: '由株洲市发改委牵头',
      area: { id: 2, code: 'A2', name: '交通共建', sortOrder: 2 },
      crossCityLead: {
        city: { code: 'ZZ', name: '株洲市' },
        units: [
          { id: 31, code: 'ZZ-DRC', name: '株洲市发展和改革委员会', cityCode: 'ZZ' },
          { id: 32, code: 'ZZ-TRANS', name: '株洲市交通运输局', cityCode: 'ZZ' },
        ],
      },
      responsibleUnits: [{ unit: { id: 12, code: 'ZZ-EDU', name: '株洲市教育局', cityCode: 'ZZ' }, role: 'MAIN' }],
      deadline: '2019-12-31',
      startDate: '2019-03-20',
      weight: 2,
      milestones: [{ title: '纳入规划', dueDate: '2019-12-31', completedOn: null as unknown as string, plannedPercent: 60 }],
      status: 'IN_PROGRESS',
      progressPercent: 40,
      derivedStatus: 'IN_PROGRESS',
      derivedProgressPercent: 40,
      light: { color: 'RED', expectedPercent: 100, reportedPercent: 40, daysToDeadline: -30, reason: '已逾期30天' },
      version: 3,
      audit,
    };
    assert.deepEqual(taskUpdateFrom(view, { title: '新标题', progressPercent: 60 }), {
      title: '新标题',
      leadClause: '由株洲市发改委牵头',
      areaId: 2,
      crossCityLead: { cityCode: 'ZZ', unitIds: [31, 32] },
      responsibleUnits: [{ unitId: 12, role: 'MAIN' }],
      deadline: '2019-12-31',
      startDate: '2019-03-20',
      weight: 2,
      milestones: [{ title: '纳入规划', dueDate: '2019-12-31', plannedPercent: 60 }],
      status: 'IN_PROGRESS',
      progressPercent: 60,
      version: 3,
    });
  });
});

describe('safe retries', () => {
  test('a 412 names the current tag; 422, 428 and 429 have their own classes', async () => {
    const cases: [number, new (...args: never[]) => ProblemError][] = [
      [412, PreconditionFailedProblem],
      [422, UnprocessableProblem],
      [428, PreconditionRequiredProblem],
      [429, TooManyRequestsProblem],
    ];
    for (const [status, Class] of cases) {
      const { fetch } = fakeApi({ ...problem(status, status === 412 ? { currentEtag: '"4"' } : {}), headers: { 'Retry-After': '7' } });
      const api = createDubanClient({ baseUrl: 'http://duban.test', fetch });
      const error = await api.GET('/api/v1/tasks/{id}', { params: { path: { id: 42 } } }).then(
        () => assert.fail('should throw'),
        (e: unknown) => e,
      );
      assert.ok(error instanceof Class, `${status} is a ${Class.name}`);
      assert.equal((error as ProblemError).retryAfterSeconds, 7);
      if (status === 412) assert.equal((error as ProblemError).currentEtag, '"4"');
    }
  });

  test('a read gives its ETag, and a 304 is not an error', async () => {
    const { fetch, seen } = fakeApi((req) =>
      req.headers.get('If-None-Match') === '"3-abc"' ? { status: 304, headers: { ETag: '"3-abc"' } } : { status: 200, body: task, headers: { ETag: '"3-abc"' } },
    );
    const api = createDubanClient({ baseUrl: 'http://duban.test', fetch });
    const { data, etag } = await withEtag(api.GET('/api/v1/tasks/{id}', { params: { path: { id: 42 } } }));
    assert.equal(data.id, 42);
    assert.equal(etag, '"3-abc"');
    const again = await api.GET('/api/v1/tasks/{id}', { params: { path: { id: 42 }, header: { 'If-None-Match': etag } } });
    assert.equal(again.response.status, 304);
    assert.equal(seen[1]?.headers.get('If-None-Match'), '"3-abc"');
  });

  test('a POST is retried with the same key after a 429 and an in-progress 409, waiting Retry-After', async () => {
    const answers: Answer[] = [
      { ...problem(429), headers: { 'Retry-After': '2' } },
      problem(409, { type: 'https://duban.zhuzhou.gov.cn/problems/idempotency-in-progress' }),
      { status: 200, body: task },
    ];
    const { fetch, seen } = fakeApi(() => answers.shift() ?? assert.fail('one call too many'));
    const api = createDubanClient({ baseUrl: 'http://duban.test', fetch });
    const waits: number[] = [];
    const key = newIdempotencyKey();
    assert.match(key, /^"[0-9a-f-]{36}"$/);
    const body = { status: 'IN_PROGRESS' as const, progressPercent: 30, version: 3 };
    const done = await withRetries(
      () => unwrap(api.POST('/api/v1/tasks/{id}/progress', { params: { path: { id: 42 }, header: { 'Idempotency-Key': key } }, body })),
      { sleep: async (ms) => void waits.push(ms) },
    );
    assert.equal(done.id, 42);
    assert.deepEqual(seen.map((r) => r.headers.get('Idempotency-Key')), [key, key, key]);
    assert.deepEqual(waits, [2000, 2000]);
  });

  test('a final answer is not retried', async () => {
    const { fetch, seen } = fakeApi(problem(409, { type: 'https://duban.zhuzhou.gov.cn/problems/illegal-transition' }));
    const api = createDubanClient({ baseUrl: 'http://duban.test', fetch });
    await assert.rejects(
      withRetries(() => unwrap(api.GET('/api/v1/tasks/{id}', { params: { path: { id: 42 } } })), { sleep: async () => undefined }),
      ConflictProblem,
    );
    assert.equal(seen.length, 1);
  });
});
