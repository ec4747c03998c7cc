// Kubernetes schema checks, offline, from the kubernetes-models package (the API's OpenAPI schemas compiled to
// validators, plus TypeScript declarations of every type):
//   validateSchema(obj): types, enums, required fields, formats (the compiled JSON Schema validators);
//   unknownFields(obj): fields the API does not define (the schemas allow them, the API server drops or refuses
//   them: a misspelt `readinessProbes` would pass the first check and never probe anything).
import { readFileSync, existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const require = createRequire(import.meta.url);
const MODELS = dirname(require.resolve("kubernetes-models/package.json"));
const NODE_MODULES = dirname(MODELS);

/** The module path of a kind, e.g. apps/v1 Deployment -> kubernetes-models/apps/v1/Deployment. */
function modelPath(apiVersion, kind) {
  const [group, version] = apiVersion.includes("/") ? apiVersion.split("/") : [null, apiVersion];
  return group ? `${group}/${version}/${kind}` : `${version}/${kind}`;
}

export function isBuiltIn(obj) {
  return existsSync(join(MODELS, modelPath(obj.apiVersion, obj.kind) + ".js"));
}

/** Errors of the API's schema for obj, as "Kind/name: path message" lines ([] when valid). */
export async function validateSchema(obj) {
  const where = `${obj.kind}/${obj.metadata?.name}`;
  if (!isBuiltIn(obj)) return [`${where}: ${obj.apiVersion} ${obj.kind} is not a Kubernetes API type`];
  const module = await import(`kubernetes-models/${modelPath(obj.apiVersion, obj.kind)}`);
  try {
    new module[obj.kind](obj).validate();
    return [];
  } catch (e) {
    return [`${where}: ${e.message}`];
  }
}

// --- unknown fields, from the declarations ---------------------------------------------------------------
const interfaces = new Map(); // file -> { fields: Map<name, type> } | null (an alias: a leaf)

function parseDeclaration(file) {
  if (interfaces.has(file)) return interfaces.get(file);
  const text = readFileSync(file, "utf8").replace(/\/\*\*[\s\S]*?\*\//g, "");
  const imports = new Map();
  for (const m of text.matchAll(/import \{ (\w+) \} from "([^"]+)";/g)) imports.set(m[1], m[2]);
  const head = text.match(/export interface \w+(?: extends ([\w, ]+))? \{\n/);
  if (!head) {
    interfaces.set(file, null);
    return null;
  }
  const fields = new Map();
  if (head[1]?.includes("TypeMeta")) {
    fields.set("apiVersion", { leaf: true });
    fields.set("kind", { leaf: true });
  }
  let depth = 1;
  let i = head.index + head[0].length;
  const body = [];
  for (; i < text.length && depth > 0; i++) {
    const ch = text[i];
    if (ch === "{") depth++;
    if (ch === "}") depth--;
    body.push(depth === 1 || (depth === 2 && ch === "{") ? ch : depth > 1 ? "" : ch);
  }
  for (const m of body.join("").matchAll(/^\s*"([^"]+)"\??: (.*?);?$/gm)) {
    const type = m[2];
    const ref = (name) => {
      const from = imports.get(name);
      if (!from) return { leaf: true };
      const target = from.startsWith(".")
        ? join(dirname(file), from.replace(/\.js$/, "") + ".d.ts")
        : join(NODE_MODULES, from + ".d.ts");
      return { file: target };
    };
    const array = type.match(/^Array<(\w+)>$/);
    if (type.startsWith("{")) fields.set(m[1], { leaf: true }); // a map: any keys
    else if (array) fields.set(m[1], { array: true, ...ref(array[1]) });
    else if (/^\w+$/.test(type)) fields.set(m[1], ref(type));
    else fields.set(m[1], { leaf: true });
  }
  const parsed = { fields };
  interfaces.set(file, parsed);
  return parsed;
}

function walk(value, file, path, errors) {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return;
  const decl = parseDeclaration(file);
  if (!decl) return;
  for (const [key, child] of Object.entries(value)) {
    const field = decl.fields.get(key);
    if (!field) {
      errors.push(`${path}.${key}: no such field`);
      continue;
    }
    if (field.leaf || !field.file) continue;
    if (field.array && Array.isArray(child)) child.forEach((c, n) => walk(c, field.file, `${path}.${key}[${n}]`, errors));
    else walk(child, field.file, `${path}.${key}`, errors);
  }
}

/** Fields of obj that its kind does not define, as "Kind/name: path: no such field" lines. */
export function unknownFields(obj) {
  if (!isBuiltIn(obj)) return [];
  const errors = [];
  walk(obj, join(MODELS, modelPath(obj.apiVersion, obj.kind) + ".d.ts"), "", errors);
  return errors.map((e) => `${obj.kind}/${obj.metadata?.name}: ${e.slice(1)}`);
}
