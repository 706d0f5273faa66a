import pg from 'pg';
import { env } from '@/lib/env';
import { DomainError } from '@/lib/errors';
import { verifyBag } from '@/lib/evidence/bag';

// `npm run evidence:verify -- <bag.zip | bag dir> [--public-key minisign.pub] [--offline]`
// Prints every check and what failed; exit 0 when all pass, 1 otherwise. With a DATABASE_URL
// (and without --offline) the chain heads are also matched against this server's audit log.
const args = process.argv.slice(2);
const target = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--public-key');
const keyAt = args.indexOf('--public-key');
if (!target) {
  console.error(
    'usage: npm run evidence:verify -- <bag.zip | bag directory> [--public-key FILE] [--offline]',
  );
  process.exit(1);
}
const { readFileSync } = await import('node:fs');
const url = args.includes('--offline') ? undefined : env().DATABASE_URL;
const pool = url ? new pg.Pool({ connectionString: url, max: 1 }) : undefined;
try {
  const r = await verifyBag(target, {
    pool,
    trustedPublicKey: keyAt >= 0 ? readFileSync(args[keyAt + 1], 'utf8') : undefined,
  });
  console.log(`bag ${r.bag}`);
  for (const c of r.checks) {
    console.log(
      `${c.ok ? 'PASS' : 'FAIL'}  ${c.label}${c.notes.length ? ` — ${c.notes.join('; ')}` : ''}`,
    );
    for (const p of c.problems) console.log(`        ${p}`);
  }
  console.log(
    r.ok ? 'VERIFIED: every check passed' : `NOT VERIFIED: ${r.failures.length} problem(s)`,
  );
  process.exitCode = r.ok ? 0 : 1;
} catch (e) {
  // A bad bag is a list above; only input the checks cannot start on lands here, as one line.
  console.error(e instanceof DomainError ? e.message : `cannot verify: ${(e as Error).message}`);
  process.exitCode = 1;
} finally {
  await pool?.end();
}
