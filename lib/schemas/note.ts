import { z } from 'zod';

// Case notes (Markdown with @mentions) and the inbox, shared by routes and forms.

/** Markdown over this many bytes (UTF-8) is refused with 413, naming the field. */
export const NOTE_MAX_BYTES = 100 * 1024;

// The zod bound is only a backstop for absurd bodies; the byte limit above is checked by
// lib/cases/notes.ts so the answer is a 413 that names the field and the limit.
export const ZNoteBody = z.object({
  body: z
    .string()
    .trim()
    .min(1, 'is required')
    .max(4 * NOTE_MAX_BYTES),
});
export type TNoteBody = z.infer<typeof ZNoteBody>;

export const ZNoteParams = z.object({
  id: z.string().uuid('must be a case id'),
  noteId: z.string().regex(/^\d{1,18}$/, 'must be a numeric id'),
});

export const INBOX_KINDS = ['mention', 'case_assigned', 'queue_item_assigned'] as const;
export type InboxKind = (typeof INBOX_KINDS)[number];

export const ZInboxQuery = z.object({
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  size: z.coerce.number().int().min(1).max(100).default(25),
  unread: z.enum(['true', 'false']).optional(),
});
export type TInboxQuery = z.infer<typeof ZInboxQuery>;

/** Mark the given entries read (or unread), or every entry read with `all`. */
export const ZInboxMark = z.union([
  z.object({
    ids: z
      .array(z.string().regex(/^\d{1,18}$/, 'must be a numeric id'))
      .min(1)
      .max(500),
    read: z.boolean().default(true),
  }),
  z.object({ all: z.literal(true) }),
]);
export type TInboxMark = z.infer<typeof ZInboxMark>;
