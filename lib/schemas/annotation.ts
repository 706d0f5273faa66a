import { z } from 'zod';
import { COMMENT_MAX, TAG_MAX } from './annotation-limits';

// One schema for annotations, used by the route and the client hooks.
export const ANNOTATION_KINDS = ['star', 'tag', 'comment'] as const;
// Limits the form shows and the route enforces: longer text is refused, never cut.
export { ANNOTATIONS_PER_ACCOUNT_MAX, COMMENT_MAX } from './annotation-limits';

const ZTagValue = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'is required')
  .max(TAG_MAX, `is at most ${TAG_MAX} characters`)
  .regex(/^[\p{L}\p{N} _.:-]+$/u, 'letters, digits, space, _ . : - only');
const ZCommentValue = z
  .string()
  .trim()
  .min(1, 'is required: write a comment first')
  .max(COMMENT_MAX, `is at most ${COMMENT_MAX} characters`);

const ZTarget = z.discriminatedUnion('subject_type', [
  z.object({
    subject_type: z.literal('event'),
    account_id: z.string().min(1).max(128),
    event_id: z.string().min(1).max(128),
    event_ts: z.string().datetime({ offset: true }),
  }),
  z.object({ subject_type: z.literal('account'), account_id: z.string().min(1).max(128) }),
]);

const ZBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('star') }),
  z.object({ kind: z.literal('tag'), value: ZTagValue }),
  z.object({ kind: z.literal('comment'), value: ZCommentValue }),
]);

export const ZAnnotationCreate = z.intersection(ZTarget, ZBody);
export type TAnnotationCreate = z.infer<typeof ZAnnotationCreate>;

/** PATCH /api/v1/annotations/:id: a tag's or comment's new text (a star has none to edit). */
export const ZAnnotationUpdate = z.object({ value: z.string().max(100_000, 'is far too long') });
/** The new value, checked by the rules of the annotation's kind. */
export const annotationValueSchema = (kind: 'tag' | 'comment') =>
  kind === 'tag' ? ZTagValue : ZCommentValue;

export const ZAnnotationListQuery = z.object({
  account: z.string().min(1).max(128),
  events: z
    .string()
    .max(20_000)
    .optional()
    .transform((s) => (s ? s.split(',').filter(Boolean).slice(0, 200) : undefined)),
});
export type TAnnotationListQuery = z.infer<typeof ZAnnotationListQuery>;

export const ZAnnotationId = z.object({
  id: z.string().regex(/^\d{1,18}$/, 'must be a numeric id'),
});

export interface AnnotationDto {
  id: string;
  subject_type: 'event' | 'account';
  account_id: string;
  event_id: string | null;
  event_ts: string | null;
  kind: (typeof ANNOTATION_KINDS)[number];
  value: string | null;
  author_id: string;
  author_email: string;
  created_at: string;
  /** last edit of the text; null when never edited */
  updated_at: string | null;
}
