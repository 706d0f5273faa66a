import { prisma } from '@/lib/db/client';
import { env } from '@/lib/env';
import { NotFoundError } from '@/lib/errors';
import { reportAccounts } from '../writers/chart-series';
import { accountFinding, clusterFinding } from './findings';
import { methodOf } from './method';
import { ALTERNATIVES, DATA_SOURCES, DECLARATION, limitationsOf } from './text';
import type { BagReportContext } from '../types';
import type { ReportExhibit, ReportFinding, ReportInput } from './types';

// Turns what the bag writer knows when it reaches data/report.pdf (the hashed files, custody
// log, sample, redaction counts) plus the case and detection read models into a ReportInput.
// The parameter is the subset of the bag writer's BagReportContext this needs.

export type ReportContext = Pick<
  BagReportContext,
  | 'scope'
  | 'accountIds'
  | 'builtAt'
  | 'fields'
  | 'redact'
  | 'redactionsByKind'
  | 'natives'
  | 'files'
  | 'sample'
  | 'custody'
  | 'events'
  | 'series'
  | 'cutoffAt'
>;

export interface Requester {
  name: string;
  email: string;
  role: string;
}

const dayOf = (d: string | Date | undefined) =>
  d == null ? null : (d instanceof Date ? d.toISOString() : d).slice(0, 10);

function detail(v: unknown): string {
  if (v == null) return '';
  const s = JSON.stringify(v);
  return s.length > 240 ? `${s.slice(0, 237)}…` : s;
}

function exhibits(ctx: ReportContext): ReportExhibit[] {
  const natives = new Map(ctx.natives.map((n) => [n.path, n]));
  return ctx.files.map((f) => {
    const n = natives.get(f.path);
    return {
      label: n ? `${n.begBates}–${n.endBates}` : f.path.replace(/^data\//, ''),
      path: f.path,
      bytes: f.bytes,
      sha256: f.sha256,
      description: n ? `${n.events.toLocaleString('en-US')} events (native JSONL)` : undefined,
    };
  });
}

export async function assembleReportInput(ctx: ReportContext, by: Requester): Promise<ReportInput> {
  const c = await prisma.case.findUnique({
    where: { id: ctx.scope.caseId },
    include: { accounts: true, clusters: true },
  });
  if (!c) throw new NotFoundError('Case not found');
  const builtAt = new Date(ctx.builtAt);
  // Thresholds and weights of the detection run in force at the data's cut-off.
  const { method, settings } = await methodOf(new Date(ctx.cutoffAt));
  const reasonsA = new Map(c.accounts.map((a) => [a.account_id, a.reasons_at_link]));
  const reasonsC = new Map(c.clusters.map((k) => [k.cluster_id, k.reasons_at_link]));
  const findings: ReportFinding[] = [];
  for (const id of ctx.scope.clusterIds) {
    const f = await clusterFinding(id, reasonsC.get(id) ?? [], ctx.series[`cluster:${id}`] ?? []);
    if (f) findings.push(f);
  }
  // The export's own accounts (the case's links) first, then members added through clusters;
  // within the pages, highest risk first.
  const accounts = reportAccounts(ctx.scope.accountIds, ctx.accountIds);
  const shown: ReportFinding[] = [];
  for (const id of accounts) {
    const daily = ctx.series[`account:${id}`] ?? [];
    const f = await accountFinding(id, reasonsA.get(id) ?? [], settings, daily);
    if (f) shown.push(f);
  }
  shown.sort((a, b) => (b.risk ?? 0) - (a.risk ?? 0));
  findings.push(...shown);
  const e = env();
  const redactions = Object.entries(ctx.redactionsByKind).filter(([, n]) => (n ?? 0) > 0);
  return {
    caption: `${e.EVIDENCE_SOURCE_ORGANIZATION} — Case #${c.number} — Confidential, prepared for legal review`,
    case: { id: c.id, title: c.title, summary: c.summary, status: c.status },
    builtAt,
    preparedBy: by,
    organization: { name: e.EVIDENCE_SOURCE_ORGANIZATION, contactEmail: e.EVIDENCE_CONTACT_EMAIL },
    dataSources: DATA_SOURCES,
    timeZone: 'UTC (every timestamp in this package)',
    timeRange: { from: dayOf(ctx.scope.from), to: dayOf(ctx.scope.to) },
    method,
    findings,
    clauses: [],
    limitations: limitationsOf({
      accounts: ctx.accountIds.length,
      shown: accounts.length,
      cutoffAt: ctx.cutoffAt,
      fields: ctx.fields,
      redact: ctx.redact,
      events: ctx.events,
    }),
    alternativeExplanations: ALTERNATIVES,
    exhibits: exhibits(ctx),
    custody: ctx.custody.map((x) => ({
      seq: x.seq,
      at: x.at,
      actor: x.actor ?? 'system',
      action: x.action,
      detail: detail(x.details),
      hash: x.hash,
    })),
    sample: { method: ctx.sample.method, seed: ctx.sample.seed, size: ctx.sample.size },
    fields: ctx.fields,
    redaction: {
      enabled: ctx.redact,
      byKind: Object.fromEntries(redactions.map(([k, n]) => [k, n ?? 0])),
      total: redactions.reduce((s, [, n]) => s + (n ?? 0), 0),
    },
    declaration: {
      name: by.name,
      title: `${by.role} (requester of this export)`,
      text: DECLARATION,
    },
  };
}
