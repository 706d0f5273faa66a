import { z } from 'zod';

// Queues and queue items: one schema per body, shared by the route handlers and the forms.

const ZCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'must be an ISO 3166-1 alpha-2 code')
  .transform((s) => s.toUpperCase());

/** Which open flags a queue takes. Every set condition must hold; an empty filter takes all. */
export const ZQueueFilter = z
  .object({
    subjectKinds: z
      .array(z.enum(['account', 'cluster']))
      .max(2)
      .optional(),
    riskMin: z.number().min(0).max(1).optional(),
    riskMax: z.number().min(0).max(1).optional(),
    /** Signal ids that must all be among the flag's reasons. */
    signals: z.array(z.string().trim().min(1).max(64)).max(20).optional(),
    clusterSizeMin: z.number().int().min(1).max(1_000_000).optional(),
    clusterSizeMax: z.number().int().min(1).max(1_000_000).optional(),
    /** Any of these models used by the account (or by a member of the cluster). */
    models: z.array(z.string().trim().min(1).max(128)).max(20).optional(),
    /** Any of these account countries (or of a member of the cluster). */
    countries: z.array(ZCode).max(50).optional(),
  })
  .strict()
  .refine((f) => f.riskMin === undefined || f.riskMax === undefined || f.riskMin <= f.riskMax, {
    message: 'riskMin must not exceed riskMax',
    path: ['riskMin'],
  })
  .refine(
    (f) =>
      f.clusterSizeMin === undefined ||
      f.clusterSizeMax === undefined ||
      f.clusterSizeMin <= f.clusterSizeMax,
    { message: 'clusterSizeMin must not exceed clusterSizeMax', path: ['clusterSizeMin'] },
  );
export type TQueueFilter = z.infer<typeof ZQueueFilter>;

const queueFields = {
  name: z.string().trim().min(1, 'is required').max(80),
  description: z.string().trim().max(500),
  filter: ZQueueFilter,
  priority: z.number().int().min(0).max(10_000),
  slaFirstActionMinutes: z.number().int().min(1).max(525_600),
  slaDecisionMinutes: z.number().int().min(1).max(525_600),
  memberIds: z.array(z.string().min(1).max(64)).max(500),
};

export const ZQueueCreate = z
  .object({
    ...queueFields,
    description: queueFields.description.default(''),
    filter: queueFields.filter.default({}),
    priority: queueFields.priority.default(100),
    memberIds: queueFields.memberIds.default([]),
  })
  .refine((q) => q.slaFirstActionMinutes <= q.slaDecisionMinutes, {
    message: 'time to first action must not exceed time to decision',
    path: ['slaFirstActionMinutes'],
  });
export type TQueueCreate = z.infer<typeof ZQueueCreate>;

export const ZQueueUpdate = z
  .object({
    name: queueFields.name.optional(),
    description: queueFields.description.optional(),
    filter: queueFields.filter.optional(),
    priority: queueFields.priority.optional(),
    slaFirstActionMinutes: queueFields.slaFirstActionMinutes.optional(),
    slaDecisionMinutes: queueFields.slaDecisionMinutes.optional(),
    memberIds: queueFields.memberIds.optional(),
    reason: z.string().trim().max(500).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).some((k) => k !== 'reason'), { message: 'nothing to change' });
export type TQueueUpdate = z.infer<typeof ZQueueUpdate>;

export const ZQueueIdParam = z.object({ id: z.string().min(1).max(64) });
export const ZItemIdParam = z.object({ id: z.string().regex(/^\d{1,18}$/, 'must be an item id') });

const reason = z.string().trim().min(1, 'a reason is required').max(500);

/** One step on one item. Claim is its own route (claim-next); these act on a known item. */
export const ZItemAction = z.discriminatedUnion('action', [
  z.object({ action: z.literal('release'), reason: reason.optional() }),
  z.object({ action: z.literal('reassign'), assigneeId: z.string().min(1).max(64), reason }),
  z.object({ action: z.literal('snooze'), until: z.iso.datetime({ offset: true }), reason }),
  z.object({
    action: z.literal('resolve'),
    resolution: z.enum(['no_action', 'case_opened']),
    reason,
  }),
]);
export type TItemAction = z.infer<typeof ZItemAction>;

export const ZClaimNext = z.object({ queueId: z.string().min(1).max(64).optional() }).strict();
export type TClaimNext = z.infer<typeof ZClaimNext>;

export const ZBulkItems = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('assign'),
    ids: z
      .array(z.string().regex(/^\d{1,18}$/))
      .min(1)
      .max(1000),
    assigneeId: z.string().min(1).max(64),
    reason,
    preview: z.boolean().default(false),
  }),
  z.object({
    action: z.literal('release'),
    ids: z
      .array(z.string().regex(/^\d{1,18}$/))
      .min(1)
      .max(1000),
    reason,
    preview: z.boolean().default(false),
  }),
  z.object({
    action: z.literal('snooze'),
    ids: z
      .array(z.string().regex(/^\d{1,18}$/))
      .min(1)
      .max(1000),
    until: z.iso.datetime({ offset: true }),
    reason,
    preview: z.boolean().default(false),
  }),
]);
export type TBulkItems = z.infer<typeof ZBulkItems>;

export const SLA_STATES = ['on_time', 'at_risk', 'breached'] as const;
export type SlaState = (typeof SLA_STATES)[number];

export const ZItemListQuery = z.object({
  queue: z.string().min(1).max(64).optional(),
  state: z.enum(['unclaimed', 'claimed', 'mine', 'snoozed', 'open', 'done']).default('open'),
  sla: z.enum(SLA_STATES).optional(),
  sort: z.enum(['due', 'age', 'risk', 'priority']).default('due'),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type TItemListQuery = z.infer<typeof ZItemListQuery>;

export const ZQueueArchive = z.object({ reason: z.string().trim().max(500).optional() }).strict();

export const ZItemOpenCase = z
  .object({
    title: z.string().trim().min(1, 'is required').max(200),
    severity: z.enum(['low', 'medium', 'high', 'critical']).optional(),
  })
  .strict();
export type TItemOpenCase = z.infer<typeof ZItemOpenCase>;
