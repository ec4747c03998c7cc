// Checks of deploy/observability: the Prometheus alert rules and the Grafana dashboard use only the metrics the service
// exports (metrics.txt, itself checked against a real scrape by the backend's MetricsTest), and are well formed.
import { readFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { parse } from "yaml";

export const OBSERVABILITY_DIR = new URL("../../observability/", import.meta.url).pathname;

export function exportedMetrics(text = readFileSync(OBSERVABILITY_DIR + "metrics.txt", "utf8")) {
  return new Set(text.split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#")));
}

export function loadRules(text = readFileSync(OBSERVABILITY_DIR + "alerts.yaml", "utf8")) {
  return parse(text);
}

export function loadDashboard(text = readFileSync(OBSERVABILITY_DIR + "grafana-dashboard.json", "utf8")) {
  return JSON.parse(text);
}

// PromQL words that are not metric names: operators, modifiers, aggregations and functions are followed by "(" and
// are dropped as such; these are the ones that stand alone.
const KEYWORDS = new Set(["by", "without", "on", "ignoring", "group_left", "group_right", "and", "or", "unless", "bool", "offset",
  "inf", "nan"]);

/** The metric names a PromQL expression reads (Grafana's $variables removed first). */
export function metricNames(expr) {
  const text = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""') // strings
    .replace(/\$\{?\w+\}?/g, "1") // Grafana variables ($__rate_interval, ${datasource})
    .replace(/\{[^}]*\}/g, " ") // label matchers
    .replace(/\[[^\]]*\]/g, " ") // ranges and subqueries
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, " "); // label lists
  const names = new Set();
  for (const m of text.matchAll(/(?<![\w.])([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(\()?/g)) {
    const [, word, call] = m;
    if (call || KEYWORDS.has(word.toLowerCase())) continue;
    if (/^\d/.test(word) || /^(\d+(ms|s|m|h|d|w|y))+$/.test(word)) continue;
    names.add(word);
  }
  return [...names];
}

/** Problems of a PromQL expression found without a parser: unbalanced brackets, unknown metrics. */
export function exprProblems(where, expr, known) {
  const problems = [];
  const stack = [];
  const pairs = { ")": "(", "]": "[", "}": "{" };
  for (const c of expr.replace(/"(?:[^"\\]|\\.)*"/g, '""')) {
    if ("([{".includes(c)) stack.push(c);
    else if (c in pairs && stack.pop() !== pairs[c]) {
      problems.push(`${where}: unbalanced "${c}"`);
      break;
    }
  }
  if (stack.length) problems.push(`${where}: unclosed "${stack.at(-1)}"`);
  const names = metricNames(expr);
  if (names.length === 0) problems.push(`${where}: reads no metric`);
  for (const n of names) if (!known.has(n)) problems.push(`${where}: ${n} is not a metric the service exports (metrics.txt)`);
  return problems;
}

const DURATION = /^(\d+(ms|s|m|h|d|w|y))+$/;
export const REQUIRED_ALERTS = ["DubanDown", "DubanHighErrorRate", "DubanPoolSaturated", "DubanJobFailed",
  "DubanWebhookDeliveriesFailing", "DubanOverloaded"];

export function lintRules(doc, known) {
  const problems = [];
  const names = new Set();
  if (!Array.isArray(doc?.groups) || doc.groups.length === 0) return ["alerts.yaml: no groups"];
  for (const group of doc.groups) {
    if (!group.name) problems.push("a rule group without a name");
    for (const rule of group.rules ?? []) {
      const where = `alert ${rule.alert ?? rule.record ?? "?"}`;
      if (!rule.alert) { problems.push(`${where}: not an alerting rule`); continue; }
      if (names.has(rule.alert)) problems.push(`${where}: defined twice`);
      names.add(rule.alert);
      if (typeof rule.expr !== "string" || !rule.expr.trim()) { problems.push(`${where}: no expr`); continue; }
      problems.push(...exprProblems(where, rule.expr, known));
      if (rule.for !== undefined && !DURATION.test(String(rule.for))) problems.push(`${where}: for "${rule.for}" is not a duration`);
      if (!["critical", "warning"].includes(rule.labels?.severity)) problems.push(`${where}: severity must be critical or warning`);
      if (!rule.annotations?.summary || !rule.annotations?.description) problems.push(`${where}: needs a summary and a description`);
      for (const [key, value] of Object.entries(rule.annotations ?? {})) {
        for (const m of String(value).matchAll(/\$labels\.(\w+)/g)) {
          if (!rule.expr.includes(m[1]) && m[1] !== "instance" && m[1] !== "job") {
            problems.push(`${where}: annotation ${key} names label ${m[1]}, which the expression does not keep`);
          }
        }
      }
    }
  }
  for (const required of REQUIRED_ALERTS) if (!names.has(required)) problems.push(`no alert ${required}`);
  return problems;
}

export function lintDashboard(dash, known) {
  const problems = [];
  if (!dash.uid || !dash.title) problems.push("dashboard: needs a uid and a title");
  const ids = new Set();
  const panels = dash.panels ?? [];
  if (panels.length === 0) problems.push("dashboard: no panels");
  for (const p of panels) {
    const where = `panel ${p.id} "${p.title}"`;
    if (ids.has(p.id)) problems.push(`${where}: id used twice`);
    ids.add(p.id);
    const g = p.gridPos;
    if (!g || g.x < 0 || g.w <= 0 || g.x + g.w > 24 || g.h <= 0) problems.push(`${where}: gridPos outside the 24-column grid`);
    if (!(p.targets ?? []).length) problems.push(`${where}: no query`);
    for (const t of p.targets ?? []) problems.push(...exprProblems(`${where} ${t.refId}`, t.expr ?? "", known));
  }
  const variables = new Set((dash.templating?.list ?? []).map((v) => v.name));
  for (const m of JSON.stringify(dash.panels).matchAll(/\$\{?(\w+)\}?/g)) {
    if (!m[1].startsWith("__") && !variables.has(m[1])) problems.push(`dashboard: variable $${m[1]} is not defined`);
  }
  return [...new Set(problems)];
}

/** promtool's own checks where it is installed (Debian: apt-get install prometheus); null when it is not. */
// (deploy/local/ensure-promtool.sh unpacks it into .build/tools/ when it is not on the PATH.)
export function promtool(args) {
  const candidates = ["promtool", new URL("../../../.build/tools/promtool", import.meta.url).pathname];
  for (const bin of candidates) {
    try {
      execFileSync(bin, ["--version"], { stdio: "ignore" });
    } catch {
      continue;
    }
    return execFileSync(bin, args, { cwd: OBSERVABILITY_DIR, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  }
  return null;
}
