#!/usr/bin/env python3
"""Where the main thread of a start goes: the JFR execution samples of one thread (default main) of a recording made by
measure-start.sh (START_JFR=1, stacks up to 256 frames), by phase: a sample counts for the first rule below whose test
holds for its stack (so work inside ApplicationImpl.<clinit>, Quarkus' static init, counts as static init); "of which
class loading" counts the samples of each phase with loadClass or defineClass on the stack.

    deploy/bench-notes/jfr-main-thread.py .build/start/start-1.jfr [thread]
"""
import json, subprocess, sys, collections
f = sys.argv[1]
thread = sys.argv[2] if len(sys.argv) > 2 else "main"
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "200", "--events", "jdk.ExecutionSample", f], capture_output=True, text=True).stdout
ev = json.loads(out)["recording"]["events"]
def has(frames, *parts):
    return any(p in f for f in frames for p in parts)

# (phase, test on the frames "class.method" of a sample); the first that holds names the sample
RULES = [
    ("openapi: serialise (JSON, YAML)", lambda f: has(f, "SmallRyeOpenAPI.toJSON", "SmallRyeOpenAPI.toYAML")),
    ("openapi: parse + start-up filters", lambda f: has(f, "OpenApiRecorder.prepareDocument")),
    ("static init: hibernate", lambda f: has(f, "ApplicationImpl.<clinit>") and has(f, "org.hibernate", "io.quarkus.hibernate")),
    ("static init: config", lambda f: has(f, "ApplicationImpl.<clinit>") and has(f, "smallrye.config", "runtime.configuration")),
    ("static init: other", lambda f: has(f, "ApplicationImpl.<clinit>")),
    ("oidc", lambda f: has(f, "io.quarkus.oidc")),
    ("schema check / liquibase", lambda f: has(f, "duban.common.schema", "liquibase")),
    ("quartz", lambda f: has(f, "org.quartz", "io.quarkus.quartz")),
    ("hibernate runtime init", lambda f: has(f, "org.hibernate", "io.quarkus.hibernate")),
    ("agroal", lambda f: has(f, "agroal")),
    ("config (runtime)", lambda f: has(f, "smallrye.config", "runtime.configuration")),
    ("micrometer / otel", lambda f: has(f, "micrometer", "opentelemetry")),
    ("vertx / http", lambda f: has(f, "io.quarkus.vertx", "io.vertx")),
    ("logging", lambda f: has(f, "jboss.logmanager", "runtime.logging")),
    ("arc / other beans", lambda f: has(f, "io.quarkus.arc")),
]
cnt = collections.Counter(); cl = collections.Counter(); tot = 0
for e in ev:
    v = e["values"]
    if v["sampledThread"]["javaName"] != thread:
        continue
    frames = [fr["method"]["type"]["name"] + "." + fr["method"]["name"] for fr in v["stackTrace"]["frames"]]
    tot += 1
    name = next((n for n, test in RULES if test(frames)), "other")
    cnt[name] += 1
    if has(frames, "loadClass", "defineClass"):
        cl[name] += 1
print(f"{thread}: {tot} samples")
for k, n in cnt.most_common():
    print(f"  {k:36s} {n:4d} ({100*n/max(tot,1):4.1f} %)   of which class loading {cl[k]}")
