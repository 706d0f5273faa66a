import { splitCsvRecord } from './csv';
import type { FieldKind } from './schemas';

export type RecordResult =
  | { ok: true; rec: Record<string, unknown>; extra: Record<string, unknown> | null }
  | { ok: false; field?: string; reason: string };

type MaybeWellFormed = string & { isWellFormed?: () => boolean; toWellFormed?: () => string };
const isWellFormed = (s: string): boolean => (s as MaybeWellFormed).isWellFormed?.() ?? false;
const wellFormed = (s: string): string => {
  const x = s as MaybeWellFormed;
  return x.isWellFormed && !x.isWellFormed() && x.toWellFormed ? x.toWellFormed() : s;
};

/** Deepest nesting of arrays/objects kept in `extra` (JSON.stringify recursed, and crashed the
 * whole run, on a few thousand levels; jsonb has its own limit). */
export const MAX_EXTRA_DEPTH = 64;

/** True when `v` nests objects/arrays deeper than `max` (iterative: no recursion to overflow). */
function deeperThan(v: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[v, 1]];
  while (stack.length) {
    const [x, depth] = stack.pop() as [unknown, number];
    if (x === null || typeof x !== 'object') continue;
    if (depth > max) return true;
    for (const k in x) stack.push([(x as Record<string, unknown>)[k], depth + 1]);
  }
  return false;
}

/** `o[key] = value`, also for the key '__proto__', which plain assignment turns into the prototype. */
function put(o: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(o, key, { value, enumerable: true, writable: true, configurable: true });
  else o[key] = value;
}

/**
 * Checks shared by both formats: Postgres text/jsonb cannot hold NUL characters, so a field with
 * one rejects the line (naming the field); lone UTF-16 surrogates (from \ud800-style escapes)
 * become U+FFFD. Unknown fields go to `extra`, nested at most MAX_EXTRA_DEPTH levels.
 */
function finish(obj: Record<string, unknown>, known: Record<string, FieldKind>): RecordResult {
  const rec: Record<string, unknown> = {};
  let extra: Record<string, unknown> | null = null;
  for (const key in obj) {
    let value = obj[key];
    if (typeof value === 'string') {
      if (value.includes('\u0000'))
        return { ok: false, field: key, reason: `${key}: contains a NUL character (\\u0000)` };
      value = wellFormed(value);
    }
    if (Object.hasOwn(known, key))
      rec[key] = value; // not `in`: 'constructor' is in every object
    else put((extra ??= {}), key, value);
  }
  if (extra && deeperThan(extra, MAX_EXTRA_DEPTH))
    return {
      ok: false,
      field: 'extra',
      reason: `an unknown field is nested deeper than ${MAX_EXTRA_DEPTH} levels`,
    };
  if (extra) {
    const json = JSON.stringify(extra);
    if (json.includes('\\u0000'))
      return {
        ok: false,
        field: 'extra',
        reason: 'an unknown field contains a NUL character (\\u0000)',
      };
    if (/\\ud[89a-f]/i.test(json))
      return {
        ok: false,
        field: 'extra',
        reason: 'an unknown field contains invalid Unicode (lone surrogate)',
      };
  }
  return { ok: true, rec, extra };
}

export function parseJsonLine(text: string, known: Record<string, FieldKind>): RecordResult {
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (e) {
    // A raw NUL is never valid JSON (not white space, and a control character inside a string),
    // so it is looked for only here, not in every line: same answer, one scan fewer per line.
    const nul = text.indexOf('\u0000');
    if (nul >= 0) return { ok: false, reason: `NUL byte at column ${nul + 1}` };
    return { ok: false, reason: `invalid JSON: ${(e as Error).message}` };
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj))
    return { ok: false, reason: 'line is not a JSON object' };
  return plain(text, obj as Record<string, unknown>, known)
    ? { ok: true, rec: obj as Record<string, unknown>, extra: null }
    : finish(obj as Record<string, unknown>, known);
}

/**
 * True when finish() would return a copy of `obj` unchanged, so the copy (and the per-string
 * checks) can be skipped: no field is unknown (nor '__proto__', which a copy would turn into the
 * prototype), and no string can hold a NUL or a lone surrogate — a JSON text can only produce
 * those from a raw NUL (rejected before parsing), a \u escape, or a text that is itself not
 * well-formed UTF-16.
 */
function plain(
  text: string,
  obj: Record<string, unknown>,
  known: Record<string, FieldKind>,
): boolean {
  if (text.indexOf('\\u') >= 0 || !isWellFormed(text)) return false;
  for (const key in obj) if (!Object.hasOwn(known, key) || key === '__proto__') return false;
  return true;
}

const NUM = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;
const BOOL: Record<string, boolean> = {
  true: true,
  false: false,
  TRUE: true,
  FALSE: false,
  True: true,
  False: false,
  '1': true,
  '0': false,
};

/** CSV cells are text: empty = absent; numbers and booleans converted by the field's kind. */
export function parseCsvLine(
  text: string,
  header: string[],
  known: Record<string, FieldKind>,
): RecordResult {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) return { ok: false, reason: `NUL byte at column ${nul + 1}` };
  const cells = splitCsvRecord(text);
  if (cells.length !== header.length)
    return { ok: false, reason: `expected ${header.length} columns, found ${cells.length}` };
  const obj: Record<string, unknown> = {};
  for (let i = 0; i < header.length; i++) {
    const cell = cells[i];
    if (cell === '') continue;
    const kind = known[header[i]];
    if ((kind === 'int' || kind === 'number') && NUM.test(cell.trim()))
      obj[header[i]] = Number(cell);
    else if (kind === 'bool' && cell.trim() in BOOL) obj[header[i]] = BOOL[cell.trim()];
    else obj[header[i]] = cell;
  }
  return finish(obj, known);
}
