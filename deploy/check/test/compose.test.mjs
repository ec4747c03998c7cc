// deploy/compose checked without a container engine.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { COMPOSE_DIR, lintCompose, loadCompose, parseEnvFile } from "../lib/compose.mjs";
import { demoSecrets } from "../lib/demo.mjs";

const envExample = () => parseEnvFile(readFileSync(join(COMPOSE_DIR, ".env.example"), "utf8"));

test("compose.yaml parses and passes the lint", () => {
  assert.deepEqual(lintCompose(loadCompose(), { envExample: envExample(), forbiddenSecrets: demoSecrets() }), []);
});

test("every secret of .env.example is a placeholder to replace", () => {
  for (const [name, value] of envExample()) {
    if (/PASSWORD|SECRET/.test(name)) assert.equal(value, "CHANGE-ME", name);
  }
});

test("the lint catches dev mode, a written password, an undocumented variable and a missing healthcheck", () => {
  const { text } = loadCompose();
  const broken = text
    .replace('command: ["start", "--import-realm"]', 'command: ["start-dev", "--import-realm"]')
    .replace("KC_DB_PASSWORD: ${KC_DB_PASSWORD:?set KC_DB_PASSWORD in .env}", "KC_DB_PASSWORD: cs-demo-secret")
    .replace("DUBAN_DB_POOL_MAX: \"16\"", "DUBAN_DB_POOL_MAX: ${DUBAN_POOL}")
    .replace(/(\n  caddy:[\s\S]*?)\n    healthcheck:\n(      .*\n)+/, "$1\n");
  assert.notEqual(broken, text);
  const problems = lintCompose(loadCompose(broken), { envExample: envExample(), forbiddenSecrets: demoSecrets() });
  for (const expected of [
    "keycloak: must run in production mode (start)",
    "mysql: KC_DB_PASSWORD must come from the environment (${KC_DB_PASSWORD:?...}), not be written here",
    ".env.example: DUBAN_POOL is used by compose.yaml but not documented",
    "caddy: no healthcheck",
  ]) {
    assert.ok(problems.includes(expected), `${expected} in\n${problems.join("\n")}`);
  }
});

// Caddy's own parser (Debian's caddy, installed by deploy/local/ensure-caddy.sh; skipped where it cannot be had).
const caddy = spawnSync("caddy", ["version"], { stdio: "ignore" }).status === 0;
const CADDYFILE = join(COMPOSE_DIR, "caddy", "Caddyfile");

function adapt(file, tls, validate) {
  const home = mkdtempSync(join(tmpdir(), "duban-caddy-"));
  try {
    return spawnSync("caddy", ["adapt", "--adapter", "caddyfile", "--config", file, ...(validate ? ["--validate"] : [])], {
      encoding: "utf8",
      timeout: 60_000,
      env: { ...process.env, HOME: home, XDG_DATA_HOME: home, XDG_CONFIG_HOME: home,
        DUBAN_HOST: "duban.example.org", DUBAN_AUTH_HOST: "auth.duban.example.org", DUBAN_TLS: tls },
    });
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

test("Caddy accepts the Caddyfile with each kind of certificate", { skip: !caddy && "caddy is not installed (deploy/local/ensure-caddy.sh)" }, () => {
  const internal = adapt(CADDYFILE, "internal", true);
  assert.equal(internal.status, 0, internal.stderr);
  const routes = JSON.stringify(JSON.parse(internal.stdout));
  for (const upstream of ["duban:8080", "keycloak:8080"]) assert.ok(routes.includes(upstream), upstream);
  for (const tls of ["ops@example.org", "/certs/cert.pem /certs/key.pem"]) {
    const r = adapt(CADDYFILE, tls, false);
    assert.equal(r.status, 0, `${tls}: ${r.stderr}`);
  }
});

test("Caddy refuses a broken Caddyfile (the check can fail)", { skip: !caddy && "caddy is not installed" }, () => {
  const dir = mkdtempSync(join(tmpdir(), "duban-caddyfile-"));
  try {
    const broken = join(dir, "Caddyfile");
    writeFileSync(broken, readFileSync(CADDYFILE, "utf8").replace("reverse_proxy keycloak:8080", "reverse_proxi keycloak:8080"));
    const r = adapt(broken, "internal", false);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /unrecognized directive: reverse_proxi/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
