#!/usr/bin/env node
// Breaking-change check for the Duban OpenAPI contract.
//
//   node openapi/check-breaking.mjs OLD.yaml NEW.yaml
//   git show origin/main:openapi/openapi.yaml | node openapi/check-breaking.mjs - openapi/openapi.yaml
//
// Prints one line per change that would break an existing client and exits 1 if there is any; otherwise prints
// one summary line (with a count of additive changes) and exits 0. Exit 2 on a usage or parse error.
//
// Breaking (for a client written against OLD):
//   - a removed path or operation (path parameter names do not matter: /tasks/{id} = /tasks/{taskId});
//   - a removed success (2xx) response status or response media type;
//   - a removed response field (property), or a response field that is no longer required;
//   - a new required request field, or a request field that became required (bodies and parameters);
//     a request body that became required; a removed request field or parameter (the service refuses
//     unknown body properties, and a dropped filter would be silently ignored);
//   - a narrowed enum (a value removed) in a request or a response; a new enum on a request value;
//   - a changed type or format (in a request: OLD's values no longer accepted; in a response: NEW may send
//     a type OLD did not declare, e.g. null);
// $refs are resolved within each document (#/components/...), recursive schemas are followed once.
//
// Needs the `yaml` package from frontend-contract/node_modules (`npm ci` there) only to read files; the
// comparison itself (findBreakingChanges) works on parsed documents and is what the unit test calls.
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Compares two parsed OpenAPI documents. Returns { breaking: string[], additive: string[] }. */
export function findBreakingChanges(oldDoc, newDoc) {
  const breaking = [];
  const additive = [];
  const oldPaths = indexPaths(oldDoc);
  const newPaths = indexPaths(newDoc);

  for (const [key, oldEntry] of oldPaths) {
    const newEntry = newPaths.get(key);
    if (!newEntry) {
      breaking.push(`removed path ${oldEntry.path}`);
      continue;
    }
    const oldItem = deref(oldDoc, oldEntry.item);
    const newItem = deref(newDoc, newEntry.item);
    for (const method of METHODS) {
      if (!oldItem[method]) continue;
      const op = `${method.toUpperCase()} ${oldEntry.path}`;
      if (!newItem[method]) {
        breaking.push(`${op}: removed operation${oldItem[method].operationId ? ` ${oldItem[method].operationId}` : ''}`);
        continue;
      }
      const ctx = { oldDoc, newDoc, breaking, additive, op };
      compareParameters(ctx, [...(oldItem.parameters ?? []), ...(oldItem[method].parameters ?? [])],
        [...(newItem.parameters ?? []), ...(newItem[method].parameters ?? [])]);
      compareRequestBody(ctx, oldItem[method].requestBody, newItem[method].requestBody);
      compareResponses(ctx, oldItem[method].responses ?? {}, newItem[method].responses ?? {});
    }
    for (const method of METHODS) {
      if (newItem[method] && !oldItem[method]) additive.push(`new operation ${method.toUpperCase()} ${newEntry.path}`);
    }
  }
  for (const [key, newEntry] of newPaths) {
    if (!oldPaths.has(key)) additive.push(`new path ${newEntry.path}`);
  }
  return { breaking, additive };
}

function indexPaths(doc) {
  const map = new Map();
  for (const [path, item] of Object.entries(doc?.paths ?? {})) {
    map.set(path.replace(/\{[^}]*\}/g, '{}'), { path, item });
  }
  return map;
}

// ---- $ref resolution -------------------------------------------------------------------------------------

function pointer(doc, ref) {
  if (typeof ref !== 'string' || !ref.startsWith('#')) {
    throw new Error(`only local $refs are supported, got ${JSON.stringify(ref)}`);
  }
  let node = doc;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const part = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = node?.[part];
  }
  if (node === undefined) throw new Error(`unresolvable $ref ${ref}`);
  return node;
}

/** Follows $ref chains; sibling keywords (allowed in OAS 3.1) are laid over the target. */
function deref(doc, node, seen = new Set()) {
  if (!node || typeof node !== 'object' || typeof node.$ref !== 'string') return node ?? {};
  if (seen.has(node.$ref)) return {};
  seen.add(node.$ref);
  const { $ref, ...siblings } = node;
  const target = deref(doc, pointer(doc, $ref), seen);
  return Object.keys(siblings).length ? { ...target, ...siblings } : target;
}

