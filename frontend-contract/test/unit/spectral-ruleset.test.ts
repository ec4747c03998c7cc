// openapi/.spectral.yaml: each of our rules fires on a document made to break it, and stays quiet on a
// document that follows it (so a rule cannot silently stop working).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const ruleset = fileURLToPath(new URL('../../../openapi/.spectral.yaml', import.meta.url));
const spectral = join(root, 'node_modules', '.bin', 'spectral');
const dir = mkdtempSync(join(tmpdir(), 'spectral-ruleset-'));
after(() => rmSync(dir, { recursive: true, force: true }));

type Finding = { code: string; path: string[]; severity: number };

function lint(name: string, doc: unknown): Finding[] {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc, null, 2));
  const r = spawnSync(spectral, ['lint', file, '--ruleset', ruleset, '-f', 'json', '--quiet'], { encoding: 'utf8' });
  assert.ok(r.stdout.trim().startsWith('['), `spectral did not answer JSON: ${r.stdout}${r.stderr}`);
  return JSON.parse(r.stdout) as Finding[];
}

const ok4xx = { '400': { description: 'bad' } };

function op(operationId: string, extra: Record<string, unknown> = {}) {
  return {
    operationId,
    description: 'd',
    tags: ['T'],
    responses: { '200': { description: 'ok' }, ...ok4xx },
    ...extra,
  };
}

const info = { title: 't', version: '1', description: 'd', contact: { name: 'c' } };
const tags = [{ name: 'T', description: 't' }];
const ours = (f: Finding[]) => f.filter((x) => x.code.startsWith('duban-'));
const at = (f: Finding[], code: string) => f.filter((x) => x.code === code).map((x) => x.path.join('.'));

describe('openapi/.spectral.yaml', () => {
  test('a document that follows our rules gets no finding from them', () => {
    const findings = lint('good.json', {
      openapi: '3.1.0',
      info,
      tags,
      paths: {
        '/api/v1/units': {
          get: op('listUnits', {
            parameters: [
              { name: 'page', in: 'query', schema: { type: 'integer' } },
              { name: 'size', in: 'query', schema: { type: 'integer' } },
            ],
          }),
          post: op('createUnit', {
            requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/UnitCreateRequest' } } } },
          }),
        },
        '/api/v1/tasks/{id}/progress': { get: op('listTaskProgress', { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }] }) },
        '/api/v1/plans/{id}/tree': { get: op('getPlanTree', { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }] }) },
        '/api/v1/people': { get: op('listPeople', { responses: { '200': { description: 'ok' }, '4XX': { description: 'x' } } }) },
        '/api/v1/positions/{id}/handover': {
          post: op('handOverPosition', { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'integer' } }] }),
        },
      },
      components: { schemas: { UnitCreateRequest: { type: 'object' } } },
    });
    assert.deepEqual(ours(findings), []);
  });

  test('each rule fires where it should', () => {
    const findings = lint('bad.json', {
      openapi: '3.1.0',
      info,
      tags,
      paths: {
        '/api/v1/unit': {
          get: op('list_units', {
            responses: { '200': { description: 'ok' }, '500': { description: 'x' } },
            parameters: [
              { name: 'page', in: 'query', schema: { type: 'integer' } },
              { name: 'pageSize', in: 'query', schema: { type: 'integer' } },
              { name: 'offset', in: 'query', schema: { type: 'integer' } },
            ],
          }),
        },
        '/api/v1/tasks/{id}/address': {
          post: op('CreateAddress', {
            parameters: [
              { name: 'id', in: 'path', required: true, schema: { type: 'integer' } },
              { name: 'limit', in: 'query', schema: { type: 'integer' } },
              { name: 'perPage', in: 'query', schema: { type: 'integer' } },
            ],
            requestBody: { content: { 'application/json': { schema: { type: 'object', properties: { a: { type: 'string' } } } } } },
          }),
        },
      },
    });
    const found = ours(findings);
    assert.deepEqual(at(found, 'duban-operation-id-camel-case'), ['paths./api/v1/unit.get.operationId', 'paths./api/v1/tasks/{id}/address.post.operationId']);
    assert.deepEqual(at(found, 'duban-paths-plural-collections'), ['paths./api/v1/unit', 'paths./api/v1/tasks/{id}/address']);
    assert.deepEqual(at(found, 'duban-operation-4xx-response'), ['paths./api/v1/unit.get.responses']);
    assert.deepEqual(at(found, 'duban-paging-parameter-names'), [
      'paths./api/v1/unit.get.parameters.1.name',
      'paths./api/v1/unit.get.parameters.2.name',
      'paths./api/v1/tasks/{id}/address.post.parameters.1.name',
      'paths./api/v1/tasks/{id}/address.post.parameters.2.name',
    ]);
    assert.deepEqual(at(found, 'duban-paging-parameters-together'), ['paths./api/v1/unit.get.parameters']);
    assert.deepEqual(at(found, 'duban-request-body-schema-ref'), ['paths./api/v1/tasks/{id}/address.post.requestBody.content.application/json.schema']);
    assert.ok(found.every((f) => f.severity === 0), 'our rules are errors');
  });

  test('servers are deliberately not required', () => {
    const findings = lint('no-servers.json', { openapi: '3.1.0', info, tags, paths: {} });
    assert.deepEqual(at(findings, 'oas3-api-servers'), []);
  });
});
