// Hand-written: the typed Duban client. The types come from ./generated/schema.d.ts (npm run generate);
// never edit that file, edit the Java code and regenerate openapi/openapi.yaml instead.
import createClient, { type Client, type ClientOptions, type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/schema.js';
import type { MilestoneRequest, Problem, TaskUpdateRequest, TaskView, Violation } from './generated/schemas.js';

export type { components, operations, paths } from './generated/schema.js';

// ---- schema types ------------------------------------------------------------------------------------------
// One alias per component schema, generated into ./generated/schemas.ts (npm run generate; check:generated fails
// when it misses one), so the SPA writes `TaskView` rather than components['schemas']['TaskView'].
// A schema that disappears from the contract makes `npm run typecheck` fail where it is used.
export type Schemas = components['schemas'];
export type * from './generated/schemas.js';

// ---- request helpers ----------------------------------------------------------------------------------------

/**
 * updateTask is a full replacement, and its body is shaped differently from the TaskView it replaces
 * (area -> areaId, crossCityLead.{city,units} -> {cityCode, unitIds}, responsibleUnits[].unit -> unitId).
 * This builds the body from the view you read, with your changes on top, so nothing is cleared by accident.
 */
export function taskUpdateFrom(view: TaskView, changes: Partial<TaskUpdateRequest> = {}): TaskUpdateRequest {
  const lead = view.crossCityLead;
  const body: TaskUpdateRequest = {
    title: view.title ?? '',
    status: view.status ?? 'NOT_STARTED',
    progressPercent: view.progressPercent ?? 0,
    version: view.version ?? 0,
  };
  if (view.description != null) body.description = view.description;
  if (view.leadClause != null) body.leadClause = view.leadClause;
  if (view.area?.id != null) body.areaId = view.area.id;
  if (lead?.city?.code != null) {
    body.crossCityLead = { cityCode: lead.city.code, unitIds: (lead.units ?? []).flatMap((u) => (u.id == null ? [] : [u.id])) };
  }
  body.responsibleUnits = (view.responsibleUnits ?? []).flatMap((r) =>
    r.unit?.id == null || r.role == null ? [] : [{ unitId: r.unit.id, role: r.role }],
  );
  if (view.deadline != null) body.deadline = view.deadline;
  if (view.startDate != null) body.startDate = view.startDate;
  if (view.weight != null) body.weight = view.weight;
  body.milestones = (view.milestones ?? []).flatMap((m) => {
    if (m.title == null) return [];
    const out: MilestoneRequest = { title: m.title };
    if (m.dueDate != null) out.dueDate = m.dueDate;
    if (m.completedOn != null) out.completedOn = m.completedOn;
    if (m.plannedPercent != null) out.plannedPercent = m.plannedPercent;
    return [out];
  });
  return { ...body, ...changes };
}

// ---- problems ----------------------------------------------------------------------------------------------

/** What went wrong, by HTTP status: 400 validation, 401, 403, 404, 409, 412, 422, 428, 429, 503; anything else is `other`. */
export type ProblemKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'unprocessable'
  | 'precondition-required'
  | 'too-many-requests'
  | 'unavailable'
  | 'other';

const KIND_BY_STATUS: Record<number, ProblemKind> = {
  400: 'validation',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  412: 'precondition-failed',
  422: 'unprocessable',
  428: 'precondition-required',
  429: 'too-many-requests',
  503: 'unavailable',
};

/**
 * A non-2xx answer of the API, thrown by every call of a client made with createDubanClient. The fields are the
 * RFC 9457 problem document the service sends (application/problem+json). Catch the subclass you care about
 * (`e instanceof ConflictProblem`) or switch on `e.kind`.
 */
export class ProblemError extends Error {
  readonly kind: ProblemKind;
  /** Stable URI of the kind of problem, e.g. https://duban.zhuzhou.gov.cn/problems/not-found; `about:blank` if none. */
  readonly type: string;
  /** Short summary (zh-CN). */
  readonly title: string;
  /** HTTP status of the response (the body's `status` when it disagrees is ignored). */
  readonly status: number;
  /** Explanation of this occurrence (zh-CN). */
  readonly detail: string | undefined;
  /** The request path that produced the problem. */
  readonly instance: string | undefined;
  /** For validation problems: each rejected field and why; otherwise empty. */
  readonly violations: Violation[];
  /** Whether the response really was application/problem+json (false: an error answer of some other shape). */
  readonly isProblemJson: boolean;
  /** `METHOD url` of the request that failed. */
  readonly request: string;
  /** Seconds from Retry-After (sent with 429 and 503), if any. */
  readonly retryAfterSeconds: number | undefined;
  /** For 412: the resource's current entity tag (read the resource again, then send its ETag as If-Match). */
  readonly currentEtag: string | undefined;

  constructor(init: {
    status: number;
    problem: Partial<Problem>;
    isProblemJson: boolean;
    request: string;
    retryAfterSeconds?: number | undefined;
    statusText?: string;
  }) {
    const { status, problem } = init;
    const title = problem.title ?? (init.statusText || `HTTP ${status}`);
    super(`${status} ${title}${problem.detail ? `: ${problem.detail}` : ''} (${init.request})`);
    this.name = new.target.name;
    this.kind = KIND_BY_STATUS[status] ?? 'other';
    this.type = problem.type ?? 'about:blank';
    this.title = title;
    this.status = status;
    this.detail = problem.detail;
    this.instance = problem.instance;
    this.violations = Array.isArray(problem.violations) ? problem.violations : [];
    this.isProblemJson = init.isProblemJson;
    this.request = init.request;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.currentEtag = problem.currentEtag;
  }

  /** The RFC 9457 document (what the service sent, or what stands in for it). */
  toProblem(): Problem {
    const p: Problem = { type: this.type, title: this.title, status: this.status };
    if (this.detail !== undefined) p.detail = this.detail;
    if (this.instance !== undefined) p.instance = this.instance;
    if (this.violations.length) p.violations = this.violations;
    if (this.currentEtag !== undefined) p.currentEtag = this.currentEtag;
    return p;
  }
}

/** 400: the request was refused as invalid; `violations` names each field. */
export class ValidationProblem extends ProblemError {}
/** 401: no token, or an expired, forged or foreign one. Sign in again. */
export class UnauthorizedProblem extends ProblemError {}
/** 403: the caller's role, unit or city may not do this. Nothing was changed. */
export class ForbiddenProblem extends ProblemError {}
/** 404: no such resource (or one this caller may not see). */
export class NotFoundProblem extends ProblemError {}
/**
 * 409: a duplicate, a stale `version` on a POST transition, a resource still in use, or (type
 * …/idempotency-in-progress) the first request with the same Idempotency-Key still running: retry with the same key.
 */
export class ConflictProblem extends ProblemError {}
/** 412: the If-Match sent is not the current version (someone else saved first): reload, re-apply, send the new ETag. */
export class PreconditionFailedProblem extends ProblemError {}
/** 422: the Idempotency-Key was already used for another request; a new request needs a new key. */
export class UnprocessableProblem extends ProblemError {}
/** 428: an edit (PUT) without If-Match. */
export class PreconditionRequiredProblem extends ProblemError {}
/** 429: too many requests from this client; wait `retryAfterSeconds`. */
export class TooManyRequestsProblem extends ProblemError {}
/** 503: the database is unreachable; retry after `retryAfterSeconds`. */
export class ServiceUnavailableProblem extends ProblemError {}

const CLASS_BY_KIND: Record<ProblemKind, new (init: ConstructorParameters<typeof ProblemError>[0]) => ProblemError> = {
  validation: ValidationProblem,
  unauthorized: UnauthorizedProblem,
  forbidden: ForbiddenProblem,
  'not-found': NotFoundProblem,
  conflict: ConflictProblem,
  'precondition-failed': PreconditionFailedProblem,
  unprocessable: UnprocessableProblem,
  'precondition-required': PreconditionRequiredProblem,
  'too-many-requests': TooManyRequestsProblem,
  unavailable: ServiceUnavailableProblem,
  other: ProblemError,
};

/** Builds the ProblemError for a non-2xx response (reads a clone of its body). */
export async function problemFromResponse(response: Response, request?: Request): Promise<ProblemError> {
  const contentType = response.headers.get('Content-Type') ?? '';
  const isProblemJson = /^application\/problem\+json\b/i.test(contentType.trim());
  let problem: Partial<Problem> = {};
  const text = await response.clone().text().catch(() => '');
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) problem = parsed as Partial<Problem>;
    } catch {
      problem = { detail: text.length > 500 ? `${text.slice(0, 500)}…` : text };
    }
  }
  const retryAfter = response.headers.get('Retry-After');
  const seconds = retryAfter !== null && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter.trim()) : undefined;
  const kind = KIND_BY_STATUS[response.status] ?? 'other';
  const Class = CLASS_BY_KIND[kind];
  return new Class({
    status: response.status,
    problem,
    isProblemJson,
    request: request ? `${request.method} ${request.url}` : response.url,
    retryAfterSeconds: seconds,
    statusText: response.statusText,
  });
}

