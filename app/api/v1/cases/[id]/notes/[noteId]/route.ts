import { withRoute } from '@/lib/api/route';
import { deleteNote, editNote } from '@/lib/cases/notes';
import { ZNoteBody, ZNoteParams } from '@/lib/schemas/note';

export const PATCH = withRoute(
  { permission: 'cases:comment', params: ZNoteParams, body: ZNoteBody },
  async ({ params, body, user, change }) => ({
    note: await change((tx, audit) =>
      editNote(tx, audit, user, params.id, BigInt(params.noteId), body.body),
    ),
  }),
);

export const DELETE = withRoute(
  { permission: 'cases:comment', params: ZNoteParams },
  async ({ params, user, change }) => {
    await change((tx, audit) => deleteNote(tx, audit, user, params.id, BigInt(params.noteId)));
    return { ok: true };
  },
);
