// The Kustomize overlays, rendered and checked against the Kubernetes schemas and the lint (deploy/kubernetes).
import assert from "node:assert/strict";
import { before, describe, test } from "node:test";
import { lint, overlays, renderOverlays } from "../lib/kube.mjs";
import { unknownFields, validateSchema } from "../lib/schema.mjs";
import { demoSecrets } from "../lib/demo.mjs";

let rendered;
before(() => {
  rendered = renderOverlays();
});

for (const overlay of overlays()) {
  describe(`overlay ${overlay}`, () => {
    test("every object is valid against the Kubernetes schemas", async () => {
      const errors = (await Promise.all(rendered[overlay].map(validateSchema))).flat();
      assert.deepEqual(errors, []);
    });
    test("no object has a field its kind does not define", () => {
      assert.deepEqual(rendered[overlay].flatMap(unknownFields), []);
    });
    test("passes the lint", () => {
      assert.deepEqual(lint(rendered[overlay], { overlay, forbiddenSecrets: demoSecrets() }), []);
    });
  });
}

test("the city overlay runs one or two replicas and the province overlay more across zones", () => {
  const hpa = (o) => rendered[o].find((x) => x.kind === "HorizontalPodAutoscaler").spec;
  assert.deepEqual([hpa("city").minReplicas, hpa("city").maxReplicas], [1, 2]);
  assert.ok(hpa("province").minReplicas >= 3 && hpa("province").maxReplicas > hpa("province").minReplicas);
  const spread = rendered.province.find((x) => x.kind === "Deployment").spec.template.spec.topologySpreadConstraints;
  assert.ok(spread.some((s) => s.topologyKey === "topology.kubernetes.io/zone"));
});

test("the province's connection pools fit in a database that allows 200 connections", () => {
  const cm = rendered.province.find((x) => x.kind === "ConfigMap");
  const max = rendered.province.find((x) => x.kind === "HorizontalPodAutoscaler").spec.maxReplicas;
  assert.ok(max * Number(cm.data.DUBAN_DB_POOL_MAX) <= 150, `${max} × ${cm.data.DUBAN_DB_POOL_MAX}`);
});

