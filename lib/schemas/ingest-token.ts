import { z } from 'zod';

// Creating an ingest token (POST /api/v1/admin/ingest-tokens; docs/ingest.md#http).

export const INGEST_SCOPES = ['events', 'accounts'] as const;
export type IngestScope = (typeof INGEST_SCOPES)[number];

export const ZIngestTokenCreate = z.object({
  name: z.string().trim().min(1, 'is required').max(100),
  // the endpoints it may feed; both when not given (as tokens made before scopes existed)
  scopes: z
    .array(z.enum(INGEST_SCOPES))
    .min(1, 'name at least one of events, accounts')
    .max(2)
    .default([...INGEST_SCOPES]),
  // absent or null: never expires
  expires_at: z.iso
    .datetime({ offset: true, message: 'must be an ISO-8601 time' })
    .nullable()
    .optional()
    .refine((v) => !v || Date.parse(v) > Date.now(), 'must be in the future'),
});
export type TIngestTokenCreate = z.infer<typeof ZIngestTokenCreate>;
