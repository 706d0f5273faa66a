import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_FIELDS, EVENT_FIELDS, ZEvent } from './schemas';

// The shipped JSON Schemas (docs/schemas) and the zod contract must name the same fields.
const load = (f: string) =>
  JSON.parse(readFileSync(`docs/schemas/${f}`, 'utf8')) as {
    properties: object;
    required: string[];
  };

describe('contract', () => {
  it('JSON Schemas list exactly the zod fields', () => {
    expect(Object.keys(load('event.schema.json').properties).sort()).toEqual(
      Object.keys(EVENT_FIELDS).sort(),
    );
    expect(Object.keys(load('account.schema.json').properties).sort()).toEqual(
      Object.keys(ACCOUNT_FIELDS).sort(),
    );
    expect(load('event.schema.json').required).toEqual(['id', 'ts', 'account_id', 'model']);
  });
  it('names the field in its reasons', () => {
    const r = ZEvent.safeParse({
      id: 'a',
      ts: '2026-10-01T00:00:00Z',
      account_id: 'x',
      model: 'm',
      prompt: 'p',
      turn: 0,
    });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0].path).toEqual(['turn']);
  });
});
