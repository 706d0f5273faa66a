import { readFileSync } from 'node:fs';

// The parts of schema.prisma the drift test compares beyond columns: primary keys, @unique /
// @@unique, @@index, @default and @relation, with Prisma field names turned into column names
// (@map) so they can be compared with the catalogue of the migrated database.
export interface DmConstraints {
  model: string;
  table: string;
  primaryKey: string[];
  uniques: string[][];
  indexes: string[][];
  /** column → the @default(...) argument as written */
  defaults: Record<string, string>;
  relations: Array<{ columns: string[]; refModel: string; refColumns: string[] }>;
}

const list = (s: string) =>
  s
    .split(',')
    .map((x) => x.trim().replace(/\(.*$/, '')) // `ts(sort: Desc)` → `ts`
    .filter(Boolean);

/** The balanced-parenthesis argument of `@attr(` at `from`. */
function argAt(s: string, from: number): string {
  let depth = 0;
  for (let i = from; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return s.slice(from + 1, i);
  }
  return s.slice(from + 1);
}

export function readConstraints(file = 'prisma/schema.prisma'): DmConstraints[] {
  const src = readFileSync(file, 'utf8');
  const blocks = [...src.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)];
  const tableOf = new Map(
    blocks.map((m) => [m[1]!, m[2]!.match(/@@map\("([^"]+)"\)/)?.[1] ?? m[1]!]),
  );
  const colMaps = new Map<string, Map<string, string>>();
  for (const [, name, body] of blocks) {
    const cols = new Map<string, string>();
    for (const line of body!.split('\n')) {
      const f = line.trim().match(/^(\w+)\s+\w+/);
      if (f && !line.trim().startsWith('//') && !line.trim().startsWith('@@'))
        cols.set(f[1]!, line.match(/@map\("([^"]+)"\)/)?.[1] ?? f[1]!);
    }
    colMaps.set(name!, cols);
  }
  return blocks.map(([, name, body]) => {
    const col = (model: string, f: string) => colMaps.get(model)?.get(f) ?? f;
    const c: DmConstraints = {
      model: name!,
      table: tableOf.get(name!)!,
      primaryKey: [],
      uniques: [],
      indexes: [],
      defaults: {},
      relations: [],
    };
    for (const raw of body!.split('\n')) {
      const line = raw.replace(/\/\/.*$/, '').trim();
      const block = line.match(/^@@(id|unique|index)\(\[([^\]]*)\]/);
      if (block) {
        const cols = list(block[2]!).map((f) => col(name!, f));
        if (block[1] === 'id') c.primaryKey = cols;
        else (block[1] === 'unique' ? c.uniques : c.indexes).push(cols);
        continue;
      }
      const f = line.match(/^(\w+)\s+(\w+)/);
      if (!f || line.startsWith('@@')) continue;
      const column = col(name!, f[1]!);
      if (/@id\b/.test(line)) c.primaryKey = [column];
      if (/@unique\b/.test(line)) c.uniques.push([column]);
      const d = line.indexOf('@default(');
      if (d >= 0) c.defaults[column] = argAt(line, d + '@default'.length);
      const r = line.indexOf('@relation(');
      if (r >= 0 && tableOf.has(f[2]!)) {
        const arg = argAt(line, r + '@relation'.length);
        const fields = arg.match(/fields:\s*\[([^\]]*)\]/)?.[1];
        const refs = arg.match(/references:\s*\[([^\]]*)\]/)?.[1];
        if (fields && refs)
          c.relations.push({
            columns: list(fields).map((x) => col(name!, x)),
            refModel: f[2]!,
            refColumns: list(refs).map((x) => col(f[2]!, x)),
          });
      }
    }
    return c;
  });
}

export const tableOfModel = (all: DmConstraints[], model: string) =>
  all.find((m) => m.model === model)?.table ?? model;
