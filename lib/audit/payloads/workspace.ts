import { z } from 'zod';
import { iso } from './common';

// ---------------------------------------------------------------- analyst workspace
const ZAnnotationBase = {
  id: z.string().regex(/^\d+$/),
  subject_type: z.enum(['event', 'account']),
  account_id: z.string().min(1),
  event_id: z.string().nullable(),
  event_ts: iso.nullable(),
  author_id: z.string(),
  author_email: z.string(),
  created_at: iso,
  // absent in rows written before edits were time-stamped
  updated_at: iso.nullable().optional(),
};
export const ZAnnotationStar = z.strictObject({
  ...ZAnnotationBase,
  kind: z.literal('star'),
  value: z.null(),
});
export const ZAnnotationTag = z.strictObject({
  ...ZAnnotationBase,
  kind: z.literal('tag'),
  value: z.string().min(1),
});
export const ZAnnotationComment = z.strictObject({
  ...ZAnnotationBase,
  kind: z.literal('comment'),
  value: z.string().min(1),
});
export const ZAnnotation = z.discriminatedUnion('kind', [
  ZAnnotationStar,
  ZAnnotationTag,
  ZAnnotationComment,
]);

/** An edit changes only the text of a tag or a comment: before and after are each one of them. */
export const ZAnnotationText = z.discriminatedUnion('kind', [ZAnnotationTag, ZAnnotationComment]);

export const ZReveal = z.strictObject({ account_id: z.string().min(1), ts: iso });

export const ZSavedView = z.strictObject({
  id: z.string().uuid(),
  page: z.string(),
  name: z.string(),
  query: z.string(),
  updated_at: iso,
});
