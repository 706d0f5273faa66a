import { describe, expect, it } from 'vitest';
import { chainCustody, custodyText, verifyCustodyText } from '../writers/custody';
import { loadFileText, parseLoadFile } from '../writers/loadfile';
import { uuidv5 } from '../writers/uuid5';
import { bagInfoText, manifestText, parseBagInfo, parseManifest, payloadOxum } from './bagit';

const f = (path: string, bytes: number) => ({
  path,
  bytes,
  sha256: 'a'.repeat(64),
  sha512: 'b'.repeat(128),
});

describe('BagIt text', () => {
  it('sorts manifest lines, uses sha256sum layout, percent-encodes CR/LF/% and parses back', () => {
    const text = manifestText([f('data/b.txt', 1), f('data/a%\n.txt', 2)], 'sha256');
    expect(text).toBe(`${'a'.repeat(64)}  data/a%25%0A.txt\n${'a'.repeat(64)}  data/b.txt\n`);
    expect([...parseManifest(text).entries.keys()]).toEqual(['data/a%\n.txt', 'data/b.txt']);
    expect(parseManifest('zz nope\n').problems).toEqual(['line 1: not "<hash>  <path>"']);
  });

  it('computes Payload-Oxum and round-trips bag-info', () => {
    expect(payloadOxum([f('x', 10), f('y', 5)])).toBe('15.2');
    const info = bagInfoText([
      ['External-Identifier', 'case\n1'],
      ['Payload-Oxum', '15.2'],
    ]);
    expect(parseBagInfo(info).get('External-Identifier')).toBe('case 1');
  });
});

describe('custody chain', () => {
  const entries = chainCustody(
    'c1',
    [
      {
        id: '7',
        at: '2026-01-01T00:00:00.000Z',
        actor_email: 'a@x',
        action: 'case.create',
        target_type: 'case',
        target_id: 'c1',
        after: { x: 1 },
        reason: null,
        hash: 'h',
      },
    ],
    [{ at: '2026-01-02T00:00:00Z', actor: 'b@x', action: 'evidence.export.requested' }],
    'e1',
  );
  it('links entries and verifies; a changed field names its line', () => {
    const text = custodyText(entries);
    expect(verifyCustodyText(text)).toMatchObject({ ok: true, head: entries[1].hash });
    const bad = text.replace('"x":1', '"x":2');
    expect(verifyCustodyText(bad).problem).toBe('line 1: hash does not match its content');
    const swapped = text.split('\n').reverse().join('\n');
    expect(verifyCustodyText(swapped).ok).toBe(false);
  });
});

describe('load file and ids', () => {
  it('writes þ-quoted, ¶-separated CRLF records that parse back', () => {
    const text = loadFileText('c1', [
      {
        path: 'data/natives/PROD0000001.jsonl',
        begBates: 'PROD0000001',
        endBates: 'PROD0000003',
        events: 3,
        bytes: 9,
        sha256: 's',
        unredactedSha256: 'u',
        custodian: 'acct¶1',
        dateFrom: 'd1',
        dateTo: 'd2',
        redactions: 0,
      },
    ]);
    expect(text.startsWith('þBEGBATESþ¶þENDBATESþ')).toBe(true);
    expect(text.endsWith('þc1þ\r\n')).toBe(true);
    expect(parseLoadFile(text)[0]).toMatchObject({
      NATIVEPATH: 'natives/PROD0000001.jsonl',
      CUSTODIAN: 'acct 1',
    });
  });
  it('makes RFC 9562 UUIDv5 ids (known vector)', () => {
    // python: uuid.uuid5(uuid.NAMESPACE_DNS, 'python.org')
    expect(uuidv5('python.org', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
      '886313e1-3b8a-5372-9b90-0c9aee199e5d',
    );
  });
});
