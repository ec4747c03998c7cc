#!/usr/bin/env node
// Runs node:test on every *.test.ts under the given folders, through tsx (Node 20's --test takes no globs).
//   node scripts/run-tests.mjs test/unit [more folders or files] [-- extra node --test flags]
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const argv = process.argv.slice(2);
const sep = argv.indexOf('--');
const targets = sep === -1 ? argv : argv.slice(0, sep);
const extra = sep === -1 ? [] : argv.slice(sep + 1);

function collect(path, out) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) collect(join(path, name), out);
  } else if (/\.test\.[cm]?ts$/.test(path)) {
    out.push(path);
  }
  return out;
}

const files = targets.flatMap((t) => collect(t, []));
if (files.length === 0) {
  console.error(`run-tests: no *.test.ts under ${targets.join(', ') || '(nothing given)'}`);
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', ...extra, ...files.map((f) => relative(process.cwd(), f))], {
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
