import { PATTERNS, type Pattern, type RedactionKind } from './patterns';
import { mayHoldRedaction } from './precheck';

export type { RedactionKind } from './patterns';

/** One redaction inside one field value: offset/length in UTF-16 code units of the original. */
export interface Redaction {
  kind: RedactionKind;
  offset: number;
  length: number;
  replacement: string;
}

const replacementFor = (kind: RedactionKind) => `[REDACTED:${kind.toUpperCase()}]`;

/**
 * Finds every redaction in `text`: all patterns run, overlaps resolve to the earlier pattern in
 * PATTERNS (keys before emails before cards before phones), then to the earlier start.
 */
export function findRedactions(text: string): Redaction[] {
  let accepted: Redaction[] = [];
  for (const p of PATTERNS) {
    if (p.maybe && !p.maybe(text)) continue;
    const mine: Redaction[] = [];
    for (const [start, end] of spans(p, text)) {
      if (p.accept && !p.accept(text.slice(start, end))) continue;
      const prev = mine[mine.length - 1];
      if (prev && start < prev.offset + prev.length) continue; // a scanner's spans may overlap
      mine.push({
        kind: p.kind,
        offset: start,
        length: end - start,
        replacement: replacementFor(p.kind),
      });
    }
    if (mine.length > 0) accepted = mergeKeepingEarlier(accepted, mine);
  }
  return accepted;
}

function* spans(p: Pattern, text: string): Iterable<[number, number]> {
  if (p.scan) return yield* p.scan(text);
  if (!p.re) return;
  p.re.lastIndex = 0;
  for (const m of text.matchAll(p.re)) yield [m.index, m.index + m[0].length];
}

/**
 * Merges two offset-sorted lists of non-overlapping redactions; a `later` one that overlaps any
 * `kept` one is dropped. Linear: a hostile text with 100k matches must not go quadratic.
 */
function mergeKeepingEarlier(kept: Redaction[], later: Redaction[]): Redaction[] {
  const out: Redaction[] = [];
  let i = 0;
  for (const r of later) {
    while (i < kept.length && kept[i].offset + kept[i].length <= r.offset) out.push(kept[i++]);
    const next = kept[i];
    if (next && next.offset < r.offset + r.length) continue; // overlaps a kept one
    out.push(r);
  }
  while (i < kept.length) out.push(kept[i++]);
  return out;
}

/** Applies redactions (sorted by offset, non-overlapping) to the original text. */
export function applyRedactions(text: string, redactions: readonly Redaction[]): string {
  if (redactions.length === 0) return text;
  let out = '';
  let at = 0;
  for (const r of redactions) {
    out += text.slice(at, r.offset) + r.replacement;
    at = r.offset + r.length;
  }
  return out + text.slice(at);
}

export function redactText(text: string): { text: string; redactions: Redaction[] } {
  if (!mayHoldRedaction(text)) return { text, redactions: [] };
  const redactions = findRedactions(text);
  return { text: applyRedactions(text, redactions), redactions };
}
