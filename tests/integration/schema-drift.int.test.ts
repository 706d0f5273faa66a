import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { readDatamodel, type DmField } from '../prisma-datamodel';

// The SQL migrations are the DDL; schema.prisma is what the app's client believes. This fails
// when they disagree on a table, a column, its type or its nullability.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => pool.end());

const models = readDatamodel();

function expectedUdt(f: DmField): string {
  const native = f.native;
  const base: Record<string, string> = {
    String: native === 'Inet' ? 'inet' : native === 'Uuid' ? 'uuid' : 'text',
    Int: native === 'SmallInt' ? 'int2' : 'int4',
    BigInt: 'int8',
    Float: native === 'Real' ? 'float4' : 'float8',
    Boolean: 'bool',
    DateTime: native === 'Date' ? 'date' : 'timestamptz',
    Json: 'jsonb',
    Bytes: 'bytea',
  };
  const t = f.isEnum ? f.type : (base[f.type] ?? `unknown:${f.type}`);
  return f.isList ? `_${t}` : t;
}

describe('schema drift', () => {
  it('every Prisma model and field exists in the migrated database with the same type', async () => {
    const { rows } = await pool.query<{
      table_name: string;
      column_name: string;
      udt_name: string;
      is_nullable: string;
    }>(
      `SELECT table_name, column_name, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`,
    );
    const cols = new Map(rows.map((r) => [`${r.table_name}.${r.column_name}`, r]));
    const problems: string[] = [];
    expect(models.length).toBeGreaterThan(10);
    for (const model of models) {
      const table = model.table;
      for (const f of model.fields) {
        const col = cols.get(`${table}.${f.name}`);
        if (!col) {
          problems.push(`${table}.${f.name}: missing column`);
          continue;
        }
        const want = expectedUdt(f);
        if (col.udt_name !== want)
          problems.push(`${table}.${f.name}: database ${col.udt_name}, datamodel ${want}`);
        if (!f.isList && (col.is_nullable === 'NO') !== f.isRequired)
          problems.push(`${table}.${f.name}: nullability differs`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('every table in the database is in the datamodel (partitions and bookkeeping aside)', async () => {
    const { rows } = await pool.query<{ relname: string }>(
      `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition`,
    );
    const modelled = new Set(models.map((m) => m.table));
    const extra = rows
      .map((r) => r.relname)
      .filter((t) => t !== '_prisma_migrations' && !modelled.has(t));
    expect(extra).toEqual([]);
  });
});
