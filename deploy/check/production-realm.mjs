// Derives the production realm (deploy/compose/keycloak/duban-realm.json) from the demo realm
// (deploy/keycloak/duban-realm.json), so roles, clients, mappers and the user profile stay one definition:
//   - no people (the first admin and the liaisons are created by the operator, deploy/README.md);
//   - no test clients (password grant), no foreign-audience client, no example console;
//   - the partner clients' secrets and every URL come from Keycloak's environment at import (${VAR} placeholders);
//   - TLS required for external requests, brute-force protection on.
// `node production-realm.mjs` writes it; `node production-realm.mjs --check` fails when the committed file drifts.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const deployDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DEMO_REALM = join(deployDir, "keycloak", "duban-realm.json");
export const PRODUCTION_REALM = join(deployDir, "compose", "keycloak", "duban-realm.json");

// duban-console is frontend-contract/example, a starting point for the SPA team, not a production client.
const TEST_CLIENTS = new Set(["duban-test", "duban-test-short", "other-app", "duban-console"]);
const PARTNER_SECRETS = { "duban-partner-cs": "${DUBAN_PARTNER_CS_SECRET}", "duban-partner-xt": "${DUBAN_PARTNER_XT_SECRET}" };

export function productionRealm(demo) {
  const realm = structuredClone(demo);
  realm.displayName = "督办 Duban";
  realm.sslRequired = "external";
  realm.bruteForceProtected = true;
  realm.clients = realm.clients
    .filter((c) => !TEST_CLIENTS.has(c.clientId))
    .map((c) => {
      if (c.clientId in PARTNER_SECRETS) return { ...c, secret: PARTNER_SECRETS[c.clientId] };
      if (c.clientId === "duban-spa") {
        return {
          ...c,
          rootUrl: "${DUBAN_SPA_URL}",
          redirectUris: ["${DUBAN_SPA_URL}/*"],
          webOrigins: ["${DUBAN_SPA_URL}"],
          attributes: { ...c.attributes, "post.logout.redirect.uris": "${DUBAN_SPA_URL}/*" },
        };
      }
      if (c.clientId === "duban-swagger") {
        return {
          ...c,
          redirectUris: ["${DUBAN_PUBLIC_URL}/q/swagger-ui/*", "${DUBAN_PUBLIC_URL}/q/swagger-ui/oauth2-redirect.html"],
          webOrigins: ["${DUBAN_PUBLIC_URL}"],
        };
      }
      return c;
    });
  // Service accounts of the kept clients stay (they carry the partner role); people go.
  const kept = new Set(realm.clients.map((c) => c.clientId));
  realm.users = (realm.users ?? []).filter((u) => u.serviceAccountClientId && kept.has(u.serviceAccountClientId));
  return realm;
}

export function render() {
  return JSON.stringify(productionRealm(JSON.parse(readFileSync(DEMO_REALM, "utf8"))), null, 2) + "\n";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = render();
  if (process.argv.includes("--check")) {
    if (readFileSync(PRODUCTION_REALM, "utf8") !== text) {
      console.error(`${PRODUCTION_REALM} is out of date: run node deploy/check/production-realm.mjs`);
      process.exit(1);
    }
  } else {
    writeFileSync(PRODUCTION_REALM, text);
    console.log(`wrote ${PRODUCTION_REALM}`);
  }
}
