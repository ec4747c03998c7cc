// Renders the Kustomize overlays and lints what they make: the mistakes that pass a schema and hurt in production.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import { HEAP_FLAG, heapOf, imageJvmOptions } from "./jvm.mjs";

export const KUBERNETES_DIR = new URL("../../kubernetes/", import.meta.url).pathname;

export function overlays() {
  return readdirSync(join(KUBERNETES_DIR, "overlays"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** The kustomize command: $KUSTOMIZE, a kustomize binary, or kubectl's built-in kustomize. */
export function kustomizeCommand() {
  if (process.env.KUSTOMIZE) return [process.env.KUSTOMIZE, "build"];
  for (const [bin, args, probe] of [["kustomize", ["build"], ["version"]], ["kubectl", ["kustomize"], ["version", "--client"]]]) {
    if (spawnSync(bin, probe, { stdio: "ignore" }).status === 0) return [bin, args];
  }
  throw new Error("no kustomize: install kustomize or kubectl (kubectl kustomize), or set KUSTOMIZE");
}

/**
 * Renders every overlay (in a copy of deploy/kubernetes where a git-ignored secrets.env missing on this machine
 * is made from its secrets.env.example) and returns { overlay: [objects] }.
 */
export function renderOverlays() {
  const [bin, args] = kustomizeCommand();
  const work = mkdtempSync(join(tmpdir(), "duban-kustomize-"));
  try {
    cpSync(KUBERNETES_DIR, work, { recursive: true });
    const rendered = {};
    for (const overlay of overlays()) {
      const dir = join(work, "overlays", overlay);
      const example = join(dir, "secrets.env.example");
      if (existsSync(example)) cpSync(example, join(dir, "secrets.env"));
      const yaml = execFileSync(bin, [...args, dir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      rendered[overlay] = parseAllDocuments(yaml).map((d) => d.toJS()).filter(Boolean);
    }
    return rendered;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const QUANTITY = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, k: 1e3, M: 1e6, G: 1e9 };
export function bytes(q) {
  const m = String(q).match(/^(\d+(?:\.\d+)?)([KMG]i|[kMG])?$/);
  if (!m) throw new Error(`not a memory quantity: ${q}`);
  return Number(m[1]) * (m[2] ? QUANTITY[m[2]] : 1);
}

function matches(selector, labels) {
  return Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
}

/** Names of values that belong in a Secret. */
const SECRET_NAME = /PASSWORD|SECRET|(^|_)TOKEN$/;
const EGRESS_PORTS = new Set([53, 3306, 6446, 8080, 8443]);
/** The service's shutdown waits and their defaults (backend application.properties), in the order they happen. */
const SHUTDOWN_DEFAULTS = { DUBAN_SHUTDOWN_DELAY: "5S", DUBAN_SHUTDOWN_TIMEOUT: "20S", DUBAN_JOBS_SHUTDOWN_WAIT: "20S", DUBAN_WEBHOOK_SHUTDOWN_WAIT: "15S" };
/** "20S", "20s", "1M", "PT20S" as seconds. */
function seconds(value) {
  const m = String(value).trim().toUpperCase().replace(/^PT/, "").match(/^(\d+)(MS|S|M|H)?$/);
  if (!m) return NaN;
  return Number(m[1]) * { MS: 0.001, S: 1, M: 60, H: 3600 }[m[2] ?? "S"];
}
const REQUIRED_ENV = ["DUBAN_DB_URL", "DUBAN_DB_USER", "DUBAN_DB_PASSWORD", "DUBAN_OIDC_ISSUER", "DUBAN_HTTP_HOST"];

/**
 * The lint: every finding is a sentence naming the object. `overlay` decides whether :latest is allowed (local only);
 * `forbiddenSecrets` are values no Secret may hold (the demo realm's passwords and client secrets).
 */
export function lint(objects, { overlay, forbiddenSecrets = [] }) {
  const problems = [];
  const byKind = (kind) => objects.filter((o) => o.kind === kind);
  const named = (kind, name) => objects.find((o) => o.kind === kind && o.metadata?.name === name);

  for (const kind of ["Deployment", "Service", "Ingress", "HorizontalPodAutoscaler", "PodDisruptionBudget",
    "NetworkPolicy", "ConfigMap", "Secret"]) {
    if (byKind(kind).length === 0) problems.push(`no ${kind}`);
  }
  for (const hpa of byKind("HorizontalPodAutoscaler")) {
    if (hpa.apiVersion !== "autoscaling/v2") problems.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: use autoscaling/v2`);
    const target = named(hpa.spec.scaleTargetRef.kind, hpa.spec.scaleTargetRef.name);
    if (!target) problems.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: scales a missing ${hpa.spec.scaleTargetRef.kind}`);
    if ((hpa.spec.minReplicas ?? 1) > hpa.spec.maxReplicas) problems.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: minReplicas > maxReplicas`);
    if (target && (target.spec.replicas < (hpa.spec.minReplicas ?? 1) || target.spec.replicas > hpa.spec.maxReplicas)) {
      problems.push(`Deployment/${target.metadata.name}: replicas ${target.spec.replicas} outside the autoscaler's range`);
    }
  }

  for (const deployment of byKind("Deployment")) {
    const where = `Deployment/${deployment.metadata.name}`;
    const pod = deployment.spec.template;
    const podLabels = pod.metadata?.labels ?? {};
    const spec = pod.spec;
    if (!matches(deployment.spec.selector.matchLabels, podLabels)) problems.push(`${where}: selector does not match its pods`);
    const volumes = new Map((spec.volumes ?? []).map((v) => [v.name, v]));
    const containers = [...(spec.initContainers ?? []), ...spec.containers];
    for (const c of spec.containers) {
      const cw = `${where} container ${c.name}`;
      for (const probe of ["readinessProbe", "livenessProbe", "startupProbe"]) {
        if (!c[probe]) problems.push(`${cw}: no ${probe}`);
      }
      if (c.readinessProbe?.httpGet?.path !== "/q/health/ready") problems.push(`${cw}: readiness must ask /q/health/ready`);
      if (c.livenessProbe?.httpGet?.path !== "/q/health/live") problems.push(`${cw}: liveness must ask /q/health/live`);
      const sleep = Number(c.lifecycle?.preStop?.exec?.command?.at(-1) ?? c.lifecycle?.preStop?.sleep?.seconds ?? NaN);
      if (!(sleep > 0)) problems.push(`${cw}: no preStop sleep (endpoints must drain before SIGTERM)`);
    }
    for (const c of containers) {
      const cw = `${where} container ${c.name}`;
      const r = c.resources ?? {};
      for (const side of ["requests", "limits"]) {
        for (const res of ["cpu", "memory"]) if (!r[side]?.[res]) problems.push(`${cw}: no ${side}.${res}`);
      }
      if (r.requests?.memory && r.limits?.memory && bytes(r.requests.memory) !== bytes(r.limits.memory)) {
        problems.push(`${cw}: memory request differs from its limit`);
      }
      const image = c.image ?? "";
      const tag = image.includes("@") ? "digest" : image.split("/").at(-1).split(":")[1];
      if (overlay !== "local" && (!tag || tag === "latest")) problems.push(`${cw}: image ${image} is not pinned to a version`);
      const sc = c.securityContext ?? {};
      const psc = spec.securityContext ?? {};
      if (!(sc.runAsNonRoot ?? psc.runAsNonRoot)) problems.push(`${cw}: runAsNonRoot is not set`);
      if (sc.readOnlyRootFilesystem !== true) problems.push(`${cw}: root file system is writable`);
      if (sc.allowPrivilegeEscalation !== false) problems.push(`${cw}: allowPrivilegeEscalation is not false`);
      if (!sc.capabilities?.drop?.includes("ALL")) problems.push(`${cw}: capabilities are not dropped (ALL)`);
      if ((sc.seccompProfile ?? psc.seccompProfile)?.type !== "RuntimeDefault") problems.push(`${cw}: no RuntimeDefault seccomp profile`);
      if (sc.readOnlyRootFilesystem === true) {
        const tmp = (c.volumeMounts ?? []).find((m) => m.mountPath === "/tmp");
        if (!tmp || !volumes.get(tmp.name)?.emptyDir) problems.push(`${cw}: read-only root without an emptyDir on /tmp`);
      }
      // The environment the service needs, from its ConfigMap and Secret.
      const env = new Map((c.env ?? []).map((e) => [e.name, { value: e.value, from: "env" }]));
      for (const source of c.envFrom ?? []) {
        const ref = source.configMapRef ?? source.secretRef;
        const kind = source.configMapRef ? "ConfigMap" : "Secret";
        const target = named(kind, ref.name);
        if (!target) {
          problems.push(`${cw}: envFrom names a missing ${kind} ${ref.name}`);
          continue;
        }
        for (const [k, v] of Object.entries(target.data ?? {})) {
          env.set(k, { value: kind === "Secret" ? Buffer.from(v, "base64").toString() : v, from: kind });
        }
        for (const [k, v] of Object.entries(target.stringData ?? {})) env.set(k, { value: v, from: kind });
      }
      for (const name of REQUIRED_ENV) if (!env.has(name)) problems.push(`${cw}: ${name} is not set`);
      // Graceful shutdown: after the preStop sleep, SIGTERM; the service then waits its shutdown delay, drains requests
      // (up to its timeout), waits for running jobs and for webhook deliveries being sent: all before the kubelet's SIGKILL.
      if (spec.containers.includes(c) && c.lifecycle?.preStop) {
        const sleep = Number(c.lifecycle.preStop.exec?.command?.at(-1) ?? c.lifecycle.preStop.sleep?.seconds ?? 0);
        const budget = sleep + Object.entries(SHUTDOWN_DEFAULTS)
          .reduce((sum, [name, fallback]) => sum + seconds(env.get(name)?.value ?? fallback), 0);
        if ((spec.terminationGracePeriodSeconds ?? 30) < budget + 5) {
          problems.push(`${where}: terminationGracePeriodSeconds under the preStop sleep + the service's shutdown budget + 5 s (${budget + 5} s)`);
        }
      }
      if (env.has("DUBAN_HTTP_HOST") && env.get("DUBAN_HTTP_HOST").value !== "0.0.0.0") {
        problems.push(`${cw}: DUBAN_HTTP_HOST must be 0.0.0.0 in a container`);
      }
      for (const [name, { from }] of env) {
        if (SECRET_NAME.test(name) && from !== "Secret") problems.push(`${cw}: ${name} comes from a ${from}, not a Secret`);
      }
      // The heap: the image's own options (deploy/image), which a manifest changes through DUBAN_JAVA_OPTS only.
      if (HEAP_FLAG.test(env.get("JAVA_TOOL_OPTIONS")?.value ?? "")) {
        problems.push(`${cw}: JAVA_TOOL_OPTIONS sizes the heap, but the image's own options come later and win: use DUBAN_JAVA_OPTS`);
      }
      const jvm = imageJvmOptions(env.get("DUBAN_JAVA_OPTS")?.value);
      const limit = r.limits?.memory ? bytes(r.limits.memory) : 0;
      const heap = heapOf(jvm, limit);
      if (!heap) problems.push(`${cw}: heap not bounded by -XX:MaxRAMPercentage (at most 75) or -Xmx`);
      if (!jvm.includes("-XX:+ExitOnOutOfMemoryError")) problems.push(`${cw}: no -XX:+ExitOnOutOfMemoryError`);
      if (heap && limit && limit - heap.bytes < 256 * 2 ** 20) {
        problems.push(`${cw}: under 256 Mi left outside the heap (metaspace, threads, buffers)`);
      }
    }

    for (const svc of byKind("Service")) {
      if (!matches(svc.spec.selector, podLabels)) problems.push(`Service/${svc.metadata.name}: selects no pod of ${where}`);
      for (const p of svc.spec.ports) {
        const port = p.targetPort;
        const ok = spec.containers.some((c) => (c.ports ?? []).some((cp) => cp.name === port || cp.containerPort === port));
        if (!ok) problems.push(`Service/${svc.metadata.name}: targetPort ${port} is no container port`);
      }
    }
    for (const pdb of byKind("PodDisruptionBudget")) {
      if (!matches(pdb.spec.selector.matchLabels, podLabels)) problems.push(`PodDisruptionBudget/${pdb.metadata.name}: selects no pod`);
      if (pdb.spec.minAvailable !== undefined) problems.push(`PodDisruptionBudget/${pdb.metadata.name}: minAvailable blocks drains of a single replica; use maxUnavailable`);
    }
    const policies = byKind("NetworkPolicy").filter((np) => matches(np.spec.podSelector.matchLabels, podLabels));
    if (policies.length === 0) problems.push(`${where}: no NetworkPolicy selects its pods`);
    for (const np of policies) {
      const nw = `NetworkPolicy/${np.metadata.name}`;
      for (const type of ["Ingress", "Egress"]) if (!np.spec.policyTypes?.includes(type)) problems.push(`${nw}: does not restrict ${type}`);
      for (const rule of np.spec.ingress ?? []) {
        if (!rule.from?.length) problems.push(`${nw}: an ingress rule open to every source`);
      }
      for (const rule of np.spec.egress ?? []) {
        if (!rule.to?.length) problems.push(`${nw}: an egress rule open to every destination`);
        if (!rule.ports?.length) problems.push(`${nw}: an egress rule open on every port`);
        for (const p of rule.ports ?? []) if (!EGRESS_PORTS.has(p.port)) problems.push(`${nw}: egress to port ${p.port}`);
      }
      const egressPorts = new Set((np.spec.egress ?? []).flatMap((r) => (r.ports ?? []).map((p) => p.port)));
      for (const p of [53, 3306]) if (!egressPorts.has(p)) problems.push(`${nw}: no egress to port ${p}`);
    }
  }

  for (const ing of byKind("Ingress")) {
    for (const rule of ing.spec.rules ?? []) {
      for (const path of rule.http?.paths ?? []) {
        const svc = named("Service", path.backend.service?.name);
        if (!svc) problems.push(`Ingress/${ing.metadata.name}: ${path.path} goes to a missing Service`);
        else if (!svc.spec.ports.some((p) => p.name === path.backend.service.port.name || p.port === path.backend.service.port.number)) {
          problems.push(`Ingress/${ing.metadata.name}: ${path.path} goes to no port of Service/${svc.metadata.name}`);
        }
        if (/^\/q\/(health|metrics)/.test(path.path) || path.path === "/") problems.push(`Ingress/${ing.metadata.name}: exposes ${path.path}`);
      }
    }
    if (!ing.spec.tls?.length) problems.push(`Ingress/${ing.metadata.name}: no TLS`);
  }

  for (const secret of byKind("Secret")) {
    for (const [k, v] of Object.entries(secret.data ?? {})) {
      const value = Buffer.from(v, "base64").toString();
      if (forbiddenSecrets.includes(value)) problems.push(`Secret/${secret.metadata.name}: ${k} holds a demo secret`);
    }
  }
  for (const cm of byKind("ConfigMap")) {
    for (const k of Object.keys(cm.data ?? {})) {
      if (SECRET_NAME.test(k)) problems.push(`ConfigMap/${cm.metadata.name}: ${k} belongs in a Secret`);
    }
  }
  return problems;
}
