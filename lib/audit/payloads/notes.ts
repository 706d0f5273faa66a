import { z } from 'zod';
import { count, iso } from './common';

// ---------------------------------------------------------------- notes, inbox, ToS clauses (lib/cases)
// A note's body rides in its rows, so an edit or a delete keeps the earlier text in the chain.
export const ZNoteSnapshot = z.strictObject({
  note_id: z.string().regex(/^\d+$/),
  body: z.string(),
  mention_ids: z.array(z.string()),
});
export const ZInboxMarked = z.strictObject({
  read: z.boolean(),
  count,
  all: z.boolean(),
});
export const ZClauseVersionSnapshot = z.strictObject({
  version_id: z.string().uuid(),
  version: z.string(),
  text: z.string(),
  effective_from: iso,
});
export const ZClauseCreated = z.strictObject({
  code: z.string(),
  title: z.string(),
  first_version: ZClauseVersionSnapshot,
});
export const ZClauseLinked = z.strictObject({
  link_id: z.string().regex(/^\d+$/),
  clause_id: z.string().uuid(),
  code: z.string(),
  version_id: z.string().uuid(),
  version: z.string(),
  effective_from: iso,
  account_id: z.string(),
  conduct_from: iso,
  conduct_to: iso,
  accepted_tos_version: z.string().nullable(),
  finding: z.string(),
});
