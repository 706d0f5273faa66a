import { z } from 'zod';

// Evidence export builder options: one schema for the route, the CLI and the builder form.
export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)), 'Not a calendar date');

export const ZPrivilegeEntry = z.object({
  date: day,
  author: z.string().trim().min(1).max(200),
  recipients: z.string().trim().max(500).optional(),
  description: z.string().trim().min(1).max(2000),
  basis: z.string().trim().min(1).max(200),
});
export type TPrivilegeEntry = z.infer<typeof ZPrivilegeEntry>;

export const ZExportOptions = z
  .object({
    /** Subset of the case's linked accounts/clusters; absent = all of them. */
    accountIds: z.array(z.string().min(1).max(200)).max(10_000).optional(),
    clusterIds: z.array(z.string().min(1).max(200)).max(1_000).optional(),
    /** Inclusive days (UTC); absent = unbounded. */
    from: day.optional(),
    to: day.optional(),
    fields: z.enum(['full', 'hashes']).default('full'),
    redact: z.boolean().default(true),
    privilegeLog: z.array(ZPrivilegeEntry).max(500).default([]),
    sampleSeed: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .regex(/^[\w.-]+$/, 'Letters, digits, dot, dash and underscore only')
      .optional(),
    sampleSize: z.number().int().min(1).max(10_000).default(50),
  })
  .refine((o) => !o.from || !o.to || o.from <= o.to, {
    message: 'The start day must not be after the end day',
    path: ['to'],
  });
export type TExportOptions = z.infer<typeof ZExportOptions>;
export type TExportOptionsInput = z.input<typeof ZExportOptions>;

/** An export job as the API and the screens see it. */
export interface ExportJobView {
  id: string;
  case_id: string;
  case_title: string;
  case_number: number;
  requested_by_email: string;
  options: TExportOptions;
  status: ExportStatus;
  phase: string | null;
  progress: number;
  events_done: number;
  events_total: number;
  cancel_requested: boolean;
  bag_name: string | null;
  bag_bytes: number | null;
  bag_sha256: string | null;
  error: string | null;
  /** The export this one rebuilds from the same cut-off, or null. */
  rebuild_of: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
}