describe("the checks catch the usual mistakes", () => {
  const broken = () => structuredClone(rendered.city);
  const deploymentOf = (objects) => objects.find((o) => o.kind === "Deployment");

  test("a container without resources, probes or a security context", () => {
    const objects = broken();
    const c = deploymentOf(objects).spec.template.spec.containers[0];
    delete c.resources;
    delete c.readinessProbe;
    delete c.securityContext;
    const problems = lint(objects, { overlay: "city" });
    for (const expected of ["no requests.memory", "no limits.cpu", "no readinessProbe", "root file system is writable",
      "capabilities are not dropped", "allowPrivilegeEscalation"]) {
      assert.ok(problems.some((p) => p.includes(expected)), `${expected} in ${problems}`);
    }
  });

  test("an unpinned image outside the local overlay, a missing NetworkPolicy, a password in a ConfigMap", () => {
    const objects = broken().filter((o) => o.kind !== "NetworkPolicy");
    deploymentOf(objects).spec.template.spec.containers[0].image = "duban:latest";
    objects.find((o) => o.kind === "ConfigMap").data.DUBAN_DB_PASSWORD = "x";
    const problems = lint(objects, { overlay: "city" });
    assert.ok(problems.some((p) => p.includes("not pinned")), problems.join("\n"));
    assert.ok(problems.includes("no NetworkPolicy"));
    assert.ok(problems.some((p) => p.includes("DUBAN_DB_PASSWORD belongs in a Secret")));
    assert.ok(!lint(broken(), { overlay: "local" }).some((p) => p.includes("not pinned")));
  });

  test("an unbounded heap, a listening loopback, a demo secret", () => {
    const objects = broken();
    const cm = objects.find((o) => o.kind === "ConfigMap");
    cm.data.DUBAN_JAVA_OPTS = "-XX:MaxRAMPercentage=90";
    cm.data.JAVA_TOOL_OPTIONS = "-Xmx2g";
    cm.data.DUBAN_HTTP_HOST = "127.0.0.1";
    objects.find((o) => o.kind === "Secret").data.DUBAN_DB_PASSWORD = Buffer.from("liaison-demo").toString("base64");
    const problems = lint(objects, { overlay: "city", forbiddenSecrets: demoSecrets() });
    assert.ok(problems.some((p) => p.includes("MaxRAMPercentage")));
    assert.ok(problems.some((p) => p.includes("JAVA_TOOL_OPTIONS sizes the heap")));
    assert.ok(problems.some((p) => p.includes("must be 0.0.0.0")));
    assert.ok(problems.some((p) => p.includes("holds a demo secret")));
  });

  test("the image's heap against the memory limit: 60 % of a 512 Mi limit, or a fixed -Xmx, leaves too little", () => {
    const small = broken();
    const c = deploymentOf(small).spec.template.spec.containers[0];
    c.resources.limits.memory = c.resources.requests.memory = "512Mi";
    assert.ok(lint(small, { overlay: "city" }).some((p) => p.includes("under 256 Mi left outside the heap")));
    const fixed = broken();
    fixed.find((o) => o.kind === "ConfigMap").data.DUBAN_JAVA_OPTS = "-Xmx600m";
    assert.ok(lint(fixed, { overlay: "city" }).some((p) => p.includes("under 256 Mi left outside the heap")));
    const fits = broken();
    fits.find((o) => o.kind === "ConfigMap").data.DUBAN_JAVA_OPTS = "-Xmx400m";
    assert.ok(!lint(fits, { overlay: "city" }).some((p) => p.includes("heap")));
  });

  test("an egress rule open to everything and a selector that misses the pods", () => {
    const objects = broken();
    const np = objects.find((o) => o.kind === "NetworkPolicy");
    np.spec.egress.push({ ports: [{ port: 443, protocol: "TCP" }] });
    objects.find((o) => o.kind === "Service").spec.selector = { app: "other" };
    const problems = lint(objects, { overlay: "city" });
    assert.ok(problems.some((p) => p.includes("open to every destination")));
    assert.ok(problems.some((p) => p.includes("egress to port 443")));
    assert.ok(problems.some((p) => p.includes("Service/duban: selects no pod")));
  });

  test("a grace period the service's shutdown does not fit in", () => {
    const objects = broken();
    deploymentOf(objects).spec.template.spec.terminationGracePeriodSeconds = 45;
    assert.ok(lint(objects, { overlay: "city" }).some((p) => p.includes("terminationGracePeriodSeconds under the preStop sleep")));
    deploymentOf(objects).spec.template.spec.terminationGracePeriodSeconds = 120;
    assert.ok(!lint(objects, { overlay: "city" }).some((p) => p.includes("terminationGracePeriodSeconds")));
  });

  test("a wrong type and a misspelt field", async () => {
    const objects = broken();
    const d = deploymentOf(objects);
    d.spec.template.spec.containers[0].ports[0].containerPort = "8080";
    d.spec.template.spec.containers[0].readinessProbes = d.spec.template.spec.containers[0].readinessProbe;
    d.spec.template.spec.containers[0].lifecycle.preStop.exec.cmd = ["sleep"];
    assert.match((await validateSchema(d)).join(), /containerPort must be integer/);
    assert.deepEqual(unknownFields(d), [
      "Deployment/duban: spec.template.spec.containers[0].lifecycle.preStop.exec.cmd: no such field",
      "Deployment/duban: spec.template.spec.containers[0].readinessProbes: no such field",
    ].sort((a, b) => unknownFields(d).indexOf(a) - unknownFields(d).indexOf(b)));
  });
});

test("Keycloak runs clustered on a database of its own (the Keycloak Operator's resource)", async () => {
  const { readFileSync } = await import("node:fs");
  const { parse } = await import("yaml");
  const kc = parse(readFileSync(new URL("../../kubernetes/keycloak/keycloak.yaml", import.meta.url), "utf8"));
  assert.equal(kc.apiVersion, "k8s.keycloak.org/v2alpha1");
  assert.equal(kc.kind, "Keycloak");
  assert.ok(kc.spec.instances >= 2);
  assert.equal(kc.spec.db.vendor, "mysql");
  assert.notEqual(kc.spec.db.database, "duban");
  assert.ok(kc.spec.db.passwordSecret?.name, "the database password comes from a Secret");
  assert.match(kc.spec.hostname.hostname, /^https:\/\//);
  // Duban's overlays fetch keys in the cluster and accept the public issuer Keycloak names.
  for (const overlay of ["city", "province"]) {
    const cm = rendered[overlay].find((x) => x.kind === "ConfigMap").data;
    assert.match(cm.DUBAN_OIDC_ISSUER, /^http:\/\/keycloak-service\.keycloak\.svc/);
    assert.match(cm.QUARKUS_OIDC_TOKEN_ISSUER, /^https:\/\/.*\/realms\/duban$/);
  }
});
