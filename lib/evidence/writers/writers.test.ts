import { describe, expect, it } from 'vitest';
import { LineSplitter, parseCopyRow } from './copy-rows';
import { stixPattern } from './stix';

describe('COPY text rows', () => {
  it('cuts lines at any chunk boundary, inside multi-byte characters too', () => {
    const lines = ['a\tb', 'é✓ 𝄞 x', '', 'last line ü'.repeat(50), 'z'];
    const bytes = Buffer.from(lines.map((l) => l + '\n').join(''));
    for (const size of [1, 2, 3, 5, 7, 64, bytes.length]) {
      const s = new LineSplitter();
      const got: string[] = [];
      for (let i = 0; i < bytes.length; i += size) got.push(...s.push(bytes.subarray(i, i + size)));
      expect(got, `chunks of ${size}`).toEqual(lines);
    }
  });

  it('undoes COPY escapes and maps \\N, numbers, booleans and JSON', () => {
    const fields = [
      'ev1',
      '2026-10-01T00:00:00.000Z',
      'acct',
      '\\N',
      'key',
      'm',
      '10.0.0.1',
      '64500',
      'US',
      'ua\\tx',
      '\\N',
      '3',
      '\\N',
      '\\N',
      'line1\\nline2 C:\\\\dir',
      'abc',
      'ok',
      '12',
      '34',
      '\\N',
      'stop',
      '0.7',
      't',
      '200',
      '{"a": "b\\\\nc"}',
    ];
    const row = parseCopyRow(fields.join('\t'));
    expect(row).toMatchObject({
      id: 'ev1',
      org_id: null,
      asn: 64500,
      user_agent: 'ua\tx',
      turn: 3,
      prompt: 'line1\nline2 C:\\dir',
      temperature: 0.7,
      thinking: true,
      status: 200,
      extra: { a: 'b\nc' },
    });
  });
});

describe('STIX patterns', () => {
  it('quotes values and picks an observable per kind', () => {
    expect(stixPattern('ip24', '10.1.2.0')).toBe("[ipv4-addr:value ISSUBSET '10.1.2.0/24']");
    expect(stixPattern('asn', '64500')).toBe('[autonomous-system:number = 64500]');
    expect(stixPattern('user_agent', "it's\\x")).toBe(
      "[network-traffic:extensions.'http-request-ext'.request_header.'User-Agent' = 'it\\'s\\\\x']",
    );
    expect(stixPattern('asn', 'not a number')).toBeNull();
    expect(stixPattern('model', 'x')).toBeNull();
  });
});
