// openapi/check-breaking.mjs on two in-memory documents, and its command line on two files.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { findBreakingChanges } from '../../../openapi/check-breaking.mjs';

const script = fileURLToPath(new URL('../../../openapi/check-breaking.mjs', import.meta.url));

const problem = { description: 'problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };

function baseDoc() {
  return {
    openapi: '3.1.0',
    info: { title: 't', version: '1' },
    paths: {
      '/api/v1/tasks': {
        get: {
          operationId: 'listTasks',
          parameters: [{ name: 'status', in: 'query', schema: { $ref: '#/components/schemas/TaskStatus' } }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/TaskPage' } } } }, '404': problem },
        },
        post: {
          operationId: 'createTask',
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/TaskCreateRequest' } } } },
          responses: { '201': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/TaskView' } } } } },
        },
      },
      '/api/v1/tasks/{id}': {
        get: {
          operationId: 'getTask',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }],
          responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/TaskView' } } } } },
        },
        delete: { operationId: 'deleteTask', responses: { '204': { description: 'gone' } } },
      },
    },
    components: {
      schemas: {
        TaskStatus: { type: 'string', enum: ['NOT_STARTED', 'IN_PROGRESS', 'COMPLETED'] },
        TaskView: {
          type: 'object',
          required: ['id'],
          properties: {
            id: { type: 'integer', format: 'int64', readOnly: true },
            code: { type: 'string' },
            status: { $ref: '#/components/schemas/TaskStatus' },
            progressPercent: { type: 'integer' },
            children: { type: 'array', items: { $ref: '#/components/schemas/TaskView' } },
          },
        },
        TaskPage: { type: 'object', properties: { items: { type: 'array', items: { $ref: '#/components/schemas/TaskView' } }, page: { type: 'integer' } } },
        TaskCreateRequest: {
          type: 'object',
          required: ['code'],
          properties: { code: { type: 'string' }, note: { type: 'string' }, status: { $ref: '#/components/schemas/TaskStatus' } },
        },
        Problem: { type: 'object', properties: { type: { type: 'string' }, status: { type: 'integer' } } },
      },
    },
  };
}

type Doc = ReturnType<typeof baseDoc>;
const clone = (d: Doc): Doc => structuredClone(d);

describe('findBreakingChanges', () => {
  test('the same document has no changes', () => {
    const { breaking, additive } = findBreakingChanges(baseDoc(), baseDoc());
    assert.deepEqual(breaking, []);
    assert.deepEqual(additive, []);
  });

  test('additive changes are not breaking', () => {
    const next = clone(baseDoc()) as Doc & { paths: Record<string, unknown> };
    next.components.schemas.TaskView.properties = { ...next.components.schemas.TaskView.properties, deadline: { type: 'string' } } as never;
    (next.components.schemas.TaskStatus.enum as string[]).push('SUSPENDED');
    (next.components.schemas.TaskCreateRequest.properties as Record<string, unknown>).deadline = { type: 'string' };
    next.paths['/api/v1/units'] = { get: { operationId: 'listUnits', responses: { '200': { description: 'ok' } } } };
    (next.paths['/api/v1/tasks']!.get.parameters as unknown[]).push({ name: 'q', in: 'query', schema: { type: 'string' } });
    // renaming a path parameter is invisible to clients
    next.paths['/api/v1/tasks/{taskId}'] = next.paths['/api/v1/tasks/{id}']!;
    delete (next.paths as Record<string, unknown>)['/api/v1/tasks/{id}'];
    const { breaking, additive } = findBreakingChanges(baseDoc(), next);
    assert.deepEqual(breaking, []);
    assert.ok(additive.some((a: string) => a.includes("new response field 'deadline'")), additive.join('\n'));
    assert.ok(additive.includes('new path /api/v1/units'));
  });

  test('every kind of breaking change is reported, $refs resolved', () => {
    const next = clone(baseDoc());
    const s = next.components.schemas;
    delete (s.TaskView.properties as Record<string, unknown>).code; // removed response field (via $ref, in two places)
    s.TaskView.properties.progressPercent = { type: 'string' } as never; // changed type
    s.TaskStatus.enum = ['NOT_STARTED', 'IN_PROGRESS']; // narrowed enum, in request and response
    s.TaskCreateRequest.required = ['code', 'note']; // field became required
    (s.TaskCreateRequest.properties as Record<string, unknown>).planId = { type: 'integer' };
    s.TaskCreateRequest.required.push('planId'); // new required field
    delete (next.paths['/api/v1/tasks/{id}'] as Record<string, unknown>).delete; // removed operation
    const { breaking } = findBreakingChanges(baseDoc(), next);
    const text = breaking.join('\n');
    const expect = [
      "GET /api/v1/tasks response 200 application/json: removed response field 'items[].code' (TaskView)",
      "GET /api/v1/tasks/{id} response 200 application/json: removed response field 'code' (TaskView)",
      "GET /api/v1/tasks/{id} response 200 application/json: field 'progressPercent' changed type integer -> string",
      'GET /api/v1/tasks query parameter \'status\': value (TaskStatus) enum narrowed, removed "COMPLETED"',
      "POST /api/v1/tasks request application/json: field 'status' (TaskStatus) enum narrowed, removed \"COMPLETED\"",
      "POST /api/v1/tasks response 201 application/json: field 'status' (TaskStatus) enum narrowed, removed \"COMPLETED\"",
      "POST /api/v1/tasks request application/json: request field 'note' (TaskCreateRequest) became required",
      "POST /api/v1/tasks request application/json: new required request field 'planId' (TaskCreateRequest)",
      'DELETE /api/v1/tasks/{id}: removed operation deleteTask',
    ];
    for (const line of expect) assert.ok(breaking.includes(line), `missing:\n  ${line}\nin:\n${text}`);
  });

  test('a removed path is breaking', () => {
    const next = clone(baseDoc());
    delete (next.paths as Record<string, unknown>)['/api/v1/tasks/{id}'];
    assert.deepEqual(findBreakingChanges(baseDoc(), next).breaking, ['removed path /api/v1/tasks/{id}']);
  });
});

describe('check-breaking.mjs command line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'check-breaking-'));
  const write = (name: string, doc: unknown) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify(doc)); // JSON is YAML
    return file;
  };
  const run = (a: string, b: string) => spawnSync(process.execPath, [script, a, b], { encoding: 'utf8' });

  test('exit 0 and one summary line for an additive change', () => {
    const next = clone(baseDoc());
    (next.components.schemas.TaskView.properties as Record<string, unknown>).deadline = { type: 'string' };
    const r = run(write('old.json', baseDoc()), write('new-additive.json', next));
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /^check-breaking: no breaking changes \(\d+ additive\)/);
    assert.equal(r.stdout.trim().split('\n').length, 1);
  });

  test('exit 1 and one line per breaking change', () => {
    const next = clone(baseDoc());
    delete (next.paths as Record<string, unknown>)['/api/v1/tasks/{id}'];
    const r = run(write('old.json', baseDoc()), write('new-breaking.json', next));
    assert.equal(r.status, 1, r.stderr);
    assert.match(r.stdout, /^BREAKING removed path \/api\/v1\/tasks\/\{id\}$/m);
  });

  test('exit 2 on a file that is not OpenAPI', () => {
    const r = run(write('old.json', baseDoc()), write('junk.json', { hello: 1 }));
    assert.equal(r.status, 2);
    rmSync(dir, { recursive: true, force: true });
  });
});
