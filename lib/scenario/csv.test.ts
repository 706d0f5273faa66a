import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvRecords } from './csv';
import { fillPlaceholders, resolvePromptsCsv } from './prompt-source';

describe('parseCsv', () => {
  it('handles quotes, doubled quotes, commas and line breaks inside fields, CRLF records', () => {
    const text = 'a,b,c\r\n1,"x, y","say ""hi"""\r\n2,"line one\nline two",\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['1', 'x, y', 'say "hi"'],
      ['2', 'line one\nline two', ''],
    ]);
  });
  it('maps records by header and ignores a trailing empty line', () => {
    expect(parseCsvRecords('act,prompt\nPoet,"Write, please"\n')).toEqual([
      { act: 'Poet', prompt: 'Write, please' },
    ]);
  });
  it('replaces ${Name:default} placeholders by their default', () => {
    expect(fillPlaceholders('Hello ${Name:Ada}, ${Topic} ${X: two words }')).toBe(
      'Hello Ada, Topic two words',
    );
  });
  const csv = resolvePromptsCsv();
  it('reads all 328 prompts of the shared CC0 file', () => {
    const rows = parseCsvRecords(readFileSync(csv, 'utf8'));
    expect(rows).toHaveLength(328);
    expect(new Set(rows.map((r) => r.act)).size).toBe(328);
    expect(rows.every((r) => ['TRUE', 'FALSE'].includes(r.for_devs))).toBe(true);
  });
});
