#!/usr/bin/env node
// Writes fixtures/<operationId>.<status>.json: one example response body per operation and status of
// ../openapi/openapi.yaml, plus fixtures/index.json (operationId -> method, path, status -> file).
//
// The body is the response's own example when the contract has one (content.example, or the first of
// content.examples); otherwise it is composed from the schema: a schema's own example, else each property's
// example (`examples[0]`/`example`, then `default`, then the first enum value), recursively, with arrays of one
// item. Responses without a body (204) get no file. Deterministic: same contract, same bytes.
//
//   node scripts/fixtures.mjs           write (and delete fixtures/*.json that no longer belong)
//   node scripts/fixtures.mjs --check   fail (exit 1) when fixtures/ differs from what the contract gives
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const specPath = join(root, '..', 'openapi', 'openapi.yaml');
const outDir = join(root, 'fixtures');
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'];
const MEDIA_PREFERENCE = ['application/json', 'application/problem+json'];

function pointer(doc, ref) {
  if (!ref.startsWith('#/')) throw new Error(`only local $refs are supported: ${ref}`);
  let node = doc;
  for (const raw of ref.slice(2).split('/')) node = node?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (node === undefined) throw new Error(`unresolvable $ref ${ref}`);
  return node;
}

/** $ref target with the sibling keywords (OAS 3.1) laid over it. */
function deref(doc, node) {
  let current = node;
  const seen = new Set();
  while (current && typeof current === 'object' && typeof current.$ref === 'string') {
    if (seen.has(current.$ref)) throw new Error(`circular $ref ${current.$ref}`);
    seen.add(current.$ref);
    const { $ref, ...siblings } = current;
    current = { ...deref(doc, pointer(doc, $ref)), ...siblings };
  }
  return current ?? {};
}

function ownExample(schema) {
  if (Array.isArray(schema.examples) && schema.examples.length) return { found: true, value: schema.examples[0] };
  if (schema.example !== undefined) return { found: true, value: schema.example };
  if (schema.const !== undefined) return { found: true, value: schema.const };
  if (schema.default !== undefined) return { found: true, value: schema.default };
  if (Array.isArray(schema.enum) && schema.enum.length) return { found: true, value: schema.enum[0] };
  return { found: false };
}

const FALLBACK_STRING = {
  date: '2019-03-20',
  'date-time': '2019-03-20T09:00:00+08:00',
  time: '09:00:00',
  uri: 'https://duban.zhuzhou.gov.cn/',
  email: 'office@example.invalid',
  uuid: '00000000-0000-4000-8000-000000000000',
};

const CYCLE = Symbol('cycle');

/** Composes an example value for a schema; returns CYCLE when the schema recurses into itself. */
function sample(doc, raw, stack = []) {
  if (raw && typeof raw.$ref === 'string') {
    if (stack.includes(raw.$ref)) return CYCLE;
    stack = [...stack, raw.$ref];
  }
  const schema = deref(doc, raw);
  const own = ownExample(schema);
  if (own.found) return own.value;
  if (Array.isArray(schema.allOf)) {
    const merged = {};
    for (const part of schema.allOf) {
      const v = sample(doc, part, stack);
      if (v && typeof v === 'object' && !Array.isArray(v)) Object.assign(merged, v);
    }
    return merged;
  }
  for (const k of ['oneOf', 'anyOf']) {
    if (Array.isArray(schema[k]) && schema[k].length) {
      const first = schema[k].find((s) => deref(doc, s).type !== 'null') ?? schema[k][0];
      return sample(doc, first, stack);
    }
  }
  const types = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null') : [schema.type];
  const type = types[0] ?? (schema.properties ? 'object' : schema.items ? 'array' : undefined);
  switch (type) {
    case 'object': {
      const out = {};
      for (const [name, prop] of Object.entries(schema.properties ?? {})) {
        if (deref(doc, prop).writeOnly === true) continue;
        const v = sample(doc, prop, stack);
        if (v !== CYCLE && v !== undefined) out[name] = v;
      }
      return out;
    }
    case 'array': {
      if (!schema.items) return [];
      const v = sample(doc, schema.items, stack);
      return v === CYCLE || v === undefined ? [] : [v];
    }
    case 'string':
      return FALLBACK_STRING[schema.format] ?? 'string';
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'null':
      return null;
    default:
      return undefined;
  }
}

function mediaExample(doc, media) {
  if (media.example !== undefined) return { found: true, value: media.example };
  if (media.examples && typeof media.examples === 'object') {
    const first = Object.values(media.examples)[0];
    if (first !== undefined) {
      const ex = deref(doc, first);
      if (ex.value !== undefined) return { found: true, value: ex.value };
    }
  }
  return { found: false };
}

export function buildFixtures(doc) {
  const files = new Map();
  const index = {};
  for (const [path, rawItem] of Object.entries(doc.paths ?? {})) {
    const item = deref(doc, rawItem);
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId) throw new Error(`${method.toUpperCase()} ${path} has no operationId`);
      const entry = { method: method.toUpperCase(), path, responses: {} };
      const statuses = Object.keys(op.responses ?? {}).sort();
      for (const status of statuses) {
        const response = deref(doc, op.responses[status]);
        const content = response.content ?? {};
        const mediaType = MEDIA_PREFERENCE.find((m) => content[m]) ?? Object.keys(content)[0];
        if (!mediaType) continue; // no body (204)
        const media = content[mediaType];
        const whole = mediaExample(doc, media);
        const body = whole.found ? whole.value : media.schema ? sample(doc, media.schema) : undefined;
        if (body === undefined || body === CYCLE) continue;
        const file = `${op.operationId}.${status}.json`;
        if (files.has(file)) throw new Error(`two responses map to fixtures/${file}`);
        files.set(file, `${JSON.stringify(body, null, 2)}\n`);
        entry.responses[status] = { file, contentType: mediaType, source: whole.found ? 'example' : 'schema' };
      }
      index[op.operationId] = entry;
    }
  }
  const sortedIndex = Object.fromEntries(Object.keys(index).sort().map((k) => [k, index[k]]));
  files.set('index.json', `${JSON.stringify(sortedIndex, null, 2)}\n`);
  return files;
}

function main() {
  const check = process.argv.includes('--check');
  const doc = YAML.parse(readFileSync(specPath, 'utf8'), { maxAliasCount: -1 });
  const wanted = buildFixtures(doc);
  const present = existsSync(outDir) ? readdirSync(outDir).filter((f) => f.endsWith('.json')) : [];
  const stale = present.filter((f) => !wanted.has(f));
  const changed = [...wanted].filter(([f, text]) => !existsSync(join(outDir, f)) || readFileSync(join(outDir, f), 'utf8') !== text).map(([f]) => f);

  if (check) {
    if (stale.length || changed.length) {
      for (const f of changed) console.error(`fixtures/${f}: ${present.includes(f) ? 'differs from' : 'missing for'} the contract`);
      for (const f of stale) console.error(`fixtures/${f}: no longer in the contract`);
      console.error(`check:fixtures: fixtures/ drifted from openapi/openapi.yaml (${changed.length + stale.length} file(s)); run \`npm run fixtures\` and commit`);
      process.exit(1);
    }
    console.log(`check:fixtures: fixtures/ matches openapi/openapi.yaml (${wanted.size} files)`);
    return;
  }
  mkdirSync(outDir, { recursive: true });
  for (const f of stale) rmSync(join(outDir, f));
  for (const f of changed) writeFileSync(join(outDir, f), wanted.get(f));
  console.log(`fixtures: ${wanted.size} files in fixtures/ (${changed.length} written, ${stale.length} removed)`);
}

main();
