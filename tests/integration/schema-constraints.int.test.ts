import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConstraints, tableOfModel } from '../prisma-constraints';
import { SQL_ONLY } from '../sql-only-objects';

// Beyond columns (schema-drift.int.test.ts): primary keys, unique constraints, indexes, column
// defaults and foreign keys of the migrated database against what schema.prisma says. Objects
// Prisma cannot express (partial, expression or BRIN indexes, triggers' helpers, …) are listed,
// with the reason, in tests/sql-only-objects.ts; anything else in one place and not the other fails.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => pool.end());

const models = readConstraints();
const key = (table: string, cols: string[]) => `${table}(${cols.join(',')})`;

interface DbIndex {
  table: string;
  name: string;
  cols: string[];
  unique: boolean;
  primary: boolean;
  plain: boolean; // btree, no predicate, no expression
}
interface DbFk {
  table: string;
  name: string;
  cols: string[];
  ref: string;
  refCols: string[];
}
let indexes: DbIndex[] = [];
let fks: DbFk[] = [];
let defaults = new Map<string, string>();

beforeAll(async () => {
  // Indexes of tables (partitions aside: they inherit their parent's), columns in order.
  const ix = await pool.query<DbIndex>(`
    SELECT t.relname AS table, i.relname AS name, x.indisunique AS unique, x.indisprimary AS primary,
           (am.amname = 'btree' AND x.indpred IS NULL AND x.indexprs IS NULL) AS plain,
           array(SELECT a.attname::text FROM unnest(x.indkey::int2[]) WITH ORDINALITY k(n, o)
                 JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n ORDER BY k.o) AS cols
      FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace JOIN pg_am am ON am.oid = i.relam
     WHERE n.nspname = 'public' AND NOT t.relispartition AND t.relname <> '_prisma_migrations'`);
  indexes = ix.rows;
  const fk = await pool.query<DbFk>(`
    SELECT t.relname AS table, c.conname AS name, r.relname AS ref,
           array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o) AS cols,
           array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o) AS "refCols"
      FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class r ON r.oid = c.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE c.contype = 'f' AND n.nspname = 'public' AND NOT t.relispartition AND c.conparentid = 0`);
  fks = fk.rows;
  const d = await pool.query<{ table_name: string; column_name: string; column_default: string }>(
    `SELECT c.table_name, c.column_name, coalesce(c.column_default, CASE WHEN c.is_identity = 'YES' THEN 'identity' END) AS column_default
       FROM information_schema.columns c JOIN pg_class t ON t.relname = c.table_name
       JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = c.table_schema
      WHERE c.table_schema = 'public' AND NOT t.relispartition
        AND (c.column_default IS NOT NULL OR c.is_identity = 'YES')`,
  );
  defaults = new Map(d.rows.map((r) => [`${r.table_name}.${r.column_name}`, r.column_default]));
});

/** Does the database default `db` implement Prisma's `@default(prisma)`? */
function sameDefault(prisma: string, db: string | undefined): boolean {
  if (db === undefined) return /^(uuid|cuid|nanoid|ulid)\(/.test(prisma); // filled in by the client
  if (prisma === 'autoincrement()') return /^nextval\(|^identity$/.test(db);
  if (prisma === 'now()') return /^(now\(\)|CURRENT_TIMESTAMP)$/.test(db);
  const generated = prisma.match(/^dbgenerated\("(.*)"\)$/);
  if (generated) return db.replace(/::\w+$/, '') === generated[1]!.replace(/\\"/g, '"');
  const literal = db.replace(/::[\w" ]+(\[\])?$/, '').replace(/^\((.*)\)$/, '$1');
  if (prisma === '[]') return literal === "'{}'";
  if (/^".*"$/.test(prisma)) return literal === `'${prisma.slice(1, -1).replace(/'/g, "''")}'`;
  if (/^-?\d/.test(prisma)) return Number(literal.replace(/^'|'$/g, '')) === Number(prisma);
  return literal === prisma || literal === `'${prisma}'`; // booleans, enum values
}

describe('schema drift: keys, indexes, defaults, relations', () => {
  it('primary keys match', () => {
    const problems: string[] = [];
    for (const m of models) {
      const pk = indexes.find((i) => i.table === m.table && i.primary);
      if (key(m.table, pk?.cols ?? []) !== key(m.table, m.primaryKey))
        problems.push(`${m.table}: database PK (${pk?.cols ?? ''}), datamodel (${m.primaryKey})`);
    }
    expect(problems).toEqual([]);
  });

  it('every @unique / @@unique / @@index exists as such, and every database index is modelled or listed as SQL-only', () => {
    const problems: string[] = [];
    const modelled = new Set<string>();
    for (const m of models) {
      for (const [kind, sets] of [
        ['unique', m.uniques],
        ['index', m.indexes],
      ] as const)
        for (const cols of sets) {
          const k = key(m.table, cols);
          modelled.add(k);
          const found = indexes.find(
            (i) =>
              i.plain &&
              !i.primary &&
              key(i.table, i.cols) === k &&
              i.unique === (kind === 'unique'),
          );
          if (!found)
            problems.push(`${k}: @${kind} in the datamodel, no such ${kind} index in the database`);
        }
    }
    for (const i of indexes) {
      if (i.primary || (i.plain && modelled.has(key(i.table, i.cols)))) continue;
      if (!SQL_ONLY.indexes[i.name])
        problems.push(
          `${i.name} on ${key(i.table, i.cols)}: in the database only (model it or list it in tests/sql-only-objects.ts)`,
        );
    }
    expect(problems).toEqual([]);
  });

  it('every @default is the column default, and every column default is in the datamodel', () => {
    const problems: string[] = [];
    const seen = new Set<string>();
    for (const m of models)
      for (const [col, d] of Object.entries(m.defaults)) {
        seen.add(`${m.table}.${col}`);
        const db = defaults.get(`${m.table}.${col}`);
        if (!sameDefault(d, db))
          problems.push(`${m.table}.${col}: datamodel @default(${d}), database ${db ?? 'none'}`);
      }
    const tables = new Set(models.map((m) => m.table));
    for (const [col, db] of defaults)
      if (tables.has(col.split('.')[0]!) && !seen.has(col) && !SQL_ONLY.defaults[col])
        problems.push(`${col}: database default ${db}, none in the datamodel`);
    expect(problems).toEqual([]);
  });

  it('every @relation is a foreign key, and every foreign key is a relation or listed as SQL-only', () => {
    const problems: string[] = [];
    const modelled = new Set<string>();
    for (const m of models)
      for (const r of m.relations) {
        const want = `${key(m.table, r.columns)} -> ${key(tableOfModel(models, r.refModel), r.refColumns)}`;
        modelled.add(want);
        if (!fks.some((f) => `${key(f.table, f.cols)} -> ${key(f.ref, f.refCols)}` === want))
          problems.push(`${want}: @relation in the datamodel, no foreign key in the database`);
      }
    for (const f of fks) {
      const have = `${key(f.table, f.cols)} -> ${key(f.ref, f.refCols)}`;
      if (!modelled.has(have) && !SQL_ONLY.foreignKeys[f.name])
        problems.push(
          `${f.name} ${have}: in the database only (model it or list it in tests/sql-only-objects.ts)`,
        );
    }
    expect(problems).toEqual([]);
  });
});
