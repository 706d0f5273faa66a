import { z } from 'zod';

// One vocabulary for cases, shared by routes, domain code and forms (issue #10).
export const CASE_STATUSES = [
  'new',
  'triage',
  'investigating',
  'pending_legal',
  'actioned',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Every status but closed (closing has its own body: reason and outcomes). */
export const OPEN_STATUSES = [
  'new',
  'triage',
  'investigating',
  'pending_legal',
  'actioned',
] as const satisfies readonly CaseStatus[];

export const CASE_STATUS_LABEL: Record<CaseStatus, string> = {
  new: 'New',
  triage: 'Triage',
  investigating: 'Investigating',
  pending_legal: 'Pending legal',
  actioned: 'Actioned',
  closed: 'Closed',
};

/**
 * The workflow: forward along new → triage → investigating → pending legal → actioned → closed,
 * with the steps back a real investigation needs (legal sends it back, a closed case reopens).
 * A case may close early from triage on (a false positive needs no legal review).
 */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['triage'],
  triage: ['investigating', 'closed'],
  investigating: ['pending_legal', 'actioned', 'closed'],
  pending_legal: ['investigating', 'actioned', 'closed'],
  actioned: ['investigating', 'closed'],
  closed: ['investigating'],
};

export const CASE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type CaseSeverity = (typeof CASE_SEVERITIES)[number];

export const CASE_OUTCOMES = [
  'no_violation',
  'warned',
  'throttled',
  'suspended',
  'referred',
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const CASE_OUTCOME_LABEL: Record<CaseOutcome, string> = {
  no_violation: 'No violation',
  warned: 'Warned',
  throttled: 'Throttled',
  suspended: 'Suspended',
  referred: 'Referred',
};

/** The disposition label detection learns from: any action taken means the analyst saw abuse. */
export function labelOfOutcome(o: CaseOutcome): 'abuse' | 'not_abuse' {
  return o === 'no_violation' ? 'not_abuse' : 'abuse';
}

export const DISPOSITION_LABELS = ['abuse', 'not_abuse'] as const;
export type DispositionLabel = (typeof DISPOSITION_LABELS)[number];

export const ZCaseId = z.object({ id: z.string().uuid('must be a case id') });

export const ZTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'is required')
  .max(40)
  .regex(/^[\p{L}\p{N} _.:-]+$/u, 'letters, digits, space, _ . : - only');

const ZAccountId = z.string().min(1).max(128);
const ZUserId = z.string().min(1).max(128);
const ZVersion = z.number().int().positive();
const ZReason = z.string().trim().min(1, 'a reason is required').max(2000);

/** Opening a case: from an account, a cluster, a selection of accounts or a queue item. */
export const ZCaseCreate = z.object({
  title: z.string().trim().min(1, 'is required').max(200),
  summary: z.string().max(20_000).default(''),
  severity: z.enum(CASE_SEVERITIES).optional(),
  case_type: z.string().trim().min(1).max(60).optional(),
  restricted: z.boolean().default(false),
  assignee_id: ZUserId.nullable().optional(),
  tags: z.array(ZTag).max(20).default([]),
  source: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('manual') }),
    z.object({ kind: z.literal('account'), account_id: ZAccountId }),
    z.object({ kind: z.literal('cluster'), cluster_id: z.string().min(1).max(128) }),
    z.object({
      kind: z.literal('accounts'),
      account_ids: z.array(ZAccountId).min(1, 'select at least one account').max(500),
    }),
    z.object({
      // The subject is read from the item on the server: a client cannot name another one.
      kind: z.literal('queue_item'),
      queue_item_id: z.string().regex(/^\d{1,18}$/, 'must be a queue item id (digits)'),
    }),
  ]),
});
export type TCaseCreate = z.infer<typeof ZCaseCreate>;

/** Editing a case's fields. `version` is the one the edit was based on (409 when stale). */
export const ZCaseUpdate = z.object({
  version: ZVersion,
  title: z.string().trim().min(1, 'is required').max(200).optional(),
  summary: z.string().max(20_000).optional(),
  severity: z.enum(CASE_SEVERITIES).optional(),
  restricted: z.boolean().optional(),
  assignee_id: ZUserId.nullable().optional(),
  watcher_ids: z.array(ZUserId).max(50).optional(),
  tags: z.array(ZTag).max(20).optional(),
});
export type TCaseUpdate = z.infer<typeof ZCaseUpdate>;

/** The per-account outcomes closing requires (one per linked account). */
export const ZOutcomes = z.record(ZAccountId, z.enum(CASE_OUTCOMES));

