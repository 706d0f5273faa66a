import { createDoc, stampPages, toBuffer } from './pdf-doc';
import { methodSection, sourcesSection, summarySection, titleBlock } from './sections-front';
import { findingsSection } from './sections-findings';
import {
  clausesSection,
  custodySection,
  declarationSection,
  exhibitsSection,
  limitationsSection,
} from './sections-back';
import type { ReportInput } from './types';

/**
 * Renders the investigator report (data/report.pdf). Pure function of `input`: two calls with the
 * same input give the same bytes (pdfkit's dates and file id come from `builtAt`; font subset tags
 * are derived, not random).
 */
export async function renderReportPdf(input: ReportInput): Promise<Buffer> {
  const doc = createDoc({
    title: `Investigator report — ${input.case.title}`,
    subject: `Case ${input.case.id}`,
    author: input.preparedBy.name,
    at: input.builtAt,
  });
  titleBlock(doc, input);
  summarySection(doc, input);
  sourcesSection(doc, input);
  methodSection(doc, input);
  findingsSection(doc, input);
  clausesSection(doc, input);
  limitationsSection(doc, input);
  exhibitsSection(doc, input);
  custodySection(doc, input);
  declarationSection(doc, input);
  stampPages(doc, input.caption, input.case.id);
  return toBuffer(doc);
}
