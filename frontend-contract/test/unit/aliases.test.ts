// The client exports one type alias per component schema of the contract, generated (scripts/aliases.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { parse } from 'yaml';
import type {
  MonthlyReportView,
  NotificationView,
  ProblemView,
  SupervisionCaseView,
  TicketItemView,
} from '../../src/client.js';
import { aliasesSource } from '../../scripts/aliases.mjs';

const contract = readFileSync(new URL('../../../openapi/openapi.yaml', import.meta.url), 'utf8');
const schemaNames = Object.keys(parse(contract).components.schemas as Record<string, unknown>).sort();
const aliases = readFileSync(new URL('../../src/generated/schemas.ts', import.meta.url), 'utf8');

describe('schema aliases', () => {
  test('every component schema of the contract has an alias, and no alias names a schema that is gone', () => {
    const exported = [...aliases.matchAll(/^export type (\w+) = Schemas\['(\w+)'\];$/gm)];
    assert.deepEqual(
      exported.map((m) => m[1]),
      schemaNames,
    );
    assert.ok(exported.every((m) => m[1] === m[2]));
  });

  test('the client re-exports the generated aliases', () => {
    const client = readFileSync(new URL('../../src/client.ts', import.meta.url), 'utf8');
    assert.match(client, /^export type \* from '\.\/generated\/schemas\.js';$/m);
  });

  test('the committed aliases are what the generator writes for the committed contract', () => {
    assert.equal(aliases, aliasesSource(contract));
  });

  test('the workflow types are there by name (typecheck fails without them)', () => {
    const item: Pick<TicketItemView, 'id' | 'supervisionCase'> = { id: 9, supervisionCase: { id: 3, status: 'OPEN' } };
    const names: Array<keyof SupervisionCaseView | keyof MonthlyReportView | keyof ProblemView | keyof NotificationView> = ['id'];
    assert.equal(item.supervisionCase?.id, 3);
    assert.deepEqual(names, ['id']);
  });

  test('a schema name that is not a TypeScript identifier is refused', () => {
    assert.throws(() => aliasesSource('components:\n  schemas:\n    Bad.Name:\n      type: object\n'), /Bad\.Name/);
  });
});
