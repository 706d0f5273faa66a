// Samples of the case and evidence-export audit payloads, in the shapes their call sites write
// (lib/cases/*, lib/evidence/jobs/*, app/api/v1/evidence/verify). actions.test.ts checks each one
// against the catalogue; tests/integration/audit-call-sites.int.test.ts runs the call sites.
type Sample = { targetType: string; before?: unknown; after?: unknown };

const at = '2026-11-30T03:00:00.000Z';
const caseId = '0b4a4c1e-7d2f-4d0a-9a51-3c2b1e0f9a8d';
const job = { caseId, jobId: '5f0e9c2a-1b3d-4e5f-8a7b-6c5d4e3f2a1b' };
const bulkId = '3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a';
const sha = 'ab'.repeat(32);
const task = { task_id: '4', title: 'Pull egress logs', done: false };
const template = { name: 'Hydra', severity: 'high', tasks: ['Map the cluster'] };
const chart = { account_id: 'acct-1', series: 'tax_cov', from: '2026-11-01', to: '2026-11-07' };
const ended = { ...job, requestedBy: 'legal@distill.test' };

const note = { note_id: '41', body: 'Ping @legal', mention_ids: ['u2'] };
const clauseLink = {
  link_id: '3',
  clause_id: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
  code: '4.2',
  version_id: '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
  version: '2026-03',
  effective_from: at,
  account_id: 'acct-1',
  conduct_from: at,
  conduct_to: at,
  accepted_tos_version: null,
  finding: 'bulk distillation prompts',
};

const hold = {
  hold_id: '7',
  reason: 'Litigation expected',
  set_by: 'u2',
  set_at: at,
  account_ids: ['acct-1', 'acct-2'],
};

export const CASE_SAMPLES: Record<string, Sample> = {
  'case.hold_set': { targetType: 'case', after: hold },
  'case.hold_lift': {
    targetType: 'case',
    before: hold,
    after: { hold_id: '7', lift_reason: 'Settled', lifted_at: at },
  },
  'case.clause_link': { targetType: 'case', after: clauseLink },
  'case.clause_unlink': { targetType: 'case', before: clauseLink },
  'case.note_add': { targetType: 'case', after: note },
  'case.note_delete': { targetType: 'case', before: note },
  'case.note_edit': { targetType: 'case', before: note, after: { ...note, body: 'edited' } },
  'case.bulk': {
    targetType: 'case',
    after: {
      op: 'assign',
      bulk_id: bulkId,
      version: 4,
      assignee_id: 'u1',
      before: { assignee_id: null },
    },
  },
  'case.close': {
    targetType: 'case',
    before: { status: 'actioned' },
    after: { status: 'closed', from: 'actioned', version: 7, outcomes: { 'acct-1': 'warned' } },
  },
  'case.create': {
    targetType: 'case',
    after: {
      number: 12,
      title: 'Hydra 7',
      severity: 'high',
      restricted: false,
      assignee_id: null,
      opened_from: 'cluster',
      queue_item_id: null,
      case_type: 'hydra',
      tasks: 3,
    },
  },
  'case.file_remove': {
    targetType: 'case',
    before: { file_id: 'f1', filename: 'a.pdf', sha256: sha },
  },
  'case.file_upload': {
    targetType: 'case',
    after: { file_id: 'f1', filename: 'a.pdf', sha256: sha, size_bytes: 1024 },
  },
  'case.link_account': {
    targetType: 'case',
    after: { account_id: 'acct-1', risk_at_link: 0.93, reasons_at_link: ['sweep'] },
  },
  'case.link_cluster': {
    targetType: 'case',
    after: { cluster_id: 'k-1', risk_at_link: 0.99, members_at_link: 150 },
  },
  'case.pin_chart': { targetType: 'case', after: { pin_id: '3', chart, note: null } },
  'case.pin_event': {
    targetType: 'case',
    after: {
      pin_id: '2',
      annotation_id: '12',
      account_id: 'acct-1',
      event_id: 'ev-1',
      event_ts: at,
      note: 'sweep start',
    },
  },
  'case.status': {
    targetType: 'case',
    before: { status: 'triage' },
    after: { status: 'investigating', from: 'triage', version: 2 },
  },
  'case.task_add': { targetType: 'case', after: { task_id: '4', title: 'Pull egress logs' } },
  'case.task_remove': { targetType: 'case', before: task },
  'case.task_update': { targetType: 'case', before: task, after: { ...task, done: true } },
  'case.unlink_account': { targetType: 'case', before: { case_id: caseId, account_id: 'acct-1' } },
  'case.unlink_cluster': { targetType: 'case', before: { case_id: caseId, cluster_id: 'k-1' } },
  'case.unpin': {
    targetType: 'case',
    before: { pin_id: '2', kind: 'event', account_id: 'acct-1' },
  },
  'case.update': {
    targetType: 'case',
    before: { title: 'Hydra', watcher_ids: [] },
    after: { title: 'Hydra 7', watcher_ids: ['u2'], version: 3 },
  },
  'case_template.delete': { targetType: 'case_template', before: template },
  'case_template.upsert': { targetType: 'case_template', before: null, after: template },
  'evidence.download': {
    targetType: 'case',
    after: { ...job, bagName: 'case-12.zip', bytes: 4096, sha256: sha },
  },
  'evidence.export_cancel': { targetType: 'case', after: { ...job, status: 'cancelling' } },
  'evidence.export_cancelled': {
    targetType: 'case',
    after: { ...ended, error: 'Cancelled while building' },
  },
  'evidence.export_done': {
    targetType: 'case',
    after: {
      ...ended,
      bagName: 'case-12.zip',
      bytes: 4096,
      sha256: sha,
      events: 120,
      payloadFiles: 9,
      payloadOxum: '4000.9',
      tagManifestSha256: sha,
      signingKeyId: 'A1B2C3D4E5F60718',
      timestamped: false,
      custodyHead: sha,
      redactions: 3,
    },
  },
  'evidence.export_failed': { targetType: 'case', after: { ...ended, error: 'disk full' } },
  'evidence.export_request': {
    targetType: 'case',
    after: { ...job, options: { fields: 'full', redact: true } },
  },
  'evidence.verify': {
    targetType: 'evidence_bag',
    after: { filename: 'case-12.zip', bytes: 4096, ok: true, failures: 0 },
  },
};
