import type { Batch } from './batch';
import type { QuarantineRow } from './runs';
import type { LineError } from './types';

// Rejected lines and refused rows, as the quarantine table stores them.
const RAW_MAX = 4096;
const clean = (s: string) => {
  const t = s.replace(/\u0000/g, '\\u0000') as string & { toWellFormed?: () => string };
  return t.toWellFormed ? t.toWellFormed() : t; // a cut may split a surrogate pair
};

/** A quarantine row: the raw text cut to 4 KiB, and every customer-written part made storable. */
export function quarantineRow(
  raw: string,
  lineNo: number,
  field: string | undefined,
  reason: string,
  longLine = false,
): QuarantineRow {
  // The field name and the reason quote customer-written keys, which can hold NULs and lone
  // surrogates that Postgres json/text refuse: cleaned like the raw text, or the quarantine
  // insert itself failed and took the whole batch with it.
  return {
    line_no: lineNo,
    raw: clean(raw.length > RAW_MAX ? raw.slice(0, RAW_MAX) : raw),
    truncated: longLine || raw.length > RAW_MAX,
    field: field === undefined ? null : clean(field),
    reason: clean(reason),
  };
}

/** Adds a rejected line: quarantined with at most 4 KiB of its raw text. */
export function reject(
  b: Batch,
  errors: LineError[],
  raw: string,
  lineNo: number,
  field: string | undefined,
  reason: string,
  longLine = false,
) {
  const q = quarantineRow(raw, lineNo, field, reason, longLine);
  b.quarantine.push(q);
  noteError(errors, q);
}

/** The summary keeps the first 20 rejected lines. */
export function noteError(errors: LineError[], q: QuarantineRow) {
  if (errors.length < 20)
    errors.push(
      q.field
        ? { line: q.line_no, field: q.field, reason: q.reason }
        : { line: q.line_no, reason: q.reason },
    );
}
