import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  citusStatements,
  COORDINATOR_WITH_ACCOUNT,
  DISTRIBUTED_BY_ACCOUNT,
  REFERENCE_TABLES,
} from '@/lib/db/distribution';

// Ready for Citus (docs/scaling.md): checked on the catalog of a freshly migrated database, not on
// the SQL text, so a key added by ALTER, a partition or a unique index cannot slip past.
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL });
afterAll(() => pool.end());

const distributed = new Set<string>(DISTRIBUTED_BY_ACCOUNT);
const reference = new Set<string>(REFERENCE_TABLES);

interface Key {
  table: string;
  name: string;
  cols: string[];
}
interface Fk {
  table: string;
  name: string;
  ref: string;
  cols: string[];
  ref_cols: string[];
}
let tables: { name: string; has_account: boolean }[] = [];
let keys: Key[] = [];
let fks: Fk[] = [];

beforeAll(async () => {
  // Top-level tables (partitions are checked through their own keys below).
  tables = (
    await pool.query(`
      SELECT c.relname AS name,
             EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'account_id' AND NOT a.attisdropped) AS has_account
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition AND c.relname <> '_prisma_migrations'`)
  ).rows;
  // Every primary key and unique index, of tables and of partitions (named after their parent).
  keys = (
    await pool.query(`
      SELECT coalesce(parent.relname, t.relname) AS table, i.relname AS name,
             array(SELECT a.attname::text FROM unnest(x.indkey::int2[]) k(n)
                   JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.n) AS cols
      FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      LEFT JOIN pg_inherits h ON h.inhrelid = t.oid LEFT JOIN pg_class parent ON parent.oid = h.inhparent
      WHERE n.nspname = 'public' AND (x.indisunique OR x.indisprimary)`)
  ).rows;
  fks = (
    await pool.query(`
      SELECT t.relname AS table, k.conname AS name, r.relname AS ref,
             array(SELECT a.attname::text FROM unnest(k.conkey) c(n) JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = c.n) AS cols,
             array(SELECT a.attname::text FROM unnest(k.confkey) c(n) JOIN pg_attribute a ON a.attrelid = r.oid AND a.attnum = c.n) AS ref_cols
      FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid JOIN pg_class r ON r.oid = k.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND k.contype = 'f' AND NOT t.relispartition`)
  ).rows;
});

describe('distribution by account (Citus-ready schema)', () => {
  it('every table with an account_id column is classified in lib/db/distribution.ts', () => {
    const named = new Set<string>([...distributed, ...COORDINATOR_WITH_ACCOUNT]);
    const unclassified = tables
      .filter((t) => t.has_account && !named.has(t.name))
      .map((t) => t.name);
    expect(unclassified, 'add these to DISTRIBUTED_BY_ACCOUNT or COORDINATOR_WITH_ACCOUNT').toEqual(
      [],
    );
    const all = new Set(tables.map((t) => t.name));
    const listed = [...distributed, ...reference, ...COORDINATOR_WITH_ACCOUNT];
    expect(
      listed.filter((t) => !all.has(t)),
      'listed but not in the database',
    ).toEqual([]);
    expect(tables.filter((t) => distributed.has(t.name) && !t.has_account)).toEqual([]);
  });

  it('every primary and unique key of a distributed table (and its partitions) contains account_id', () => {
    const ofDistributed = keys.filter((k) => distributed.has(k.table));
    // events has a key on the parent and one per partition; every distributed table has a key.
    expect(new Set(ofDistributed.map((k) => k.table)).size).toBe(distributed.size);
    expect(ofDistributed.filter((k) => k.table === 'events').length).toBeGreaterThan(1);
    const bad = ofDistributed.filter((k) => !k.cols.includes('account_id'));
    expect(bad.map((k) => `${k.table}.${k.name}(${k.cols.join(', ')})`)).toEqual([]);
  });

  it('foreign keys: none from a distributed table to a non-reference one, none out of a reference table to a local one', () => {
    expect(fks.length).toBeGreaterThan(0);
    const bad = fks.filter((f) => {
      if (distributed.has(f.table))
        return !(reference.has(f.ref) || (distributed.has(f.ref) && f.cols.includes('account_id')));
      if (reference.has(f.table)) return !reference.has(f.ref);
      return false;
    });
    expect(bad.map((f) => `${f.table}.${f.name} -> ${f.ref}`)).toEqual([]);
  });

  it('the coordinator plan creates reference tables first, then every large table colocated with events', () => {
    const s = citusStatements();
    expect(s).toHaveLength(reference.size + distributed.size);
    expect(s[reference.size]).toBe(`SELECT create_distributed_table('events', 'account_id')`);
    expect(s.filter((x) => x.includes("colocate_with => 'events'"))).toHaveLength(
      distributed.size - 1,
    );
  });
});
