// Checks of deploy/compose without a container engine: the file parses, every service has what production needs,
// every variable it uses is documented in .env.example, and no secret is written into it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { HEAP_FLAG, heapOf, imageJvmOptions } from "./jvm.mjs";

export const COMPOSE_DIR = new URL("../../compose/", import.meta.url).pathname;

export function loadCompose(text = readFileSync(join(COMPOSE_DIR, "compose.yaml"), "utf8")) {
  return { text, doc: parse(text) };
}

/** KEY=VALUE lines of an env file, comments and blanks skipped. */
export function parseEnvFile(text) {
  const env = new Map();
  for (const line of text.split("\n")) {
    const m = line.match(/^\s*([A-Z_][A-Z0-9_]*)=(.*)$/);
    if (m) env.set(m[1], m[2]);
  }
  return env;
}

/** The variables compose interpolates: ${VAR}, ${VAR:-default}, ${VAR:?message}; $$ is a literal dollar. */
export function interpolated(text) {
  const vars = new Map();
  for (const m of text.replace(/\$\$/g, "").matchAll(/\$\{([A-Z_][A-Z0-9_]*)(?:(:?[-?])([^}]*))?\}/g)) {
    const entry = vars.get(m[1]) ?? { required: false, defaulted: false };
    if (m[2]?.endsWith("?")) entry.required = true;
    if (m[2]?.endsWith("-")) entry.defaulted = true;
    vars.set(m[1], entry);
  }
  return vars;
}

function list(value) {
  if (Array.isArray(value)) return value;
  return value ? [value] : [];
}

function envOf(service) {
  const env = service.environment ?? {};
  if (Array.isArray(env)) return Object.fromEntries(env.map((e) => e.split(/=(.*)/s).slice(0, 2)));
  return env;
}

