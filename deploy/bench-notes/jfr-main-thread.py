#!/usr/bin/env python3
"""Where the main thread of a start goes: the JFR execution samples of one thread (default main) of a recording made by
measure-start.sh (START_JFR=1, stacks of up to 256 frames), by Quarkus start step: the recorded build step a sample
is in (the frame just inside ApplicationImpl: <clinit> is static init, doStart runtime init), the OpenAPI document's
serialisation apart; "of which class loading" counts the samples with loadClass or defineClass on the stack.

    deploy/bench-notes/jfr-main-thread.py .build/start/start-1.jfr [thread]
"""
import collections, json, re, subprocess, sys

f = sys.argv[1]
thread = sys.argv[2] if len(sys.argv) > 2 else "main"
out = subprocess.run(["jfr", "print", "--json", "--stack-depth", "256", "--events", "jdk.ExecutionSample", f],
                     capture_output=True, text=True, check=True).stdout
cnt, cl, tot = collections.Counter(), collections.Counter(), 0
for e in json.loads(out)["recording"]["events"]:
    v = e["values"]
    if v["sampledThread"]["javaName"] != thread:
        continue
    frames = [(fr["method"]["type"]["name"].replace("/", "."), fr["method"]["name"]) for fr in v["stackTrace"]["frames"]]
    tot += 1
    name = "bootstrap (jars, class loader, before static init)"
    for i, (cls, method) in enumerate(frames):
        if cls.endswith("ApplicationImpl"):
            stage = "static init" if method == "<clinit>" else "runtime init"
            step = frames[i - 1][0] if i > 0 else cls
            step = re.sub(r"\d+$", "", step.split(".")[-1]).replace("$", ".")
            name = f"{stage}: {step}"
            break
        if cls.endswith("generated.Config"):
            name = "config: " + method
            break
    if any(c.endswith("SmallRyeOpenAPI") and m in ("toJSON", "toYAML") for c, m in frames):
        name += " (serialise JSON/YAML)"
    cnt[name] += 1
    if any(m in ("loadClass", "defineClass", "defineClass1") for _, m in frames):
        cl[name] += 1
print(f"{thread}: {tot} samples")
for k, n in cnt.most_common():
    print(f"  {n:4d} ({100 * n / max(tot, 1):4.1f} %)  {k}   [class loading {cl[k]}]")
