// The demo realm's passwords and client secrets (deploy/keycloak/duban-realm.json, committed on purpose for local
// demos): no deployment file may carry one.
import { readFileSync } from "node:fs";
import { DEMO_REALM } from "../production-realm.mjs";

export function demoSecrets() {
  const realm = JSON.parse(readFileSync(DEMO_REALM, "utf8"));
  const values = new Set(["admin"]); // the local Keycloak's console password (keycloak.sh)
  for (const u of realm.users ?? []) for (const c of u.credentials ?? []) if (c.value) values.add(c.value);
  for (const c of realm.clients ?? []) if (c.secret) values.add(c.secret);
  return [...values];
}
