import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  edgeNumber,
  hostileJson,
  hostileKey,
  hostileString,
  nested,
  prototypeClean,
  RUNS,
} from '@/tests/property';
import { toAccountRow } from './account-row';
import { EVENT_STAGE_COLUMNS, toEventRow } from './event-row';
import { MAX_EXTRA_DEPTH, parseCsvLine, parseJsonLine } from './record';
import { ACCOUNT_FIELDS, EVENT_FIELDS } from './schemas';

// Hostile lines through the ingest's parser and validator (issue 12): nothing throws — a line is
// either a row or a rejection with a reason (quarantined by the pipeline) — and accepted unknown
// fields come back exactly as sent.
const EXTRA = EVENT_STAGE_COLUMNS.indexOf('extra');
const BASE = '"id":"e1","ts":"2026-10-05T08:00:00Z","account_id":"a1","model":"m","prompt":"p"';

/** JSON text of a value, without recursion for the deep ones (JSON.stringify overflows there). */
const deepText = (depth: number) => {
  let open = '';
  let close = '';
  for (let i = depth - 1; i >= 0; i--) {
    open += i % 2 ? '[' : '{"k":';
    close = (i % 2 ? ']' : '}') + close;
  }
  return `${open}1${close}`;
};
const valueText = fc.oneof(
  hostileJson.map((v) => {
    try {
      return JSON.stringify(v) ?? 'null';
    } catch {
      return 'null'; // too deep for JSON.stringify: deepText covers those
    }
  }),
  fc.integer({ min: 1, max: 20_000 }).map(deepText),
);

function parseEvent(text: string) {
  const p = parseJsonLine(text, EVENT_FIELDS);
  return p.ok ? toEventRow(p.rec, p.extra, 7, false) : p;
}

describe('the ingest line parser, on hostile input', () => {
  it('never throws on arbitrary text, and rejects with a reason', () => {
    fc.assert(
      fc.property(hostileString(2000), (text) => {
        const r = parseEvent(text);
        if (!r.ok) expect(r.reason.length).toBeGreaterThan(0);
        const c = parseCsvLine(text, ['id', 'ts', 'account_id', 'model', 'prompt'], EVENT_FIELDS);
        if (!c.ok) expect(c.reason.length).toBeGreaterThan(0);
      }),
      { numRuns: RUNS },
    );
  });

  it('keeps unknown fields exactly (hostile keys included) or rejects the line, never crashes', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileKey, valueText), { maxLength: 6 }), (fields) => {
        const text = `{${BASE}${fields.map(([k, v]) => `,${JSON.stringify(k)}:${v}`).join('')}}`;
        const r = parseEvent(text);
        expect(prototypeClean()).toBe(true);
        const sent = JSON.parse(text) as Record<string, unknown>;
        const extra = Object.keys(sent).filter((k) => !Object.hasOwn(EVENT_FIELDS, k));
        if (!r.ok) {
          expect(r.reason).toMatch(/\S/);
          return;
        }
        expect(r.row[1]).toBe('e1');
        const kept = r.row[EXTRA] === null ? {} : JSON.parse(r.row[EXTRA] as string);
        expect(Object.keys(kept)).toEqual(extra);
        // a top-level string's lone surrogates become U+FFFD (documented); all else is as sent
        const asSent = (v: unknown) =>
          typeof v === 'string' ? (v as string & { toWellFormed(): string }).toWellFormed() : v;
        for (const k of extra)
          expect(JSON.stringify(kept[k])).toBe(JSON.stringify(asSent(sent[k])));
      }),
      { numRuns: RUNS },
    );
  });

  it('validates known fields against any value: integers stay in Postgres range', () => {
    const counts = ['input_tokens', 'output_tokens', 'max_tokens', 'asn', 'turn', 'status'];
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(EVENT_FIELDS)),
        fc.oneof(edgeNumber, hostileJson),
        (field, value) => {
          let v: string;
          try {
            v = JSON.stringify(value) ?? 'null';
          } catch {
            return; // too deep for this harness's own serialiser
          }
          const r = parseEvent(`{${BASE},${JSON.stringify(field)}:${v}}`);
          if (!r.ok) return void expect(r.reason).toMatch(/\S/);
          const at = EVENT_STAGE_COLUMNS.indexOf(field as (typeof EVENT_STAGE_COLUMNS)[number]);
          if (counts.includes(field) && r.row[at] !== null) {
            expect(Number.isInteger(r.row[at])).toBe(true);
            expect(Math.abs(r.row[at] as number)).toBeLessThanOrEqual(2147483647);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('accounts too: any field, any value, no crash', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(hostileKey, valueText), { maxLength: 6 }), (fields) => {
        const text = `{"account_id":"a1"${fields.map(([k, v]) => `,${JSON.stringify(k)}:${v}`).join('')}}`;
        const p = parseJsonLine(text, ACCOUNT_FIELDS);
        const r = p.ok ? toAccountRow(p.rec, p.extra, 1) : p;
        if (!r.ok) expect(r.reason).toMatch(/\S/);
        expect(prototypeClean()).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  // What fast-check found: an unknown field nested a few thousand levels made JSON.stringify
  // overflow the stack, an uncaught RangeError that failed the whole run.
  it('rejects deeply nested unknown fields with a reason naming extra', () => {
    const r = parseEvent(`{${BASE},"deep":${deepText(5000)}}`);
    expect(r).toEqual({
      ok: false,
      field: 'extra',
      reason: `an unknown field is nested deeper than ${MAX_EXTRA_DEPTH} levels`,
    });
    expect(parseEvent(`{${BASE},"ok":${deepText(MAX_EXTRA_DEPTH - 1)}}`).ok).toBe(true);
    expect(nested(3)).toEqual({ k: [{ k: 1 }] });
  });

  it("keeps '__proto__' and 'constructor' as ordinary unknown fields", () => {
    const r = parseEvent(`{${BASE},"__proto__":{"polluted":1},"constructor":"c"}`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.row[EXTRA]).toBe('{"__proto__":{"polluted":1},"constructor":"c"}');
    expect(prototypeClean()).toBe(true);
  });
});
