// The service's JVM options as its image starts it (deploy/image/build.sh and duban-start): deploy/local/jvm.options
// without its heap lines, then deploy/image/jvm-container.options, then $DUBAN_JAVA_OPTS (last, so it wins).
// JAVA_TOOL_OPTIONS comes before all of them, so a heap set there is silently overridden.
import { readFileSync } from "node:fs";

const DEPLOY_DIR = new URL("../../", import.meta.url).pathname;
const HEAP_LINE = /^-X(ms|mx|mn)\d/;
/** Options that size the heap: in JAVA_TOOL_OPTIONS they would be overridden by the image's own. */
export const HEAP_FLAG = /(^|\s)(-Xm[sxn]\d|-XX:(Max|Min|Initial)RAMPercentage=|-XX:MaxRAM=|-XX:NewRatio=)/;

function optionsFile(path) {
  return readFileSync(DEPLOY_DIR + path, "utf8").split("\n").map((l) => l.trim()).filter((l) => l && !l.startsWith("#"));
}

/** The options list the image's java gets, with DUBAN_JAVA_OPTS (a space-separated list) appended. */
export function imageJvmOptions(dubanJavaOpts = "") {
  return [
    ...optionsFile("local/jvm.options").filter((o) => !HEAP_LINE.test(o)),
    ...optionsFile("image/jvm-container.options"),
    ...String(dubanJavaOpts).split(/\s+/).filter(Boolean),
  ];
}

const UNIT = { "": 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30 };
/**
 * The largest heap under a memory limit of limitBytes: the last -Xmx if any (it wins over a percentage), else the last
 * -XX:MaxRAMPercentage of the limit. { bytes, percent } or null when the heap is not bounded (at most 75 %).
 */
export function heapOf(options, limitBytes) {
  const xmx = options.map((o) => o.match(/^-Xmx(\d+)([kmg]?)$/i)).filter(Boolean).pop();
  if (xmx) return { bytes: Number(xmx[1]) * UNIT[xmx[2].toLowerCase()] };
  const percent = Number(options.map((o) => o.match(/^-XX:MaxRAMPercentage=(\d+(?:\.\d+)?)$/)?.[1]).filter(Boolean).pop());
  if (!(percent > 0 && percent <= 75)) return null;
  return { bytes: limitBytes ? (limitBytes * percent) / 100 : NaN, percent };
}