function refName(node) {
  return typeof node?.$ref === 'string' ? node.$ref.split('/').pop() : undefined;
}

// ---- schemas ---------------------------------------------------------------------------------------------

/** Flattens allOf into one object schema (properties, required, type, enum). */
function flatten(doc, schema, seen = new Set()) {
  const s = deref(doc, schema);
  if (!Array.isArray(s.allOf)) return s;
  const out = { ...s, properties: { ...(s.properties ?? {}) }, required: [...(s.required ?? [])] };
  delete out.allOf;
  for (const part of s.allOf) {
    const key = part?.$ref;
    if (key && seen.has(key)) continue;
    if (key) seen.add(key);
    const p = flatten(doc, part, seen);
    Object.assign(out.properties, p.properties ?? {});
    out.required.push(...(p.required ?? []));
    for (const k of ['type', 'enum', 'format', 'items', 'additionalProperties']) {
      if (p[k] !== undefined && out[k] === undefined) out[k] = p[k];
    }
  }
  return out;
}

function typeSet(s) {
  let types = s.type === undefined ? [] : Array.isArray(s.type) ? [...s.type] : [s.type];
  if (types.length === 0) {
    if (s.properties) types = ['object'];
    else if (s.items) types = ['array'];
  }
  if (s.nullable === true && types.length) types.push('null'); // OAS 3.0 spelling
  return new Set(types);
}

function typeCovered(type, set) {
  return set.has(type) || (type === 'integer' && set.has('number'));
}

// integer widenings that never break a client in the given direction
const FORMAT_WIDENING = { request: { int32: ['int64'], float: ['double'] }, response: { int64: ['int32'], double: ['float'] } };

