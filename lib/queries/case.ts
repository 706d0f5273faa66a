import { prisma } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { caseVisibilityWhere, type SessionUser } from '@/lib/auth/permissions';
import type { CaseOutcome, CaseSeverity, CaseStatus } from '@/lib/schemas/case';
import { userRefs, type UserRef } from './user-refs';

// The case page's (and the evidence package's) read model of one case. Restricted cases the user
// may not open are answered exactly like unknown ids: NotFoundError.

export interface CaseChart {
  account_id: string;
  series: string;
  from: string;
  to: string;
}

export interface CaseDetail {
  id: string;
  number: number;
  version: number;
  title: string;
  summary: string;
  severity: CaseSeverity;
  status: CaseStatus;
  case_type: string | null;
  restricted: boolean;
  assignee: UserRef | null;
  watchers: UserRef[];
  tags: string[];
  opened_from: string;
  queue_item_id: string | null;
  close_reason: string | null;
  closed_at: string | null;
  closed_by: UserRef | null;
  created_by: UserRef;
  created_at: string;
  updated_at: string;
  accounts: {
    account_id: string;
    risk_at_link: number | null;
    reasons_at_link: string[];
    cluster_id_at_link: string | null;
    outcome: CaseOutcome | null;
    linked_by: string;
    linked_at: string;
  }[];
  clusters: {
    cluster_id: string;
    risk_at_link: number | null;
    reasons_at_link: string[];
    members_at_link: number | null;
    linked_by: string;
    linked_at: string;
  }[];
  tasks: {
    id: string;
    title: string;
    position: number;
    done: boolean;
    done_by: string | null;
    done_at: string | null;
  }[];
  pins: {
    id: string;
    kind: 'event' | 'chart';
    account_id: string;
    annotation_id: string | null;
    annotation: { kind: string; value: string | null; author_email: string } | null;
    event_id: string | null;
    event_ts: string | null;
    chart: CaseChart | null;
    note: string;
    pinned_by: string;
    pinned_at: string;
  }[];
  files: {
    id: string;
    filename: string;
    content_type: string;
    size_bytes: number;
    sha256: string;
    uploaded_by: string;
    uploaded_at: string;
  }[];
  dispositions: {
    account_id: string;
    label: 'abuse' | 'not_abuse';
    outcome: CaseOutcome;
    reason: string;
    decided_by: string;
    decided_at: string;
  }[];
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** One case as `user` may see it; NotFoundError for an unknown id or a restricted case. */
export async function getCase(user: SessionUser, id: string): Promise<CaseDetail> {
  if (!UUID.test(id)) throw new NotFoundError('Case not found');
  const c = await prisma.case.findFirst({
    where: { id, ...caseVisibilityWhere(user) },
    include: {
      watchers: { orderBy: { added_at: 'asc' } },
      accounts: { orderBy: { linked_at: 'asc' } },
      clusters: { orderBy: { linked_at: 'asc' } },
      tasks: { orderBy: [{ position: 'asc' }, { id: 'asc' }] },
      pins: { where: { removed_at: null }, orderBy: { pinned_at: 'asc' } },
      files: { where: { removed_at: null }, orderBy: { uploaded_at: 'asc' } },
      dispositions: { orderBy: { decided_at: 'asc' } },
    },
  });
  if (!c) throw new NotFoundError('Case not found');
  const annotationIds = c.pins.flatMap((p) => (p.annotation_id ? [p.annotation_id] : []));
  const [refs, annotations] = await Promise.all([
    userRefs([c.assignee_id, c.created_by, c.closed_by, ...c.watchers.map((w) => w.user_id)]),
    annotationIds.length
      ? prisma.annotation.findMany({ where: { id: { in: annotationIds } } })
      : Promise.resolve([]),
  ]);
  const ann = new Map(annotations.map((a) => [a.id, a]));
  const ref = (uid: string | null) => (uid ? (refs.get(uid) ?? unknownUser(uid)) : null);
  return {
    id: c.id,
    number: c.number,
    version: c.version,
    title: c.title,
    summary: c.summary,
    severity: c.severity as CaseSeverity,
    status: c.status as CaseStatus,
    case_type: c.case_type,
    restricted: c.restricted,
    assignee: ref(c.assignee_id),
    watchers: c.watchers.map((w) => ref(w.user_id)!),
    tags: c.tags,
    opened_from: c.opened_from,
    queue_item_id: c.queue_item_id,
    close_reason: c.close_reason,
    closed_at: iso(c.closed_at),
    closed_by: ref(c.closed_by),
    created_by: ref(c.created_by)!,
    created_at: c.created_at.toISOString(),
    updated_at: c.updated_at.toISOString(),
    accounts: c.accounts.map((a) => ({
      account_id: a.account_id,
      risk_at_link: a.risk_at_link,
      reasons_at_link: a.reasons_at_link,
      cluster_id_at_link: a.cluster_id_at_link,
      outcome: a.outcome as CaseOutcome | null,
      linked_by: a.linked_by,
      linked_at: a.linked_at.toISOString(),
    })),
    clusters: c.clusters.map((k) => ({
      cluster_id: k.cluster_id,
      risk_at_link: k.risk_at_link,
      reasons_at_link: k.reasons_at_link,
      members_at_link: k.members_at_link,
      linked_by: k.linked_by,
      linked_at: k.linked_at.toISOString(),
    })),
    tasks: c.tasks.map((t) => ({
      id: t.id.toString(),
      title: t.title,
      position: t.position,
      done: t.done,
      done_by: t.done_by,
      done_at: iso(t.done_at),
    })),
    pins: c.pins.map((p) => {
      const a = p.annotation_id ? ann.get(p.annotation_id) : undefined;
      return {
        id: p.id.toString(),
        kind: p.kind as 'event' | 'chart',
        account_id: p.account_id,
        annotation_id: p.annotation_id?.toString() ?? null,
        annotation: a ? { kind: a.kind, value: a.value, author_email: a.author_email } : null,
        event_id: p.event_id,
        event_ts: iso(p.event_ts),
        chart: (p.chart as CaseChart | null) ?? null,
        note: p.note,
        pinned_by: p.pinned_by,
        pinned_at: p.pinned_at.toISOString(),
      };
    }),
    files: c.files.map((f) => ({
      id: f.id,
      filename: f.filename,
      content_type: f.content_type,
      size_bytes: f.size_bytes,
      sha256: f.sha256,
      uploaded_by: f.uploaded_by,
      uploaded_at: f.uploaded_at.toISOString(),
    })),
    dispositions: c.dispositions.map((d) => ({
      account_id: d.account_id,
      label: d.label as 'abuse' | 'not_abuse',
      outcome: d.outcome as CaseOutcome,
      reason: d.reason,
      decided_by: d.decided_by,
      decided_at: d.decided_at.toISOString(),
    })),
  };
}

function unknownUser(id: string): UserRef {
  return { id, name: id, email: '' };
}
