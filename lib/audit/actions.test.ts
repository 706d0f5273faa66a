import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, AUDIT_ACTION_NAMES, auditActionLabel, type AuditAction } from './actions';
import { CASE_SAMPLES } from './case-samples';
import { AuditPayloadError, checkAgainstCatalogue, writeAudit, type SqlRunner } from './write';

// One sample per catalogue action, in the shape its call site writes (grep `action: '<name>'`).
// Case and evidence-export samples live in ./case-samples.ts; the test below fails when an action
// has no sample (or a sample names no action).
type Sample = { targetType: string; before?: unknown; after?: unknown };
type Unsettled = `case.${string}` | `case_template.${string}` | `evidence.${string}`;
const at = '2026-11-30T03:00:00.000Z';
const user = { name: 'Ann Alyst', role: 'analyst', disabled: false };
const settings = { accountThreshold: 0.6, clusterThreshold: 0.6, weights: { sweep: 0.8 }, bias: 3 };
const annotation = {
  id: '12',
  subject_type: 'event',
  account_id: 'acct-1',
  event_id: 'ev-1',
  event_ts: at,
  author_id: 'u1',
  author_email: 'analyst@distill.test',
  created_at: at,
};
const view = {
  id: '6f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  page: 'accounts',
  name: 'risky',
  query: '?flagged=true',
  updated_at: at,
};
const ingest = {
  runId: '7',
  kind: 'events',
  format: 'ndjson',
  lines: 10,
  accepted: 8,
  duplicates: 1,
  rejected: 1,
  elapsedMs: 12.5,
  batches: { direct: 1, staged: 0 },
  timings: { parse: 1, stage: 2, merge: 3, commit: 4, wait: 0 },
};

const queue = {
  name: 'High risk',
  description: '',
  filter: { riskMin: 0.8, subjectKinds: ['account'] },
  priority: 1,
  sla_first_action_minutes: 60,
  sla_decision_minutes: 1440,
  member_ids: ['u1', 'u2'],
};
const item = { queue_id: 'q1', subject: 'account:acct-1' };
const step = { ...item, assignee_id: null, snoozed_until: null, resolution: null };

const clauseVersion = {
  version_id: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
  version: '2026-03',
  text: 'You may not use outputs to train a competing model.',
  effective_from: at,
};

