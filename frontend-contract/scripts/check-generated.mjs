#!/usr/bin/env node
// Regenerates the types from ../openapi/openapi.yaml into a scratch file, with the same command as
// `npm run generate`, and fails when the committed src/generated/schema.d.ts differs from it; likewise the
// aliases in src/generated/schemas.ts (one per component schema, scripts/aliases.mjs).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { aliasesSource } from './aliases.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const committed = join(root, 'src', 'generated', 'schema.d.ts');
const scratch = mkdtempSync(join(tmpdir(), 'duban-contract-'));
const fresh = join(scratch, 'schema.d.ts');
try {
  const bin = join(root, 'node_modules', '.bin', 'openapi-typescript');
  const run = spawnSync(bin, ['../openapi/openapi.yaml', '-o', fresh], { cwd: root, encoding: 'utf8' });
  if (run.status !== 0) {
    process.stderr.write(run.stdout + run.stderr);
    console.error('check:generated: openapi-typescript failed');
    process.exit(2);
  }
  let old;
  try {
    old = readFileSync(committed, 'utf8');
  } catch {
    console.error('check:generated: src/generated/schema.d.ts is missing; run `npm run generate` and commit it');
    process.exit(1);
  }
  const now = readFileSync(fresh, 'utf8');
  if (old !== now) {
    const a = old.split('\n');
    const b = now.split('\n');
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    console.error(`check:generated: src/generated/schema.d.ts differs from openapi/openapi.yaml (first at line ${i + 1}):`);
    console.error(`  committed: ${a[i] ?? '(end of file)'}`);
    console.error(`  generated: ${b[i] ?? '(end of file)'}`);
    console.error('run `npm run generate` in frontend-contract and commit the result (never edit the file by hand)');
    process.exit(1);
  }
  let aliases;
  try {
    aliases = readFileSync(join(root, 'src', 'generated', 'schemas.ts'), 'utf8');
  } catch {
    aliases = '';
  }
  if (aliases !== aliasesSource(readFileSync(join(root, '..', 'openapi', 'openapi.yaml'), 'utf8'))) {
    console.error('check:generated: src/generated/schemas.ts does not alias exactly the schemas of openapi/openapi.yaml');
    console.error('run `npm run generate` in frontend-contract and commit the result (never edit the file by hand)');
    process.exit(1);
  }
  console.log('check:generated: src/generated/schema.d.ts and schemas.ts match openapi/openapi.yaml');
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
