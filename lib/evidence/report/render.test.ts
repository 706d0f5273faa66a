import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderReportPdf } from './render';
import { EXHIBIT_SHA, testReportInput } from './test-input';

// Checked with tools we did not write (qpdf, poppler-utils), as a court expert would.
describe('renderReportPdf', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'report-'));
  const file = path.join(dir, 'report.pdf');
  const input = testReportInput();
  let pdf: Buffer;

  it('renders a PDF that qpdf accepts', async () => {
    pdf = await renderReportPdf(input);
    writeFileSync(file, pdf);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    execFileSync('qpdf', ['--check', file]); // throws on a non-zero exit
  }, 60_000); // font subsetting takes seconds on a loaded machine (5 s default timed out)

  it('has selectable text with the case id, an exhibit hash and page numbers', () => {
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    expect(text).toContain(input.case.id);
    expect(text).toContain(EXHIBIT_SHA);
    expect(text).toContain('Declaration');
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file]).toString())?.[1]);
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain(`Page ${pages} of ${pages}`);
    // The caption and case id stand on every page (pdftotext separates pages by form feeds).
    const perPage = text.split('\f').filter((p) => p.trim());
    expect(perPage).toHaveLength(pages);
    for (const p of perPage) expect(p).toContain(`Case ${input.case.id}`);
  });

  it('embeds every font it uses', () => {
    const lines = execFileSync('pdffonts', [file]).toString().trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    for (const l of lines) expect(l).toMatch(/DejaVu\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
  });

  it('is byte-identical for the same input, and differs when only the build time does', async () => {
    expect((await renderReportPdf(input)).equals(pdf)).toBe(true);
    const later = await renderReportPdf({ ...input, builtAt: new Date('2026-12-01T00:00:00Z') });
    expect(later.equals(pdf)).toBe(false);
  }, 60_000);
});
