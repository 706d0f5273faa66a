import { FONT } from './fonts';
import {
  COLOR,
  PAGE,
  CONTENT_WIDTH,
  bullets,
  ensureSpace,
  heading,
  para,
  subheading,
} from './pdf-doc';
import type { Doc } from './pdf-doc';
import type { ReportInput } from './types';

export function clausesSection(doc: Doc, r: ReportInput): void {
  heading(doc, '5. Terms of service clauses');
  if (r.clauses.length === 0) {
    para(doc, 'No terms-of-service clauses were linked to this case.', { muted: true });
    return;
  }
  for (const c of r.clauses) {
    subheading(doc, `${c.ref} ${c.title}`);
    para(doc, c.text);
    if (c.subjects.length)
      para(doc, `Linked to: ${c.subjects.join(', ')}`, { muted: true, size: 9 });
  }
}

export function limitationsSection(doc: Doc, r: ReportInput): void {
  heading(doc, '6. Limitations and alternative explanations');
  subheading(doc, 'Limitations');
  bullets(doc, r.limitations.length ? r.limitations : ['None recorded.']);
  subheading(doc, 'Alternative explanations considered');
  bullets(doc, r.alternativeExplanations.length ? r.alternativeExplanations : ['None recorded.']);
}

export function exhibitsSection(doc: Doc, r: ReportInput): void {
  heading(doc, '7. Exhibit list');
  para(doc, 'Each file is listed in the bag manifests with the same SHA-256 digest.', {
    muted: true,
    size: 9,
  });
  doc.moveDown(0.3);
  for (const e of r.exhibits) {
    ensureSpace(doc, 34);
    doc.font(FONT.bold).fontSize(9).fillColor(COLOR.text);
    doc.text(`${e.label}  `, PAGE.margin, doc.y, { continued: true });
    doc.font(FONT.regular).text(`${e.path} — ${e.bytes.toLocaleString('en-US')} bytes`);
    if (e.description) para(doc, e.description, { muted: true, size: 8.5 });
    // One unbroken line so a text extract (pdftotext) finds the whole digest.
    doc.font(FONT.mono).fontSize(7.5).fillColor(COLOR.text);
    doc.text(`SHA-256 ${e.sha256}`, PAGE.margin + 10, doc.y, { lineBreak: false });
    doc.moveDown(0.9);
  }
  if (r.exhibits.length === 0) para(doc, 'No exhibit files.', { muted: true });
  doc.x = PAGE.margin;
}

export function custodySection(doc: Doc, r: ReportInput): void {
  heading(doc, '8. Chain of custody');
  para(
    doc,
    'Every action on the case and the export, in order. Each entry carries the hash of the ' +
      'previous one; the full log is data/custody.jsonl.',
    { muted: true, size: 9 },
  );
  doc.moveDown(0.3);
  for (const c of r.custody) {
    ensureSpace(doc, 30);
    doc.font(FONT.bold).fontSize(8.5).fillColor(COLOR.text);
    doc.text(`#${c.seq}  ${c.at}  ${c.action}  `, PAGE.margin, doc.y, { continued: true });
    doc.font(FONT.regular).text(`by ${c.actor}`);
    if (c.detail) para(doc, c.detail, { size: 8.5 });
    doc.font(FONT.mono).fontSize(7).fillColor(COLOR.muted);
    doc.text(`hash ${c.hash}`, PAGE.margin + 10, doc.y, { lineBreak: false });
    doc.moveDown(0.8);
  }
  if (r.custody.length === 0) para(doc, 'No custody entries.', { muted: true });
  doc.fillColor(COLOR.text);
}

export function declarationSection(doc: Doc, r: ReportInput): void {
  heading(doc, '9. Declaration');
  para(doc, r.declaration.text);
  ensureSpace(doc, 110);
  doc.moveDown(2.5);
  const y = doc.y;
  const w = (CONTENT_WIDTH - 40) / 2;
  doc
    .moveTo(PAGE.margin, y)
    .lineTo(PAGE.margin + w, y)
    .lineWidth(0.7)
    .strokeColor(COLOR.text)
    .stroke();
  doc
    .moveTo(PAGE.margin + w + 40, y)
    .lineTo(PAGE.margin + 2 * w + 40, y)
    .stroke();
  doc.font(FONT.regular).fontSize(9).fillColor(COLOR.text);
  doc.text(`Signature — ${r.declaration.name}, ${r.declaration.title}`, PAGE.margin, y + 4, {
    width: w,
  });
  doc.text(
    `Date${r.declaration.place ? ` and place (${r.declaration.place})` : ''}`,
    PAGE.margin + w + 40,
    y + 4,
    { width: w },
  );
  doc.x = PAGE.margin;
}
