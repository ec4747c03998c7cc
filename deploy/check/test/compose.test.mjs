// deploy/compose checked without a container engine.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
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
