'use client';
import type { CaseDetail } from '@/lib/queries/case';
import type { UserRef } from '@/lib/queries/user-refs';
import { CaseClauses } from './case-clauses';
import { CaseDetails } from './case-details';
import { CaseEvidence } from './case-evidence';
import { CaseFiles } from './case-files';
import { CaseHold } from './case-hold';
import { CaseLinks } from './case-links';
import { CaseNotes } from './case-notes';
import { CaseTasks } from './case-tasks';

export interface CasePanelProps {
  c: CaseDetail;
  users: UserRef[];
  canWrite: boolean;
  maxFileBytes: number;
  viewerId: string;
  /** may write notes (cases:comment) */
  canComment: boolean;
  /** may link ToS clauses and set or lift legal holds (cases:legal) */
  canLegal: boolean;
}

/**
 * The case page's panels, in order, per column. Later features (notes with mentions, ToS clause
 * links, legal holds, evidence export) plug in by adding an entry here: each panel gets the case
 * read model and the viewer's rights, and refreshes through the case's query key.
 */
export const CASE_PANELS: {
  id: string;
  column: 'main' | 'side';
  Panel: (p: CasePanelProps) => React.ReactNode;
}[] = [
  {
    id: 'details',
    column: 'main',
    Panel: (p) => <CaseDetails c={p.c} users={p.users} canWrite={p.canWrite} />,
  },
  { id: 'links', column: 'main', Panel: (p) => <CaseLinks c={p.c} canWrite={p.canWrite} /> },
  { id: 'evidence', column: 'main', Panel: (p) => <CaseEvidence c={p.c} canWrite={p.canWrite} /> },
  {
    id: 'files',
    column: 'main',
    Panel: (p) => <CaseFiles c={p.c} canWrite={p.canWrite} maxBytes={p.maxFileBytes} />,
  },
  { id: 'clauses', column: 'main', Panel: (p) => <CaseClauses c={p.c} canLink={p.canLegal} /> },
  {
    id: 'notes',
    column: 'main',
    Panel: (p) => <CaseNotes caseId={p.c.id} viewerId={p.viewerId} canComment={p.canComment} />,
  },
  { id: 'hold', column: 'side', Panel: (p) => <CaseHold caseId={p.c.id} canLegal={p.canLegal} /> },
  { id: 'tasks', column: 'side', Panel: (p) => <CaseTasks c={p.c} canWrite={p.canWrite} /> },
];