function compareSchema(ctx, oldSchema, newSchema, dir, where, field, stack = new Set()) {
  const { oldDoc, newDoc, breaking, additive } = ctx;
  const pairKey = `${oldSchema?.$ref ?? ''}|${newSchema?.$ref ?? ''}|${dir}`;
  if ((oldSchema?.$ref || newSchema?.$ref) && stack.has(pairKey)) return; // recursive schema, already on the path
  const nextStack = new Set(stack).add(pairKey);
  const o = flatten(oldDoc, oldSchema);
  const n = flatten(newDoc, newSchema);
  const label = field ? `field '${field}'` : 'value';
  const owner = refName(oldSchema) ? ` (${refName(oldSchema)})` : '';
  const at = `${ctx.op} ${where}`;

  // type
  const ot = typeSet(o);
  const nt = typeSet(n);
  if (ot.size && nt.size) {
    const lost = dir === 'request' ? [...ot].filter((t) => !typeCovered(t, nt)) : [...nt].filter((t) => !typeCovered(t, ot));
    if (lost.length) {
      breaking.push(`${at}: ${label}${owner} changed type ${fmtType(ot)} -> ${fmtType(nt)}`);
      return; // comparing the insides of a different type only adds noise
    }
  }
  if (o.format && n.format && o.format !== n.format && !(FORMAT_WIDENING[dir][o.format] ?? []).includes(n.format)) {
    breaking.push(`${at}: ${label}${owner} changed format ${o.format} -> ${n.format}`);
  }

  // enum
  if (Array.isArray(o.enum) && Array.isArray(n.enum)) {
    const removed = o.enum.filter((v) => !n.enum.some((w) => Object.is(w, v) || JSON.stringify(w) === JSON.stringify(v)));
    if (removed.length) breaking.push(`${at}: ${label}${owner} enum narrowed, removed ${removed.map((v) => JSON.stringify(v)).join(', ')}`);
    const added = n.enum.filter((v) => !o.enum.includes(v));
    if (added.length) additive.push(`${at}: ${label} enum value(s) ${added.join(', ')}`);
  } else if (dir === 'request' && !Array.isArray(o.enum) && Array.isArray(n.enum)) {
    breaking.push(`${at}: ${label}${owner} now restricted to enum ${JSON.stringify(n.enum)}`);
  }

  // properties
  const oProps = o.properties ?? {};
  const nProps = n.properties ?? {};
  const oReq = new Set(o.required ?? []);
  const nReq = new Set(n.required ?? []);
  const sub = (name) => (field ? `${field}.${name}` : name);
  for (const [name, oProp] of Object.entries(oProps)) {
    const oResolved = deref(oldDoc, oProp);
    if (dir === 'request' && oResolved.readOnly === true) continue;
    if (dir === 'response' && oResolved.writeOnly === true) continue;
    if (!(name in nProps)) {
      breaking.push(`${at}: removed ${dir} field '${sub(name)}'${owner}`);
      continue;
    }
    if (dir === 'request' && !oReq.has(name) && nReq.has(name)) {
      breaking.push(`${at}: request field '${sub(name)}'${owner} became required`);
    }
    if (dir === 'response' && oReq.has(name) && !nReq.has(name)) {
      breaking.push(`${at}: response field '${sub(name)}'${owner} is no longer required`);
    }
    compareSchema(ctx, oProp, nProps[name], dir, where, sub(name), nextStack);
  }
  for (const [name, nProp] of Object.entries(nProps)) {
    if (name in oProps) continue;
    const nResolved = deref(newDoc, nProp);
    if (dir === 'request' && nReq.has(name) && nResolved.readOnly !== true) {
      breaking.push(`${at}: new required request field '${sub(name)}'${owner}`);
    } else {
      additive.push(`${at}: new ${dir} field '${sub(name)}'`);
    }
  }
  // required without a declared property
  if (dir === 'request') {
    for (const name of nReq) {
      if (!(name in nProps) && !(name in oProps) && !oReq.has(name)) breaking.push(`${at}: new required request field '${sub(name)}'${owner}`);
    }
  }

  // arrays and maps
  if (o.items && n.items) compareSchema(ctx, o.items, n.items, dir, where, `${field ?? ''}[]`, nextStack);
  const oAdd = typeof o.additionalProperties === 'object' ? o.additionalProperties : undefined;
  const nAdd = typeof n.additionalProperties === 'object' ? n.additionalProperties : undefined;
  if (oAdd && nAdd) compareSchema(ctx, oAdd, nAdd, dir, where, `${field ?? ''}{*}`, nextStack);

  // oneOf / anyOf: only the number of variants is compared
  for (const k of ['oneOf', 'anyOf']) {
    const ol = Array.isArray(o[k]) ? o[k].length : 0;
    const nl = Array.isArray(n[k]) ? n[k].length : 0;
    if (ol && nl && (dir === 'request' ? nl < ol : nl > ol)) {
      breaking.push(`${at}: ${label}${owner} ${k} went from ${ol} to ${nl} variants`);
    }
  }
}

function fmtType(set) {
  return [...set].join('|');
}

// ---- operations ------------------------------------------------------------------------------------------

function compareParameters(ctx, oldParams, newParams) {
  const { oldDoc, newDoc, breaking, additive, op } = ctx;
  const key = (p) => `${p.in}:${p.in === 'path' ? '' : p.name}`;
  const index = (doc, list) => {
    const m = new Map();
    let pathIndex = 0;
    for (const raw of list) {
      const p = deref(doc, raw);
      // path parameters are matched by position, so renaming {id} -> {taskId} is not a change for clients
      m.set(p.in === 'path' ? `path:${pathIndex++}` : key(p), p);
    }
    return m;
  };
  const o = index(oldDoc, oldParams);
  const n = index(newDoc, newParams);
  for (const [k, op_] of o) {
    const np = n.get(k);
    const where = `${op_.in} parameter '${op_.name}'`;
    if (!np) {
      breaking.push(`${op}: removed ${where}`);
      continue;
    }
    if (op_.required !== true && np.required === true) breaking.push(`${op}: ${where} became required`);
    if (op_.schema && np.schema) compareSchema(ctx, op_.schema, np.schema, 'request', where, undefined);
  }
  for (const [k, np] of n) {
    if (o.has(k)) continue;
    if (np.required === true) breaking.push(`${op}: new required ${np.in} parameter '${np.name}'`);
    else additive.push(`${op}: new optional ${np.in} parameter '${np.name}'`);
  }
}

