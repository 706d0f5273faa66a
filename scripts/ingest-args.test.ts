import { describe, expect, it } from 'vitest';
import { parseIngestArgs } from './ingest-args';

describe('parseIngestArgs', () => {
  it('takes --batch-size N and --batch-size=N alike', () => {
    const spaced = parseIngestArgs(['events', 'f.ndjson', '--batch-size', '500']);
    const joined = parseIngestArgs(['events', 'f.ndjson', '--batch-size=500']);
    expect(spaced).toEqual({ kind: 'events', file: 'f.ndjson', batchSize: 500, noCopy: false });
    expect(joined).toEqual(spaced);
  });

  it('reads --no-copy before or after the file, and stdin as -', () => {
    expect(parseIngestArgs(['accounts', '--no-copy', '-'])).toEqual({
      kind: 'accounts',
      file: '-',
      batchSize: undefined,
      noCopy: true,
    });
  });

  it('refuses unknown flags, a missing or bad batch size, and a bad kind, with the usage line', () => {
    expect(() => parseIngestArgs(['events', 'f', '--batch'])).toThrow(
      /Unknown option '--batch'.*\n.*usage/s,
    );
    expect(() => parseIngestArgs(['events', 'f', '--batch-size'])).toThrow(/--batch-size/);
    expect(() => parseIngestArgs(['events', 'f', '--batch-size', 'x'])).toThrow(
      /--batch-size must be a positive integer, got "x"/,
    );
    expect(() => parseIngestArgs(['events', 'f', '--batch-size=0'])).toThrow(/positive integer/);
    expect(() => parseIngestArgs(['rows', 'f'])).toThrow(/^usage/);
    expect(() => parseIngestArgs(['events'])).toThrow(/^usage/);
    expect(() => parseIngestArgs(['events', 'a', 'b'])).toThrow(/^usage/);
  });
});