// ---- the client --------------------------------------------------------------------------------------------

/** Returns the access token to send, or nothing for an anonymous call. Called before every request. */
export type TokenSource = () => string | null | undefined | Promise<string | null | undefined>;

export interface DubanClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Origin of the service, e.g. http://127.0.0.1:8080 (the paths already start with /api/v1). */
  baseUrl: string;
  /** Where the bearer token comes from (Keycloak: keycloak-js in the SPA, src/auth.ts in tests). */
  getToken?: TokenSource;
}

export type DubanClient = Client<paths, 'application/json'>;

/** The middleware createDubanClient installs: bearer token in, ProblemError out (304 passes). Exported for custom clients. */
export function dubanMiddleware(getToken?: TokenSource): Middleware {
  return {
    async onRequest({ request }) {
      const token = getToken ? await getToken() : undefined;
      if (token) request.headers.set('Authorization', `Bearer ${token}`);
      if (!request.headers.has('Accept')) request.headers.set('Accept', 'application/json, application/problem+json');
      return request;
    },
    async onResponse({ request, response }) {
      // 304 answers an If-None-Match whose ETag is current: not an error, and without a body.
      if (!response.ok && response.status !== 304) throw await problemFromResponse(response, request);
      return undefined;
    },
  };
}

/**
 * A typed client for the Duban API (openapi-fetch over the committed contract). Every call either resolves
 * with `{ data, response }` for a 2xx answer or throws a ProblemError (a subclass per status); it never
 * resolves with `error`.
 *
 *   const api = createDubanClient({ baseUrl: 'http://127.0.0.1:8080', getToken: () => keycloak.token });
 *   const task = await unwrap(api.GET('/api/v1/tasks/{id}', { params: { path: { id: 14 } } }));
 */