export const ZCaseStatusChange = z.discriminatedUnion('to', [
  z.object({
    to: z.enum(OPEN_STATUSES),
    version: ZVersion,
    reason: z.string().trim().max(2000).optional(),
  }),
  z.object({
    to: z.literal('closed'),
    version: ZVersion,
    reason: ZReason,
    outcomes: ZOutcomes,
  }),
]);
export type TCaseStatusChange = z.infer<typeof ZCaseStatusChange>;

export const ZCaseLink = z.object({
  version: ZVersion,
  account_ids: z.array(ZAccountId).max(500).default([]),
  cluster_ids: z.array(z.string().min(1).max(128)).max(50).default([]),
});
export type TCaseLink = z.infer<typeof ZCaseLink>;

export const ZCaseUnlink = z.object({
  version: ZVersion,
  kind: z.enum(['account', 'cluster']),
  id: z.string().min(1).max(128),
});
export type TCaseUnlink = z.infer<typeof ZCaseUnlink>;

export const ZTaskCreate = z.object({ title: z.string().trim().min(1, 'is required').max(300) });
export const ZTaskUpdate = z.object({
  done: z.boolean().optional(),
  title: z.string().trim().min(1, 'is required').max(300).optional(),
});
export const ZTaskParams = z.object({
  id: z.string().uuid('must be a case id'),
  taskId: z.string().regex(/^\d{1,18}$/, 'must be a numeric id'),
});

/** Chart series a case can pin; each is a column of the account series read model. */
export const CHART_SERIES = [
  'events',
  'input_tokens',
  'output_tokens',
  'reasoning_share',
  'tax_cov',
  'lsh_cov',
  'template_reuse',
] as const;
export type ChartSeries = (typeof CHART_SERIES)[number];

const ZDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date (YYYY-MM-DD)');
export const ZChartParams = z
  .object({ account_id: ZAccountId, series: z.enum(CHART_SERIES), from: ZDay, to: ZDay })
  .refine((c) => c.from <= c.to, { message: 'must not be after "to"', path: ['from'] });
export type TChartParams = z.infer<typeof ZChartParams>;

export const ZCasePin = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('event'),
    annotation_id: z.string().regex(/^\d{1,18}$/, 'must be a numeric id'),
    note: z.string().trim().max(2000).default(''),
  }),
  z.object({
    kind: z.literal('chart'),
    chart: ZChartParams,
    note: z.string().trim().max(2000).default(''),
  }),
]);
export type TCasePin = z.infer<typeof ZCasePin>;

export const ZCaseListQuery = z.object({
  status: z.enum([...CASE_STATUSES, 'open', 'all'] as const).default('open'),
  assignee: z.string().max(128).optional(),
  tag: z.string().max(40).optional(),
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  size: z.coerce.number().int().min(1).max(200).default(50),
});
export type TCaseListQuery = z.infer<typeof ZCaseListQuery>;

const ZBulkOp = z.discriminatedUnion('op', [
  z.object({ op: z.literal('assign'), assignee_id: ZUserId.nullable() }),
  z.object({
    op: z.literal('tag'),
    add: z.array(ZTag).max(20).default([]),
    remove: z.array(ZTag).max(20).default([]),
  }),
  z.object({
    op: z.literal('status'),
    to: z.enum(OPEN_STATUSES),
  }),
  z.object({ op: z.literal('close'), outcome: z.enum(CASE_OUTCOMES) }),
]);

/** Bulk change: each case named with the version the user saw; all or nothing. */
export const ZCaseBulk = z.object({
  cases: z
    .array(z.object({ id: z.string().uuid('must be a case id'), version: ZVersion }))
    .min(1, 'select at least one case')
    .max(500),
  change: ZBulkOp,
  reason: ZReason,
});
export type TCaseBulk = z.infer<typeof ZCaseBulk>;
export type TCaseBulkOp = z.infer<typeof ZBulkOp>;

export const ZCaseTemplate = z.object({
  case_type: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(60)
    .regex(/^[a-z0-9_-]+$/, 'lowercase letters, digits, _ and - only'),
  name: z.string().trim().min(1, 'is required').max(120),
  description: z.string().max(2000).default(''),
  severity: z.enum(CASE_SEVERITIES).default('medium'),
  tasks: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
});
export type TCaseTemplate = z.infer<typeof ZCaseTemplate>;

/** Upload rules shared by the form (early message) and the server (the rule that counts). */
export const CASE_FILE_TYPES = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/gif',
  'text/plain',
  'text/csv',
  'application/json',
  'application/x-ndjson',
  'application/zip',
] as const;
