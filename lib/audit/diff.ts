// A readable change for the audit page: the fields that differ between a row's `before` and
// `after`, by dotted path, each value formatted short. Creations (no before) list the new fields,
// removals (no after) the old ones. Pure, so the page and tests read the same lines.
export interface DiffLine {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: string;
  after?: string;
}

const MAX = 120;

export function formatValue(v: unknown): string {
  if (v === null || v === undefined) return '—';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s;
}

function flatten(v: unknown, prefix: string, out: Map<string, unknown>): Map<string, unknown> {
  const isObject = v !== null && typeof v === 'object' && !Array.isArray(v);
  if (isObject && (Object.keys(v).length > 0 || !prefix)) {
    for (const [k, x] of Object.entries(v)) flatten(x, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) out.set(prefix, v);
  else if (v !== null && v !== undefined) out.set('value', v);
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function diffPayload(before: unknown, after: unknown): DiffLine[] {
  const b = flatten(before, '', new Map());
  const a = flatten(after, '', new Map());
  const lines: DiffLine[] = [];
  for (const path of new Set([...b.keys(), ...a.keys()])) {
    const inB = b.has(path);
    const inA = a.has(path);
    if (inB && inA && same(b.get(path), a.get(path))) continue;
    if (inB && inA)
      lines.push({
        path,
        kind: 'changed',
        before: formatValue(b.get(path)),
        after: formatValue(a.get(path)),
      });
    else if (inA) lines.push({ path, kind: 'added', after: formatValue(a.get(path)) });
    else lines.push({ path, kind: 'removed', before: formatValue(b.get(path)) });
  }
  return lines;
}
