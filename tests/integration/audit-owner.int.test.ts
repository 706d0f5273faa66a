import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { writeAudit, SYSTEM_ACTOR } from '@/lib/audit/write';
import { pgRunner } from '@/lib/audit/runners';
import { sealAuditChain } from '@/lib/audit/seal';
import { verifyAuditChain } from '@/lib/audit/verify';
import { withPgTransaction } from '@/lib/db/transaction';
import {
  AUDIT_OWNER,
  auditProtection,
  protectAuditLog,
  warnIfAuditUnprotected,
} from '@/lib/db/audit-owner';

// Issue #12 defect 8: the app's database role owned audit_log and could disable its append-only
// trigger. Here a login role plays the app (owning audit_log as `npm run db:migrate` leaves it):
// it can disable the trigger; after protectAuditLog it cannot, yet it still appends and seals.
const url = process.env.DATABASE_URL!;
const admin = new pg.Client({ connectionString: url });
await admin.connect();
const appRole = `dw_app_${randomBytes(4).toString('hex')}`;
const password = randomBytes(12).toString('hex');
await admin.query(`CREATE ROLE ${appRole} LOGIN PASSWORD '${password}'`);
// As the role that ran the migrations: it may create in the schema and owns audit_log.
await admin.query(`GRANT CREATE ON SCHEMA public TO ${appRole}`);
await admin.query(`ALTER TABLE audit_log OWNER TO ${appRole}`);
await admin.query(`ALTER FUNCTION audit_log_append_only() OWNER TO ${appRole}`);
const appUrl = new URL(url);
appUrl.username = appRole;
appUrl.password = password;
const app = new pg.Pool({ connectionString: appUrl.toString(), max: 2 });

afterAll(async () => {
  await app.end();
  await admin.query(`REASSIGN OWNED BY ${appRole} TO CURRENT_USER`);
  await admin.query(`DROP OWNED BY ${appRole}`);
  await admin.query(`DROP ROLE ${appRole}`);
  await admin.end();
});

const disableTrigger = () =>
  app.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update_delete');

describe('audit_log owner', () => {
  it('the owning app role can disable the trigger (the defect), and is told so', async () => {
    expect((await auditProtection(admin, appRole)).weak).toMatch(/can disable the trigger/);
    const warned: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => warned.push(m);
    try {
      await warnIfAuditUnprotected(app);
    } finally {
      console.warn = warn;
    }
    expect(warned.join('')).toMatch(/audit_log is not protected .* owns audit_log/);
    await disableTrigger();
    await app.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update_delete');
  });

  it('after protection: no trigger, function or history change; appending and sealing work', async () => {
    const p = await protectAuditLog(admin, appRole);
    expect(p).toEqual({ owner: AUDIT_OWNER, appRole, weak: null });
    await expect(disableTrigger()).rejects.toThrow(/must be owner/);
    await expect(
      app.query(
        `CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql
         AS $$ BEGIN RETURN NEW; END $$`,
      ),
    ).rejects.toThrow(/must be owner/);
    await expect(app.query('TRUNCATE audit_log')).rejects.toThrow(/permission denied/);

    await withPgTransaction(app, (c) =>
      writeAudit(pgRunner(c), {
        actor: SYSTEM_ACTOR,
        action: 'auth.sign_out',
        targetType: 'user',
        targetId: 'u1',
        after: null,
      }),
    );
    await sealAuditChain(app);
    await expect(app.query("UPDATE audit_log SET action = 'x'")).rejects.toThrow(
      /permission denied/,
    );
    await expect(app.query("UPDATE audit_log SET hash = 'x'")).rejects.toThrow(/append-only/);
    const v = await verifyAuditChain(app);
    expect(v.ok).toBe(true);
    expect(v.rows).toBeGreaterThan(0);
    // Idempotent: a second run changes nothing and says the same.
    expect((await protectAuditLog(admin, appRole)).weak).toBeNull();
    const warned: string[] = [];
    const warn = console.warn;
    console.warn = (m: string) => warned.push(m);
    try {
      await warnIfAuditUnprotected(app);
    } finally {
      console.warn = warn;
    }
    expect(warned).toEqual([]);
  });
});
