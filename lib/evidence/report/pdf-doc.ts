import PDFDocument from 'pdfkit';
import { FONT, fontFiles } from './fonts';

export type Doc = PDFKit.PDFDocument;

export const PAGE = { width: 595.28, height: 841.89, margin: 56, top: 74, bottom: 64 } as const;
export const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
export const COLOR = { text: '#111827', muted: '#4b5563', rule: '#d1d5db', accent: '#1d4ed8' };

/** A4 document with embedded fonts, fixed info dates (determinism) and buffered pages (numbering). */
export function createDoc(info: { title: string; subject: string; author: string; at: Date }): Doc {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.margin, right: PAGE.margin },
    bufferPages: true,
    autoFirstPage: true,
    lang: 'en',
    displayTitle: true,
    info: {
      Title: info.title,
      Subject: info.subject,
      Author: info.author,
      Creator: 'Distill Watch',
      Producer: 'Distill Watch (pdfkit)',
      CreationDate: info.at,
      ModDate: info.at,
    },
  });
  for (const f of fontFiles()) doc.registerFont(f.name, f.file);
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
  return doc;
}

/** Starts a new page when fewer than `height` points remain above the bottom margin. */
export function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > PAGE.height - PAGE.bottom) doc.addPage();
}

export function heading(doc: Doc, text: string): void {
  ensureSpace(doc, 60);
  doc.moveDown(0.8);
  doc.font(FONT.bold).fontSize(13).fillColor(COLOR.text).text(text, PAGE.margin, doc.y);
  const y = doc.y + 2;
  doc
    .moveTo(PAGE.margin, y)
    .lineTo(PAGE.width - PAGE.margin, y)
    .lineWidth(0.5);
  doc.strokeColor(COLOR.rule).stroke();
  doc.moveDown(0.5);
  doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
}

export function subheading(doc: Doc, text: string): void {
  ensureSpace(doc, 40);
  doc.moveDown(0.4);
  doc.font(FONT.bold).fontSize(11).fillColor(COLOR.text).text(text, PAGE.margin, doc.y);
  doc.moveDown(0.2);
  doc.font(FONT.regular).fontSize(10);
}

export function para(doc: Doc, text: string, opts: { muted?: boolean; size?: number } = {}): void {
  doc
    .font(FONT.regular)
    .fontSize(opts.size ?? 10)
    .fillColor(opts.muted ? COLOR.muted : COLOR.text)
    .text(text, PAGE.margin, doc.y, { width: CONTENT_WIDTH, align: 'left' });
  doc.fillColor(COLOR.text);
}

export function bullets(doc: Doc, items: string[]): void {
  for (const item of items) {
    ensureSpace(doc, 14);
    doc.font(FONT.regular).fontSize(10).fillColor(COLOR.text);
    doc.text(`•  ${item}`, PAGE.margin + 6, doc.y, { width: CONTENT_WIDTH - 6, indent: 0 });
    doc.moveDown(0.15);
  }
}

/** Two-column "label: value" rows; the label column is fixed so values line up. */
export function keyValues(doc: Doc, rows: [string, string][], labelWidth = 150): void {
  for (const [k, v] of rows) {
    ensureSpace(doc, 14);
    const y = doc.y;
    doc
      .font(FONT.bold)
      .fontSize(9.5)
      .text(k, PAGE.margin, y, { width: labelWidth - 8 });
    const afterLabel = doc.y;
    doc.font(FONT.regular).fontSize(9.5);
    doc.text(v, PAGE.margin + labelWidth, y, { width: CONTENT_WIDTH - labelWidth });
    doc.y = Math.max(doc.y, afterLabel) + 2;
  }
  doc.x = PAGE.margin;
}

/** Running header (caption + case id) and footer (page X of N) on every buffered page. */
export function stampPages(doc: Doc, caption: string, caseId: string): void {
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    // Writing into the margins must not trigger pdfkit's automatic page break.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc.font(FONT.regular).fontSize(8).fillColor(COLOR.muted);
    doc.text(caption, PAGE.margin, 28, { width: CONTENT_WIDTH, lineBreak: false, ellipsis: true });
    doc.text(`Case ${caseId}`, PAGE.margin, 40, { width: CONTENT_WIDTH, lineBreak: false });
    doc
      .moveTo(PAGE.margin, 54)
      .lineTo(PAGE.width - PAGE.margin, 54)
      .lineWidth(0.5)
      .strokeColor(COLOR.rule)
      .stroke();
    doc.text(`Page ${i + 1} of ${range.count}`, PAGE.margin, PAGE.height - 40, {
      width: CONTENT_WIDTH,
      align: 'right',
      lineBreak: false,
    });
    doc.text(`Case ${caseId}`, PAGE.margin, PAGE.height - 40, { lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor(COLOR.text);
}

export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}
