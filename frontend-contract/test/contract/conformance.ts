// Records every successful JSON answer the contract walk gets, and checks it against the response schema of the
// committed contract (../openapi/openapi.yaml): types (null included), required properties, enum values, and
// properties the schema does not declare. What the generated TypeScript types promise is only true if this holds.
import { readFileSync } from 'node:fs';
import type { Middleware } from 'openapi-fetch';
import YAML from 'yaml';

type Schema = Record<string, unknown>;
type Doc = { paths?: Record<string, Record<string, unknown>>; components?: unknown };

export interface Recorded {
  method: string;
  schemaPath: string;
  status: number;
  body: unknown;
}

export function loadContract(): Doc {
  const file = new URL('../../../openapi/openapi.yaml', import.meta.url);
  return YAML.parse(readFileSync(file, 'utf8'), { maxAliasCount: -1 }) as Doc;
}

/** A middleware that keeps a copy of each 2xx JSON answer (add it to a client with client.use). */
export function recorder(): { middleware: Middleware; records: Recorded[] } {
  const records: Recorded[] = [];
  const middleware: Middleware = {
    async onResponse({ request, response, schemaPath }) {
      if (response.ok && /json/i.test(response.headers.get('Content-Type') ?? '')) {
        const text = await response.clone().text();
        if (text) records.push({ method: request.method.toLowerCase(), schemaPath, status: response.status, body: JSON.parse(text) });
      }
      return undefined;
    },
  };
  return { middleware, records };
}

function pointer(doc: Doc, ref: string): Schema {
  let node: unknown = doc;
  for (const raw of ref.replace(/^#\//, '').split('/')) node = (node as Record<string, unknown>)?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (!node || typeof node !== 'object') throw new Error(`unresolvable $ref ${ref}`);
  return node as Schema;
}

function deref(doc: Doc, schema: Schema): Schema {
  let s = schema;
  for (let i = 0; typeof s.$ref === 'string' && i < 20; i++) {
    const { $ref, ...siblings } = s;
    s = { ...pointer(doc, $ref as string), ...siblings };
  }
  return s;
}

function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

/** Walks a value against a schema; each issue is named by the component that declares the field. */
function validate(doc: Doc, raw: Schema, value: unknown, owner: string, at: string, out: string[]): void {
  // the field as its parent declares it, e.g. TaskView.area (AreaView)
  let field = `${owner}${at}`;
  if (typeof raw.$ref === 'string') {
    const target = (raw.$ref as string).split('/').pop() ?? owner;
    field = at ? `${owner}${at} (${target})` : target;
    owner = target;
    at = '';
  }
  const s = deref(doc, raw);
  const here = `${owner}${at}`;
  if (Array.isArray(s.oneOf)) {
    // a discriminated union: the discriminator's mapping names the variant; without one, some variant must fit
    const disc = s.discriminator as { propertyName?: string; mapping?: Record<string, string> } | undefined;
    const tag = disc?.propertyName && value && typeof value === 'object' ? (value as Record<string, unknown>)[disc.propertyName] : undefined;
    const mapped = typeof tag === 'string' ? disc?.mapping?.[tag] : undefined;
    if (mapped) {
      validate(doc, { $ref: mapped }, value, owner, at, out);
      return;
    }
    const tries = (s.oneOf as Schema[]).map((variant) => {
      const issues: string[] = [];
      validate(doc, variant, value, owner, at, issues);
      return issues;
    });
    if (!tries.some((issues) => issues.length === 0)) {
      out.push(`${field}: fits none of its oneOf variants${disc?.propertyName ? ` (${disc.propertyName} ${JSON.stringify(tag)})` : ''}`);
    }
    return;
  }
  const declared = s.type === undefined ? [] : Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
  const actual = jsonType(value);
  if (declared.length && !declared.includes(actual) && !(actual === 'integer' && declared.includes('number'))) {
    out.push(`${field}: ${actual} where the contract says ${declared.join('|')}`);
    return;
  }
  if (Array.isArray(s.enum) && !s.enum.includes(value as never)) out.push(`${here}: ${JSON.stringify(value)} is not one of ${JSON.stringify(s.enum)}`);
  if (actual === 'object' && (s.properties || declared.includes('object'))) {
    const props = (s.properties ?? {}) as Record<string, Schema>;
    const obj = value as Record<string, unknown>;
    for (const name of (s.required as string[] | undefined) ?? []) if (!(name in obj)) out.push(`${here}.${name}: required but missing`);
    for (const [name, v] of Object.entries(obj)) {
      const p = props[name];
      if (p) validate(doc, p, v, owner, `${at}.${name}`, out);
      else if (s.additionalProperties && typeof s.additionalProperties === 'object') validate(doc, s.additionalProperties as Schema, v, owner, `${at}.${name}`, out);
      else if (s.additionalProperties !== true) out.push(`${here}.${name}: not declared in the contract`);
    }
  }
  if (actual === 'array' && s.items) for (const v of value as unknown[]) validate(doc, s.items as Schema, v, owner, `${at}[]`, out);
}

/**
 * Mismatches between the recorded answers and the contract: one line per schema field and problem, with the
 * operations whose answers showed it.
 */
export function conformanceIssues(doc: Doc, records: Recorded[]): string[] {
  const seen = new Map<string, Set<string>>();
  const note = (line: string, op: string) => seen.set(line, (seen.get(line) ?? new Set()).add(op));
  for (const r of records) {
    const op = (doc.paths?.[r.schemaPath]?.[r.method] ?? undefined) as { operationId?: string; responses?: Record<string, Schema> } | undefined;
    const name = `${op?.operationId ?? `${r.method.toUpperCase()} ${r.schemaPath}`} ${r.status}`;
    const response = op?.responses?.[String(r.status)];
    if (!response) {
      note(`${r.method.toUpperCase()} ${r.schemaPath}: status ${r.status} is not documented`, name);
      continue;
    }
    const content = (deref(doc, response).content ?? {}) as Record<string, { schema?: Schema }>;
    const schema = content['application/json']?.schema;
    if (!schema) continue;
    const out: string[] = [];
    validate(doc, schema, r.body, `${op?.operationId ?? 'response'}:`, '$', out);
    for (const line of out) note(line, name);
  }
  return [...seen].map(([line, ops]) => `${line}  [${[...ops].sort().join(', ')}]`).sort();
}
