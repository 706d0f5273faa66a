import { z } from 'zod';

// The ToS clause catalogue and clause links on cases, shared by routes and forms.

const isoInstant = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 time' });

export const ZClauseVersionInput = z.object({
  version: z.string().trim().min(1, 'is required').max(64),
  text: z.string().trim().min(1, 'is required').max(20_000),
  effective_from: isoInstant,
});
export type TClauseVersionInput = z.infer<typeof ZClauseVersionInput>;

export const ZClauseCreate = z.object({
  code: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(32)
    .regex(/^[A-Za-z0-9][A-Za-z0-9.\-_]*$/, 'letters, digits, dots, dashes'),
  title: z.string().trim().min(1, 'is required').max(200),
  first_version: ZClauseVersionInput,
});
export type TClauseCreate = z.infer<typeof ZClauseCreate>;

export const ZClauseId = z.object({ id: z.string().uuid('must be a clause id') });
export const ZClauseVersionParams = z.object({
  id: z.string().uuid('must be a clause id'),
  versionId: z.string().uuid('must be a version id'),
});

export const ZClauseLinkCreate = z.object({
  clause_id: z.string().uuid('must be a clause id'),
  account_id: z.string().min(1, 'is required').max(256),
  finding: z.string().trim().max(2000).default(''),
});
export type TClauseLinkCreate = z.infer<typeof ZClauseLinkCreate>;

export const ZClauseLinkParams = z.object({
  id: z.string().uuid('must be a case id'),
  linkId: z.string().regex(/^\d{1,18}$/, 'must be a numeric id'),
});