export function createDubanClient(options: DubanClientOptions): DubanClient {
  const { getToken, ...clientOptions } = options;
  const client = createClient<paths>(clientOptions);
  client.use(dubanMiddleware(getToken));
  return client;
}

/**
 * The body of a successful call, typed: `const unit = await unwrap(api.GET('/api/v1/units/{id}', ...))`.
 * Throws when the call answered without a body (use it only on operations that return one).
 */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<NonNullable<T>> {
  const { data, error, response } = await call;
  if (error !== undefined) {
    // Unreachable with createDubanClient (its middleware throws first); kept for clients without it.
    throw await problemFromResponse(response);
  }
  if (data === undefined || data === null) {
    throw new Error(`${response.status} answer without a body from ${response.url}`);
  }
  return data as NonNullable<T>;
}

// ---- safe retries ------------------------------------------------------------------------------------------

/**
 * A new Idempotency-Key header value (a Structured Field string around a random UUID). Make one per new request and
 * send the same one with every retry of that request:
 *
 *   const key = newIdempotencyKey();
 *   await withRetries(() => unwrap(api.POST('/api/v1/tasks/{id}/progress', { params: { path: { id }, header: { 'Idempotency-Key': key } }, body })));
 */
export function newIdempotencyKey(): string {
  return `"${globalThis.crypto.randomUUID()}"`;
}

/** The ETag of an answer (a read or an edit of one resource), to send as If-Match or If-None-Match. */
export function etagOf(response: Response): string {
  const tag = response.headers.get('ETag');
  if (!tag) throw new Error(`answer without an ETag from ${response.url}`);
  return tag;
}

/** The body of a successful call and its ETag: `const { data: task, etag } = await withEtag(api.GET('/api/v1/tasks/{id}', ...))`. */
export async function withEtag<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<{ data: NonNullable<T>; etag: string }> {
  const answer = await call;
  const data = await unwrap(Promise.resolve(answer));
  return { data, etag: etagOf(answer.response) };
}

/** Whether a failure may be retried as it is: the network, a 5xx, a 429, or a 409 for a key still in progress. */
export function isRetryable(e: unknown): boolean {
  if (!(e instanceof ProblemError)) return e instanceof TypeError; // fetch's network failure
  if (e.status >= 500 || e.status === 429) return true;
  return e.status === 409 && e.type.endsWith('/idempotency-in-progress');
}

export interface RetryOptions {
  /** Attempts in all, the first included (default 5). */
  attempts?: number;
  /** Wait before attempt n+1 when the answer names no Retry-After, in ms (default 1 s, 2 s, 4 s … at most 60 s). */
  backoffMs?: (attempt: number) => number;
  /** How to wait (tests pass a fake). */
  sleep?: (ms: number) => Promise<void>;
}

/**
 * Calls `send` until it succeeds, retrying what `isRetryable` allows and waiting Retry-After when the answer gives one.
 * Only for calls that are safe to repeat: a POST with the same Idempotency-Key, a GET, or a PUT with If-Match.
 */
export async function withRetries<T>(send: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 5;
  const backoff = options.backoffMs ?? ((n: number) => Math.min(60_000, 1000 * 2 ** (n - 1)));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (e) {
      if (attempt >= attempts || !isRetryable(e)) throw e;
      const named = e instanceof ProblemError ? e.retryAfterSeconds : undefined;
      await sleep(named !== undefined ? named * 1000 : backoff(attempt));
    }
  }
}