export function lintCompose({ doc, text }, { envExample, forbiddenSecrets = [], dir = COMPOSE_DIR }) {
  const problems = [];
  const services = doc?.services ?? {};
  for (const name of ["mysql", "keycloak", "duban", "caddy"]) if (!services[name]) problems.push(`no service ${name}`);

  for (const [name, s] of Object.entries(services)) {
    if (!s.image) problems.push(`${name}: no image`);
    const test = s.healthcheck?.test;
    if (!test || s.healthcheck.disable) problems.push(`${name}: no healthcheck`);
    else if (!(Array.isArray(test) ? ["CMD", "CMD-SHELL"].includes(test[0]) : typeof test === "string")) {
      problems.push(`${name}: healthcheck test must start with CMD or CMD-SHELL`);
    }
    if (!s.restart) problems.push(`${name}: no restart policy`);
    const dependsOn = Array.isArray(s.depends_on) ? Object.fromEntries(s.depends_on.map((d) => [d, {}])) : s.depends_on ?? {};
    for (const [dep, cond] of Object.entries(dependsOn)) {
      if (!services[dep]) problems.push(`${name}: depends on missing service ${dep}`);
      else if (cond.condition !== "service_healthy") problems.push(`${name}: should wait for ${dep} to be healthy`);
    }
    for (const v of list(s.volumes)) {
      const source = typeof v === "string" ? v.split(":")[0] : v.source;
      if (source?.startsWith(".") && !existsSync(join(dir, source))) problems.push(`${name}: mounts missing ${source}`);
      else if (source && !source.startsWith(".") && !source.startsWith("/") && !(doc.volumes && source in doc.volumes)) {
        problems.push(`${name}: volume ${source} is not declared`);
      }
    }
    for (const [k, v] of Object.entries(envOf(s))) {
      if (/PASSWORD|SECRET/.test(k) && !/^\$\{[A-Z_0-9]+(:\?[^}]*)?\}$/.test(String(v))) {
        problems.push(`${name}: ${k} must come from the environment (\${${k}:?...}), not be written here`);
      }
    }
    for (const n of list(s.networks)) if (!(doc.networks && n in doc.networks)) problems.push(`${name}: network ${n} is not declared`);
  }

  const mysql = services.mysql ?? {};
  if (!/^mysql:8\.4/.test(mysql.image ?? "")) problems.push("mysql: image must be MySQL 8.4");
  if (!list(mysql.volumes).some((v) => String(v).endsWith(":/var/lib/mysql"))) problems.push("mysql: data not on a volume");
  if (mysql.ports) problems.push("mysql: must not publish a port");

  const kc = services.keycloak ?? {};
  const kcEnv = envOf(kc);
  const command = list(kc.command).join(" ");
  if (!/keycloak:26\.5/.test(kc.image ?? "")) problems.push("keycloak: image must be Keycloak 26.5");
  if (!/^start( |$)/.test(command) || command.includes("start-dev")) problems.push("keycloak: must run in production mode (start)");
  if (!command.includes("--import-realm")) problems.push("keycloak: does not import the realm");
  if (kcEnv.KC_DB !== "mysql") problems.push("keycloak: KC_DB must be mysql");
  if (!kcEnv.KC_DB_URL_DATABASE || kcEnv.KC_DB_URL_DATABASE === "duban") problems.push("keycloak: needs a database of its own");
  if (!kcEnv.KC_HOSTNAME) problems.push("keycloak: no KC_HOSTNAME");
  if (!list(kc.volumes).some((v) => String(v).includes("/opt/keycloak/data/import/"))) problems.push("keycloak: realm file not mounted");

  const duban = services.duban ?? {};
  const dEnv = envOf(duban);
  if (dEnv.DUBAN_HTTP_HOST !== "0.0.0.0") problems.push("duban: DUBAN_HTTP_HOST must be 0.0.0.0 in a container");
  for (const k of ["DUBAN_DB_URL", "DUBAN_DB_USER", "DUBAN_DB_PASSWORD", "DUBAN_OIDC_ISSUER", "DUBAN_CORS_ORIGINS"]) {
    if (!dEnv[k]) problems.push(`duban: ${k} is not set`);
  }
  // The heap is the image's (deploy/image/jvm-container.options: a share of mem_limit), or DUBAN_JAVA_OPTS's.
  if (!duban.mem_limit || !heapOf(imageJvmOptions(dEnv.DUBAN_JAVA_OPTS))) problems.push("duban: heap not bounded by a memory limit");
  if (HEAP_FLAG.test(dEnv.JAVA_TOOL_OPTIONS ?? "")) {
    problems.push("duban: JAVA_TOOL_OPTIONS sizes the heap, but the image's own options come later and win: use DUBAN_JAVA_OPTS");
  }
  if (duban.read_only !== true) problems.push("duban: root file system is writable");
  if (!duban.stop_grace_period) problems.push("duban: no stop_grace_period for a graceful shutdown");
  if (duban.ports) problems.push("duban: must be reached through the TLS proxy, not a published port");

  const caddy = services.caddy ?? {};
  if (!list(caddy.ports).some((p) => String(p).endsWith(":443"))) problems.push("caddy: does not publish 443");
  const caddyfile = list(caddy.volumes).map((v) => String(v).split(":")[0]).find((s) => s.endsWith("Caddyfile"));
  if (!caddyfile) problems.push("caddy: no Caddyfile mounted");
  else if (existsSync(join(dir, caddyfile))) {
    const conf = readFileSync(join(dir, caddyfile), "utf8");
    for (const upstream of ["duban:8080", "keycloak:8080"]) if (!conf.includes(upstream)) problems.push(`Caddyfile: no proxy to ${upstream}`);
    if (/\/q\/(health|metrics)/.test(conf.match(/@public[^\n]*/)?.[0] ?? "")) problems.push("Caddyfile: exposes /q/health or /q/metrics");
  }

  // Every variable has a value in .env.example or a default; no example value is a demo secret.
  for (const [name, { defaulted }] of interpolated(text)) {
    if (!envExample.has(name) && !defaulted) problems.push(`.env.example: ${name} is used by compose.yaml but not documented`);
  }
  for (const [name, value] of envExample) {
    if (forbiddenSecrets.includes(value)) problems.push(`.env.example: ${name} holds a demo secret`);
  }
  return problems;
}