function compareRequestBody(ctx, oldBodyRaw, newBodyRaw) {
  const { oldDoc, newDoc, breaking, additive, op } = ctx;
  const o = oldBodyRaw ? deref(oldDoc, oldBodyRaw) : undefined;
  const n = newBodyRaw ? deref(newDoc, newBodyRaw) : undefined;
  if (!o && !n) return;
  if (!o) {
    if (n.required === true) breaking.push(`${op}: new required request body`);
    else additive.push(`${op}: new optional request body`);
    return;
  }
  if (!n) {
    breaking.push(`${op}: request body removed`);
    return;
  }
  if (o.required !== true && n.required === true) breaking.push(`${op}: request body became required`);
  for (const [media, oMedia] of Object.entries(o.content ?? {})) {
    const nMedia = n.content?.[media];
    if (!nMedia) {
      breaking.push(`${op}: request body no longer accepts ${media}`);
      continue;
    }
    if (oMedia.schema && nMedia.schema) compareSchema(ctx, oMedia.schema, nMedia.schema, 'request', `request ${media}`, undefined);
  }
}

function compareResponses(ctx, oldResponses, newResponses) {
  const { oldDoc, newDoc, breaking, additive, op } = ctx;
  for (const [status, oRaw] of Object.entries(oldResponses)) {
    const nRaw = newResponses[status];
    if (!nRaw) {
      // a documented error that is gone does not break a client; a success status that is gone does
      if (/^2/.test(status)) breaking.push(`${op}: removed response ${status}`);
      continue;
    }
    const o = deref(oldDoc, oRaw);
    const n = deref(newDoc, nRaw);
    for (const [media, oMedia] of Object.entries(o.content ?? {})) {
      const nMedia = n.content?.[media];
      if (!nMedia) {
        breaking.push(`${op}: response ${status} no longer returns ${media}`);
        continue;
      }
      if (oMedia.schema && nMedia.schema) compareSchema(ctx, oMedia.schema, nMedia.schema, 'response', `response ${status} ${media}`, undefined);
    }
  }
  for (const status of Object.keys(newResponses)) {
    if (!(status in oldResponses)) additive.push(`${op}: new response ${status}`);
  }
}

// ---- CLI ---------------------------------------------------------------------------------------------------

function loadYaml() {
  const require = createRequire(new URL('../frontend-contract/package.json', import.meta.url));
  try {
    return require('yaml');
  } catch {
    console.error('check-breaking: the `yaml` package is missing; run `npm ci` in frontend-contract first');
    process.exit(2);
  }
}

function readDoc(YAML, file) {
  const text = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  const doc = YAML.parse(text, { maxAliasCount: -1 });
  if (!doc || typeof doc !== 'object' || !(doc.openapi || doc.swagger)) throw new Error(`${file} is not an OpenAPI document`);
  return doc;
}

function main(argv) {
  if (argv.length !== 2 || argv.includes('-h') || argv.includes('--help')) {
    console.error('usage: node openapi/check-breaking.mjs OLD.yaml NEW.yaml   (OLD may be - for stdin)');
    return 2;
  }
  const YAML = loadYaml();
  let oldDoc;
  let newDoc;
  try {
    oldDoc = readDoc(YAML, argv[0]);
    newDoc = readDoc(YAML, argv[1]);
  } catch (e) {
    console.error(`check-breaking: ${e.message}`);
    return 2;
  }
  let result;
  try {
    result = findBreakingChanges(oldDoc, newDoc);
  } catch (e) {
    console.error(`check-breaking: ${e.message}`);
    return 2;
  }
  const { breaking, additive } = result;
  if (breaking.length) {
    for (const line of breaking) console.log(`BREAKING ${line}`);
    console.log(`check-breaking: ${breaking.length} breaking change(s) from ${argv[0]} to ${argv[1]}`);
    return 1;
  }
  console.log(`check-breaking: no breaking changes (${additive.length} additive) from ${argv[0]} to ${argv[1]}`);
  return 0;
}

const invokedDirectly = (() => {
  try {
    return process.argv[1] && realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
})();
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
