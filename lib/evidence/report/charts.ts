import { COLOR, CONTENT_WIDTH, PAGE, ensureSpace, type Doc } from './pdf-doc';
import { FONT } from './fonts';
import type { ReportSeriesPoint } from './types';

// Vector charts drawn with pdfkit paths from the same daily series the account and cluster pages
// plot (lib/queries/account-series.ts): no screenshots, so they scale and stay selectable.
const H = 110;
const PAD = { left: 44, right: 10, top: 16, bottom: 26 };
const BAND = '#bbf7d0';
const LINE = '#1d4ed8';
const BARS = '#64748b';

interface Frame {
  x0: number;
  y0: number;
  w: number;
  h: number;
}

function frame(doc: Doc, title: string): Frame {
  ensureSpace(doc, H + 24);
  doc.font(FONT.bold).fontSize(9).fillColor(COLOR.text).text(title, PAGE.margin, doc.y);
  const top = doc.y + 2;
  const f = {
    x0: PAGE.margin + PAD.left,
    y0: top + PAD.top,
    w: CONTENT_WIDTH - PAD.left - PAD.right,
    h: H - PAD.top - PAD.bottom,
  };
  doc.rect(f.x0, f.y0, f.w, f.h).lineWidth(0.5).strokeColor(COLOR.rule).stroke();
  doc.y = top + H;
  return f;
}

function yAxis(doc: Doc, f: Frame, max: number, fmt: (v: number) => string, unit: string): void {
  doc.font(FONT.regular).fontSize(7).fillColor(COLOR.muted);
  for (const t of [0, 0.5, 1]) {
    const y = f.y0 + f.h - t * f.h;
    doc.text(fmt(t * max), f.x0 - PAD.left, y - 3.5, { width: PAD.left - 4, align: 'right' });
  }
  doc.text(unit, f.x0 - PAD.left, f.y0 - 12, { width: PAD.left + 60, lineBreak: false });
}

function xAxis(doc: Doc, f: Frame, points: ReportSeriesPoint[]): void {
  if (points.length === 0) return;
  doc.font(FONT.regular).fontSize(7).fillColor(COLOR.muted);
  const first = points[0].key;
  const last = points[points.length - 1].key;
  doc.text(first, f.x0, f.y0 + f.h + 3, { lineBreak: false });
  doc.text(last, f.x0 + f.w - 60, f.y0 + f.h + 3, { width: 60, align: 'right', lineBreak: false });
  doc.text('day (UTC)', f.x0 + f.w / 2 - 30, f.y0 + f.h + 3, { width: 60, align: 'center' });
}

function legend(doc: Doc, f: Frame, items: { color: string; label: string }[]): void {
  let x = f.x0 + 4;
  const y = f.y0 + f.h + 14;
  doc.font(FONT.regular).fontSize(7);
  for (const it of items) {
    doc.rect(x, y + 1, 8, 6).fill(it.color);
    doc.fillColor(COLOR.muted).text(it.label, x + 11, y, { lineBreak: false });
    x += 11 + doc.widthOfString(it.label) + 14;
  }
  doc.fillColor(COLOR.text);
}

const xAt = (f: Frame, i: number, n: number) => f.x0 + (n <= 1 ? f.w / 2 : (i / (n - 1)) * f.w);

/** Daily events as bars. */
export function volumeChart(doc: Doc, title: string, points: ReportSeriesPoint[]): void {
  const f = frame(doc, title);
  const max = Math.max(1, ...points.map((p) => p.events));
  const bw = Math.max(0.6, (f.w / Math.max(1, points.length)) * 0.8);
  points.forEach((p, i) => {
    const h = (p.events / max) * f.h;
    const x = f.x0 + ((i + 0.5) / points.length) * f.w - bw / 2;
    if (h > 0) doc.rect(x, f.y0 + f.h - h, bw, h).fill(BARS);
  });
  yAxis(doc, f, max, (v) => Math.round(v).toLocaleString('en-US'), 'events / day');
  xAxis(doc, f, points);
  legend(doc, f, [{ color: BARS, label: `events per day (total ${sum(points)})` }]);
  doc.y = f.y0 + f.h + 28;
}

/** Cumulative taxonomy coverage against the benign p5–p95 band. */
export function coverageChart(doc: Doc, title: string, points: ReportSeriesPoint[]): void {
  const f = frame(doc, title);
  const n = points.length;
  const y = (v: number) => f.y0 + f.h - Math.max(0, Math.min(1, v)) * f.h;
  const banded = points.map((p, i) => ({ i, p })).filter(({ p }) => p.band_lo != null);
  if (banded.length > 1) {
    doc.moveTo(xAt(f, banded[0].i, n), y(banded[0].p.band_hi ?? 0));
    for (const { i, p } of banded) doc.lineTo(xAt(f, i, n), y(p.band_hi ?? 0));
    for (const { i, p } of [...banded].reverse()) doc.lineTo(xAt(f, i, n), y(p.band_lo ?? 0));
    doc.closePath().fill(BAND);
  }
  if (n > 0) {
    doc.moveTo(xAt(f, 0, n), y(points[0].coverage));
    points.forEach((p, i) => doc.lineTo(xAt(f, i, n), y(p.coverage)));
    doc.lineWidth(1.2).strokeColor(LINE).stroke();
  }
  yAxis(doc, f, 1, (v) => `${Math.round(v * 100)}%`, 'coverage of taxonomy (%)');
  xAxis(doc, f, points);
  const items = [{ color: LINE, label: 'cumulative coverage' }];
  if (banded.length > 1) items.push({ color: BAND, label: 'benign band p5–p95' });
  legend(doc, f, items);
  doc.y = f.y0 + f.h + 28;
}

function sum(points: ReportSeriesPoint[]): string {
  return points.reduce((s, p) => s + p.events, 0).toLocaleString('en-US');
}
