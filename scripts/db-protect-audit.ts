/**
 * npm run db:protect-audit -- --admin-url <postgres URL of a superuser> [--app-role <role>]
 * Gives audit_log to the role distill_audit_owner, so the app's role (default: the user of
 * DATABASE_URL) can append and seal rows but can no longer disable the append-only trigger
 * (issue #12, docs/security.md). Exit 1 when the app's role could still alter the table.
 */
import pg from 'pg';
import { parseArgs } from 'node:util';
import { auditProtection, protectAuditLog } from '@/lib/db/audit-owner';
import { databaseUrl } from '@/lib/env';

const USAGE = 'usage: npm run db:protect-audit -- --admin-url <url> [--app-role <role>]';
const { values } = parseArgs({
  options: { 'admin-url': { type: 'string' }, 'app-role': { type: 'string' } },
});
const adminUrl = values['admin-url'];
if (!adminUrl) {
  console.error(`--admin-url is required\n${USAGE}`);
  process.exit(2);
}
// The app's database (DATABASE_URL), reached with the administrator's credentials.
const target = new URL(databaseUrl());
const url = new URL(adminUrl);
url.pathname = target.pathname;
const appRole = values['app-role'] ?? decodeURIComponent(target.username);
if (!appRole) {
  console.error(`DATABASE_URL names no user: pass --app-role\n${USAGE}`);
  process.exit(2);
}
const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
try {
  const before = await auditProtection(client, appRole);
  console.log(
    `before: audit_log owned by ${before.owner}${before.weak ? ` (${before.weak})` : ''}`,
  );
  const after = await protectAuditLog(client, appRole);
  console.log(`after: audit_log owned by ${after.owner}; ${appRole} may select, insert and seal`);
  if (after.weak) {
    console.error(`still weak: ${after.weak}`);
    process.exitCode = 1;
  }
} finally {
  await client.end();
}
