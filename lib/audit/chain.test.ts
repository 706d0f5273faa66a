import { describe, expect, it } from 'vitest';
import { canonicalJson, GENESIS_HASH, hashAuditRow } from './chain';

const row = {
  id: '1',
  at: '2026-11-29T10:00:00.000Z',
  actor_id: 'u',
  actor_email: 'a@x',
  action: 'user.create',
  target_type: 'user',
  target_id: 'u2',
  before: null,
  after: { b: 1, a: [2, { d: 1, c: 2 }] },
  reason: null,
  request_id: 'r',
};

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: undefined, c: [3, { z: 1, y: 2 }] } })).toBe(
      '{"a":{"c":[3,{"y":2,"z":1}]},"b":1}',
    );
  });
});

describe('hashAuditRow', () => {
  it('is stable under key order and ignores stored hash fields', () => {
    const h = hashAuditRow(GENESIS_HASH, row);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    const reordered = {
      ...row,
      after: { a: [2, { c: 2, d: 1 }], b: 1 },
      prev_hash: 'x',
      hash: 'y',
    };
    expect(hashAuditRow(GENESIS_HASH, reordered)).toBe(h);
    expect(hashAuditRow(GENESIS_HASH, { ...row, at: new Date(row.at) })).toBe(h);
  });
  it('changes when any field or the previous hash changes', () => {
    const h = hashAuditRow(GENESIS_HASH, row);
    expect(hashAuditRow(GENESIS_HASH, { ...row, reason: 'x' })).not.toBe(h);
    expect(hashAuditRow('1'.repeat(64), row)).not.toBe(h);
  });
});