const OWN_SAMPLES: Record<Exclude<AuditAction, Unsettled>, Sample> = {
  'auth.sign_in': { targetType: 'user', after: { ip: '10.0.0.1' } },
  'auth.sign_in_blocked': { targetType: 'user', after: { ip: null, locked_minutes: 15 } },
  'auth.sign_in_failed': { targetType: 'user', after: { ip: '::1', why: 'wrong password' } },
  'auth.sign_in_oidc': {
    targetType: 'user',
    before: null,
    after: { role: 'legal', decision: 'create' },
  },
  'auth.sign_out': { targetType: 'user', after: null },
  'auth.unlock': { targetType: 'user', after: { email: 'a@distill.test', attempts: 7 } },
  'user.change_own_password': { targetType: 'user', after: { forced: true, session_version: 2 } },
  'user.create': {
    targetType: 'user',
    after: { email: 'a@distill.test', name: 'A', role: 'admin', must_change_password: true },
  },
  'user.end_sessions': { targetType: 'user', after: { session_version: 3 } },
  'user.update': {
    targetType: 'user',
    before: user,
    after: { ...user, disabled: true, session_version: 1 },
  },
  'user.update_password': {
    targetType: 'user',
    before: user,
    after: { ...user, password: 'changed', must_change_password: true, session_version: 4 },
  },
  'demo.load': {
    targetType: 'setting',
    after: { accounts: 400, events: 40_000, seed: 1, at },
  },
  'instance.bind': {
    targetType: 'setting',
    after: { instance_id: view.id, data_dir: '/srv/distill-watch/.data' },
  },
  'detect.run': {
    targetType: 'detect_run',
    after: {
      accounts: 400,
      flaggedAccounts: 29,
      clusters: 3,
      flaggedClusters: 1,
      newFlags: 30,
      vanishedClusters: 0,
      abortedRuns: ['7'],
      settingsVersion: null,
      settings,
    },
  },
  'ingest.abort': {
    targetType: 'ingest_run',
    after: {
      runId: '7',
      kind: 'events',
      source: 'events.ndjson',
      lines: 1000,
      accepted: 990,
      duplicates: 0,
      rejected: 10,
      startedAt: at,
      status: 'aborted',
    },
  },
  'ingest.start': {
    targetType: 'ingest_run',
    after: { runId: '7', kind: 'events', source: 'http:dwi_abcdefgh' },
  },
  'ingest.run': {
    targetType: 'ingest_run',
    after: {
      ...ingest,
      committedThrough: 10,
      status: 'failed',
      firstErrors: [
        { line: 3, field: 'ts', reason: 'not a date' },
        { line: 4, reason: 'bad' },
      ],
      error: 'connection lost',
    },
  },
  'ingest_token.create': {
    targetType: 'ingest_token',
    after: { name: 'ci', prefix: 'dwi_abcdefgh', scopes: ['events'], expires_at: at },
  },
  'ingest_token.revoke': {
    targetType: 'ingest_token',
    before: { revoked_at: null },
    after: { revoked_at: new Date(at) },
  },
  'settings.detection.revert': {
    targetType: 'setting',
    before: settings,
    after: { ...settings, version: 3, revertedTo: 1, note: null },
  },
  'settings.detection.update': {
    targetType: 'setting',
    before: null,
    after: { ...settings, version: 1, source: 'calibration', note: 'seed 11' },
  },
  'access.denied': {
    targetType: 'route',
    after: { method: 'GET', path: '/api/v1/audit', permission: 'audit:view', role: 'analyst' },
  },
  'annotation.comment': {
    targetType: 'event',
    after: { ...annotation, kind: 'comment', value: 'sweep' },
  },
  'annotation.delete': {
    targetType: 'account',
    before: { ...annotation, kind: 'star', value: null },
  },
  'annotation.star': { targetType: 'event', after: { ...annotation, kind: 'star', value: null } },
  'annotation.tag': { targetType: 'event', after: { ...annotation, kind: 'tag', value: 'e2e' } },
  'annotation.update': {
    targetType: 'event',
    before: { ...annotation, kind: 'comment', value: 'sweep' },
    after: { ...annotation, kind: 'comment', value: 'a sweep of the taxonomy' },
  },
  'event.reveal': { targetType: 'event', after: { account_id: 'acct-1', ts: at } },
  'saved_view.create': { targetType: 'saved_view', after: view },
  'saved_view.delete': { targetType: 'saved_view', before: view },
  'saved_view.update': { targetType: 'saved_view', before: view, after: { ...view, name: 'b' } },
  'queue.archive': { targetType: 'queue', before: queue, after: { closed_items: 4 } },
  'queue.create': { targetType: 'queue', after: queue },
  'queue.route': { targetType: 'queue', after: { routed: 3, run_id: '12' } },
  'queue.update': { targetType: 'queue', before: queue, after: { ...queue, priority: 2 } },
  'queue_item.claim': { targetType: 'queue_item', after: item },
  'queue_item.reassign': {
    targetType: 'queue_item',
    before: { assignee_id: 'u1', snoozed_until: null },
    after: { ...step, assignee_id: 'u2', bulk: true },
  },
  'queue_item.release': {
    targetType: 'queue_item',
    before: { assignee_id: 'u1', snoozed_until: null },
    after: step,
  },
  'queue_item.resolve': {
    targetType: 'queue_item',
    before: { assignee_id: 'u1', snoozed_until: null },
    after: { ...step, assignee_id: 'u1', resolution: 'no_action' },
  },
  'queue_item.snooze': {
    targetType: 'queue_item',
    before: { assignee_id: 'u1', snoozed_until: null },
    after: { ...step, snoozed_until: new Date(at) },
  },
  'inbox.mark': { targetType: 'user', after: { read: true, count: 3, all: true } },
  'retention.purge': {
    targetType: 'events_partition',
    after: {
      partition: 'events_202601',
      mode: 'drop',
      cutoff: at,
      raw_event_days: 90,
      deleted: 1200,
      kept_for_hold: 0,
      held_accounts: 2,
    },
  },
  'retention.purge_run': {
    targetType: 'setting',
    after: {
      cutoff: at,
      raw_event_days: 90,
      partitions_dropped: 1,
      partitions_trimmed: 2,
      deleted: 1500,
      kept_for_hold: 30,
      held_accounts: 2,
      elapsed_ms: 412.5,
    },
  },
  'settings.retention.update': {
    targetType: 'setting',
    before: null,
    after: { raw_event_days: 365 },
  },
  'tos_clause.create': {
    targetType: 'tos_clause',
    after: { code: '4.2', title: 'No distillation', first_version: clauseVersion },
  },
  'tos_clause.version_add': { targetType: 'tos_clause', after: clauseVersion },
  'tos_clause.version_update': {
    targetType: 'tos_clause',
    before: clauseVersion,
    after: { ...clauseVersion, text: 'Revised before it came into force.' },
  },
};
const SAMPLES: Partial<Record<AuditAction, Sample>> = { ...OWN_SAMPLES, ...CASE_SAMPLES };

