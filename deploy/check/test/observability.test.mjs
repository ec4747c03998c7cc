// deploy/observability: the alert rules and the Grafana dashboard read only metrics the service exports.
import assert from "node:assert/strict";
import { test } from "node:test";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import {
  exportedMetrics, exprProblems, lintDashboard, lintRules, loadDashboard, loadRules, metricNames, promtool, REQUIRED_ALERTS,
} from "../lib/observability.mjs";
import { renderOverlays } from "../lib/kube.mjs";

const known = exportedMetrics();

test("the metric names of an expression are found, and nothing else", () => {
  assert.deepEqual(metricNames('sum by (job, uri) (rate(http_server_requests_seconds_count{job="duban", status=~"5.."}[5m])) > 0.05').sort(),
    ["http_server_requests_seconds_count"]);
  assert.deepEqual(metricNames("time() - max(duban_business_gauges_refreshed_timestamp_seconds{job=\"duban\"}) > 600"),
    ["duban_business_gauges_refreshed_timestamp_seconds"]);
  assert.deepEqual(metricNames("a_total / on (instance) group_left b_total offset 1h unless c").sort(), ["a_total", "b_total", "c"]);
  assert.deepEqual(metricNames("rate(x_total[$__rate_interval])"), ["x_total"]);
});

test("an unknown metric and an unbalanced bracket are caught", () => {
  const problems = exprProblems("alert X", 'sum(rate(duban_jobs_failed_total{job="duban"}[5m])', known);
  assert.ok(problems.some((p) => p.includes("duban_jobs_failed_total is not a metric")), problems.join());
  assert.ok(problems.some((p) => p.includes("unclosed")), problems.join());
});

test("the alert rules are well formed, cover what issue 13 asks and read known metrics only", () => {
  assert.deepEqual(lintRules(loadRules(), known), []);
});

test("a rule without severity, with a bad duration or an unknown metric fails the lint", () => {
  const doc = loadRules();
  const rule = doc.groups[0].rules.find((r) => r.alert === "DubanDown");
  rule.for = "two minutes";
  delete rule.labels.severity;
  rule.expr = "upp == 0";
  const problems = lintRules(doc, known);
  assert.ok(problems.some((p) => p.includes("not a duration")));
  assert.ok(problems.some((p) => p.includes("severity")));
  assert.ok(problems.some((p) => p.includes("upp is not a metric")));
  doc.groups[0].rules = doc.groups[0].rules.filter((r) => r.alert !== "DubanDown");
  assert.ok(lintRules(doc, known).includes("no alert DubanDown"));
});

test("the dashboard is well formed and reads known metrics only", () => {
  const dash = loadDashboard();
  assert.deepEqual(lintDashboard(dash, known), []);
  const all = dash.panels.flatMap((p) => p.targets.map((t) => t.expr)).join(" ");
  for (const m of ["duban_ticket_items_overdue", "duban_monthly_reports_missing", "duban_supervision_cases_open",
    "duban_webhook_deliveries_failing", "agroal_awaiting_count", "duban_job_runs_seconds_count", "http_server_requests_seconds_count"]) {
    assert.ok(all.includes(m), `the dashboard shows ${m}`);
  }
});

test("the office's figures are taken with max, never summed over instances", () => {
  const exprs = [...loadRules().groups.flatMap((g) => g.rules.map((r) => r.expr)),
    ...loadDashboard().panels.flatMap((p) => p.targets.map((t) => t.expr))];
  for (const e of exprs) {
    assert.doesNotMatch(e, /sum[^(]*\((?:[^()]*)duban_(ticket_items_overdue|monthly_reports_missing|supervision_cases_open|webhook_deliveries_\w+)/, e);
  }
});

test("the Ingress never routes /q/metrics or /q/health; the NetworkPolicy lets the monitoring namespace scrape", () => {
  const rendered = renderOverlays();
  for (const [overlay, objects] of Object.entries(rendered)) {
    for (const ing of objects.filter((o) => o.kind === "Ingress")) {
      for (const path of ing.spec.rules.flatMap((r) => r.http?.paths ?? [])) {
        for (const hidden of ["/q/metrics", "/q/health"]) {
          const exposes = path.pathType === "Exact" ? path.path === hidden : hidden.startsWith(path.path.replace(/\/$/, "") + "/") || path.path === "/";
          assert.ok(!exposes, `${overlay}: Ingress path ${path.path} exposes ${hidden}`);
        }
      }
    }
    const np = objects.find((o) => o.kind === "NetworkPolicy");
    assert.ok(np.spec.ingress.some((r) => r.from.some((f) => f.namespaceSelector?.matchLabels?.["kubernetes.io/metadata.name"] === "monitoring")),
      `${overlay}: Prometheus in namespace monitoring may scrape the pods`);
  }
});

test("promtool accepts the rules and their unit tests pass (where promtool is installed)", (t) => {
  const checked = promtool(["check", "rules", "alerts.yaml"]);
  if (checked === null) {
    t.skip("promtool not installed (apt-get install prometheus)");
    return;
  }
  assert.match(checked, /SUCCESS/);
  assert.match(promtool(["test", "rules", "alerts.test.yaml"]), /SUCCESS/);
  // every required alert has a unit test or is exercised by one
  const tested = readFileSync(new URL("../../observability/alerts.test.yaml", import.meta.url), "utf8");
  for (const a of ["DubanDown", "DubanHighErrorRate", "DubanPoolSaturated", "DubanJobFailed"]) assert.ok(tested.includes(a), a);
  assert.ok(REQUIRED_ALERTS.length >= 6);
  assert.ok(parse(tested).tests.length >= 3);
});
