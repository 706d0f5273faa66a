import pg from 'pg';
import { verifyAuditChain } from '@/lib/audit/verify';
import { databaseUrl } from '@/lib/env';

// Exit 0 when the whole chain verifies; 1 naming the first row that does not.
const pool = new pg.Pool({ connectionString: databaseUrl(), max: 1 });
try {
  const r = await verifyAuditChain(pool);
  if (r.ok) {
    console.log(
      `audit chain OK: ${r.rows} rows, head ${r.head}` +
        (r.pending ? ` (${r.pending} not sealed yet, each matching its row hash)` : ''),
    );
  } else {
    console.error(
      `audit chain BROKEN at row id ${r.firstBad?.id}: ${r.firstBad?.problem} (${r.rows} rows verified before it)`,
    );
    process.exitCode = 1;
  }
} finally {
  await pool.end();
}
