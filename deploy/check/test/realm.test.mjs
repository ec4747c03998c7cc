// The production realm and the deployment files carry no person and no demo secret.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { PRODUCTION_REALM, render } from "../production-realm.mjs";
import { demoSecrets } from "../lib/demo.mjs";

const DEPLOY = new URL("../../", import.meta.url).pathname;

test("the production realm is derived from the demo realm (run node deploy/check/production-realm.mjs)", () => {
  assert.equal(readFileSync(PRODUCTION_REALM, "utf8"), render());
});

test("the production realm has no people, no test clients, and its client secrets come from the environment", () => {
  const realm = JSON.parse(readFileSync(PRODUCTION_REALM, "utf8"));
  assert.deepEqual(realm.users.filter((u) => !u.serviceAccountClientId), []);
  assert.ok(realm.users.every((u) => !u.credentials));
  assert.deepEqual(realm.clients.filter((c) => ["duban-test", "duban-test-short", "other-app"].includes(c.clientId)), []);
  assert.ok(realm.clients.filter((c) => c.secret).every((c) => /^\$\{[A-Z_]+\}$/.test(c.secret)));
  assert.equal(realm.sslRequired, "external");
  assert.ok(!/localhost|127\.0\.0\.1/.test(JSON.stringify(realm.clients)));
});

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules" || name === "package-lock.json") return [];
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test("no deployment file outside deploy/keycloak and deploy/local names a demo secret", () => {
  const secrets = demoSecrets().filter((s) => s.length >= 8); // "admin" is a word too
  const offending = [];
  for (const dir of ["compose", "kubernetes"]) {
    for (const file of files(join(DEPLOY, dir))) {
      if (file.endsWith("secrets.env")) continue; // git-ignored, the operator's own
      const text = readFileSync(file, "utf8");
      for (const s of secrets) if (text.includes(s)) offending.push(`${file}: ${s}`);
    }
  }
  assert.deepEqual(offending, []);
});

test("the shell scripts parse", () => {
  for (const script of files(DEPLOY).filter((f) => f.endsWith(".sh"))) execFileSync("bash", ["-n", script]);
});
