import { FONT } from './fonts';
import {
  COLOR,
  PAGE,
  CONTENT_WIDTH,
  bullets,
  ensureSpace,
  heading,
  keyValues,
  para,
  subheading,
} from './pdf-doc';
import type { Doc } from './pdf-doc';
import { coverageChart, volumeChart } from './charts';
import type { ReportFinding, ReportInput } from './types';

const pct = (v: number | null) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

function finding(doc: Doc, f: ReportFinding, n: string): void {
  subheading(doc, `${n} ${f.kind === 'cluster' ? 'Cluster' : 'Account'} ${f.id} — ${f.title}`);
  const rows: [string, string][] = [
    ['Risk at detection', pct(f.risk)],
    ['Events', f.events.toLocaleString('en-US')],
    ['Active', `${f.firstSeen ?? '—'} to ${f.lastSeen ?? '—'}`],
  ];
  if (f.members != null) rows.push(['Members', String(f.members)]);
  if (f.clusterId) rows.push(['Cluster', f.clusterId]);
  keyValues(doc, rows, 120);
  if (f.reasons.length) {
    doc.moveDown(0.2);
    bullets(doc, f.reasons);
  }
  if (f.signals.length) {
    ensureSpace(doc, 30);
    doc.moveDown(0.2);
    doc.font(FONT.bold).fontSize(8.5).fillColor(COLOR.text);
    const cols = [0, 200, 290, 360, 430];
    const header = ['Signal', 'Value', 'Evidence', 'Weight', 'Weight × ev.'];
    const y0 = doc.y;
    header.forEach((h, i) => doc.text(h, PAGE.margin + cols[i], y0, { lineBreak: false }));
    doc.y = y0 + 12;
    doc.font(FONT.regular);
    for (const s of f.signals) {
      ensureSpace(doc, 12);
      const y = doc.y;
      const cells = [
        s.label,
        `${s.value.toFixed(3)}${s.unit ? ` ${s.unit}` : ''}`,
        s.evidence.toFixed(2),
        s.weight.toFixed(2),
        (s.weight * s.evidence).toFixed(2),
      ];
      cells.forEach((c, i) =>
        doc.text(c, PAGE.margin + cols[i], y, {
          width: (cols[i + 1] ?? CONTENT_WIDTH) - cols[i] - 6,
          lineBreak: false,
          ellipsis: true,
        }),
      );
      doc.y = y + 11;
    }
    doc.font(FONT.regular).fontSize(10);
  }
  doc.moveDown(0.5);
  const what = f.kind === 'cluster' ? 'all members combined' : 'this account';
  volumeChart(doc, `Daily volume — ${what}`, f.series);
  coverageChart(doc, `Capability coverage vs benign accounts — ${what}`, f.series);
}

export function findingsSection(doc: Doc, r: ReportInput): void {
  heading(doc, '4. Findings');
  if (r.findings.length === 0) {
    para(doc, 'The case links no accounts or clusters.');
    return;
  }
  para(
    doc,
    'Charts are drawn from the daily rollups the product shows on its account and cluster pages. ' +
      'The benign band is the 5th–95th percentile of cumulative coverage among accounts of similar ' +
      'volume that detection did not flag, at the same point of their active span.',
    { muted: true, size: 9 },
  );
  const clusters = r.findings.filter((f) => f.kind === 'cluster');
  const accounts = r.findings.filter((f) => f.kind === 'account');
  [...clusters, ...accounts].forEach((f, i) => finding(doc, f, `4.${i + 1}`));
}