const json = (v: unknown) => (v === undefined ? null : JSON.parse(JSON.stringify(v)));
const check = (action: string, s: Sample) =>
  checkAgainstCatalogue(
    { actor: { id: null, email: 'x' }, action: action as AuditAction, ...s },
    json(s.before),
    json(s.after),
  );

describe('audit action catalogue', () => {
  it.each(AUDIT_ACTION_NAMES.filter((a) => SAMPLES[a]))(
    '%s accepts what its call site writes',
    (action) => {
      expect(() => check(action, SAMPLES[action]!)).not.toThrow();
      expect(AUDIT_ACTIONS[action].label).not.toBe('');
    },
  );

  it('has a sample for every action and unique labels', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...AUDIT_ACTION_NAMES].sort());
    const labels = AUDIT_ACTION_NAMES.map(auditActionLabel);
    expect(new Set(labels).size).toBe(labels.length);
  });

  it.each([
    ['an unknown action', 'user.delete', OWN_SAMPLES['user.create'], /unknown audit action/],
    [
      'a wrong target type',
      'user.create',
      { ...OWN_SAMPLES['user.create'], targetType: 'event' },
      /target type "event"/,
    ],
    [
      'an undeclared key',
      'auth.sign_in',
      { targetType: 'user', after: { ip: null, pw: 'x' } },
      /after: Unrecognized key/,
    ],
    [
      'a wrong value',
      'auth.sign_in_blocked',
      { targetType: 'user', after: { ip: null, locked_minutes: 0 } },
      /after\.locked_minutes/,
    ],
    ['a missing payload', 'event.reveal', { targetType: 'event' }, /after/],
    [
      'a before the action does not record',
      'auth.sign_in',
      { ...OWN_SAMPLES['auth.sign_in'], before: { ip: null } },
      /records no before/,
    ],
    [
      'a star with a value',
      'annotation.star',
      { targetType: 'event', after: { ...annotation, kind: 'star', value: 'x' } },
      /after\.value/,
    ],
  ] as const)('refuses %s', (_name, action, sample, message) => {
    expect(() => check(action, sample)).toThrow(AuditPayloadError);
    expect(() => check(action, sample)).toThrow(message);
  });

  it('writeAudit refuses a bad entry before it touches the database', async () => {
    const queries: string[] = [];
    const runner: SqlRunner = {
      query: async (sql) => {
        queries.push(sql);
        return [];
      },
    };
    await expect(
      writeAudit(runner, {
        actor: { id: null, email: 'x' },
        action: 'user.drop_table' as AuditAction,
        targetType: 'user',
      }),
    ).rejects.toThrow(AuditPayloadError);
    await expect(
      writeAudit(runner, {
        actor: { id: null, email: 'x' },
        action: 'user.create',
        targetType: 'user',
        after: { email: 'not an email', name: 'x', role: 'admin' },
      }),
    ).rejects.toThrow(/user\.create: after\.email/);
    expect(queries).toEqual([]);
  });
});
