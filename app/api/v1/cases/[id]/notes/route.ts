import { withRoute } from '@/lib/api/route';
import { addNote } from '@/lib/cases/notes';
import { getCaseNotes } from '@/lib/queries/case-notes';
import { ZCaseId } from '@/lib/schemas/case';
import { ZNoteBody } from '@/lib/schemas/note';

export const GET = withRoute(
  { permission: 'cases:view', params: ZCaseId },
  async ({ params, user }) => ({ notes: await getCaseNotes(user, params.id) }),
);

export const POST = withRoute(
  { permission: 'cases:comment', params: ZCaseId, body: ZNoteBody },
  async ({ params, body, user, change }) => ({
    note: await change((tx, audit) => addNote(tx, audit, user, params.id, body.body)),
  }),
);
