import { FONT } from './fonts';
import { COLOR, PAGE, CONTENT_WIDTH, heading, keyValues, para, subheading } from './pdf-doc';
import type { Doc } from './pdf-doc';
import type { ReportInput } from './types';

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(3).replace(/0+$/, ''));

export function titleBlock(doc: Doc, r: ReportInput): void {
  doc.font(FONT.bold).fontSize(18).fillColor(COLOR.text);
  doc.text('Investigator report', PAGE.margin, doc.y, { width: CONTENT_WIDTH });
  doc.font(FONT.regular).fontSize(13).text(r.case.title, { width: CONTENT_WIDTH });
  doc.moveDown(0.6);
  keyValues(doc, [
    ['Case id', r.case.id],
    ...(r.case.status ? ([['Case status', r.case.status]] as [string, string][]) : []),
    ['Prepared by', `${r.preparedBy.name} <${r.preparedBy.email}> (${r.preparedBy.role})`],
    ['Organisation', `${r.organization.name} — ${r.organization.contactEmail}`],
    ['Report built', r.builtAt.toISOString()],
  ]);
}

export function summarySection(doc: Doc, r: ReportInput): void {
  heading(doc, '1. Summary');
  para(doc, r.case.summary || 'No summary was written on the case.');
  doc.moveDown(0.4);
  const accounts = r.findings.filter((f) => f.kind === 'account').length;
  const clusters = r.findings.filter((f) => f.kind === 'cluster').length;
  const events = r.findings.filter((f) => f.kind === 'account').reduce((s, f) => s + f.events, 0);
  para(
    doc,
    `Scope: ${accounts} account(s) and ${clusters} cluster(s); ${events.toLocaleString('en-US')} ` +
      `events on the listed accounts; ${r.exhibits.length} exhibit file(s).`,
    { muted: true },
  );
}

export function sourcesSection(doc: Doc, r: ReportInput): void {
  heading(doc, '2. Data sources and time zone');
  keyValues(doc, [
    ['Time zone', r.timeZone],
    ['Time range', `${r.timeRange.from ?? 'start of data'} to ${r.timeRange.to ?? 'end of data'}`],
    [
      'Fields exported',
      r.fields === 'full'
        ? 'full prompt and response text (redacted where noted)'
        : 'hashes only (SHA-256 of prompt and response text)',
    ],
  ]);
  doc.moveDown(0.3);
  for (const s of r.dataSources) {
    subheading(doc, s.name);
    para(doc, s.description);
  }
}

export function methodSection(doc: Doc, r: ReportInput): void {
  const m = r.method;
  heading(doc, '3. Method');
  keyValues(doc, [
    ['Product version', m.productVersion],
    ['Git commit', m.gitCommit],
    ['Detection run', m.detectionRunId ? `${m.detectionRunId} (${m.detectionRunAt ?? '?'})` : '—'],
    ['Risk formula', m.riskFormula],
  ]);
  subheading(doc, 'Thresholds in force at detection time');
  keyValues(
    doc,
    Object.entries(m.thresholds).map(([k, v]) => [k, fmt(v)]),
    200,
  );
  subheading(doc, 'Signal definitions and weights');
  for (const s of m.signals) {
    const w = m.weights[s.id];
    const ramp = s.invert
      ? `${fmt(s.hi)} → ${fmt(s.lo)} (lower is more suspicious)`
      : `${fmt(s.lo)} → ${fmt(s.hi)}`;
    doc.font(FONT.bold).fontSize(9.5).text(`${s.label} (${s.id})`, PAGE.margin, doc.y);
    doc.font(FONT.regular).fontSize(9);
    doc.text(
      `Evidence ramp ${ramp}${s.unit ? ` ${s.unit}` : ''}; weight ${w == null ? '0 (off)' : fmt(w)}. ${s.explain}`,
      PAGE.margin + 10,
      doc.y,
      { width: CONTENT_WIDTH - 10 },
    );
    doc.moveDown(0.25);
  }
  if (r.sample) {
    subheading(doc, 'Exhibit sample');
    para(doc, `${r.sample.method} Seed: ${r.sample.seed}. Size: ${r.sample.size} event(s).`);
  }
  subheading(doc, 'Redaction');
  const kinds = Object.entries(r.redaction.byKind)
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ');
  para(
    doc,
    r.redaction.enabled
      ? `Third-party personal data inside prompts was redacted: ${r.redaction.total} redaction(s)` +
          `${kinds ? ` (${kinds})` : ''}, each listed in data/redaction-log.csv.` +
          (r.redaction.note ? ` ${r.redaction.note}` : '')
      : 'Redaction was switched off for this export by the requester.',
  );
}
