import { describe, expect, it } from 'vitest';
import { prisma, pgPool } from '@/lib/db/client';
import { prismaRunner } from '@/lib/audit/runners';
import { writeAudit, type AuditFn } from '@/lib/audit/write';
import type { Tx } from '@/lib/db/client';
import {
  loadSettingsVersioned,
  revertDetectSettings,
  settingsOverview,
  updateDetectSettings,
} from '@/lib/detect/settings-store';
import { DEFAULT_SETTINGS } from '@/lib/detect/settings';

// Detection settings are versioned, audited and reversible (issue 13, calibrated weights).
const change = <T>(work: (tx: Tx, audit: AuditFn) => Promise<T>) =>
  prisma.$transaction((tx) =>
    work(tx, (entry) =>
      writeAudit(prismaRunner(tx), { ...entry, actor: { id: null, email: 'test' } }).then(
        () => undefined,
      ),
    ),
  );

describe('detection settings versions', () => {
  it('applies calibrated weights as a new version, audited, and reverts to an earlier one', async () => {
    const v1 = await change((tx, audit) =>
      updateDetectSettings(tx, audit, 'admin-1', { accountThreshold: 0.7 }),
    );
    const v2 = await change((tx, audit) =>
      updateDetectSettings(tx, audit, 'admin-1', {
        slope: 1,
        bias: 5,
        weights: { joint: 3 },
        source: 'calibration',
        note: 'fit on seed 101',
      }),
    );
    expect(v2).toBe(v1 + 1);
    let now = await loadSettingsVersioned(pgPool());
    expect(now.version).toBe(v2);
    expect(now.settings.weights.joint).toBe(3);
    // A later partial change merges over the version in force: v1's threshold stays.
    expect(now.settings.accountThreshold).toBe(0.7);

    const v3 = await change((tx, audit) =>
      revertDetectSettings(tx, audit, 'admin-1', { version: v1 }),
    );
    now = await loadSettingsVersioned(pgPool());
    expect(now.version).toBe(v3);
    expect(now.settings.accountThreshold).toBe(0.7);
    expect(now.settings.weights.joint).toBe(DEFAULT_SETTINGS.weights.joint);

    const overview = await settingsOverview(prisma);
    expect(overview.history.map((h) => h.source)).toEqual([`revert:${v1}`, 'calibration', 'admin']);
    const audit = await pgPool().query<{ action: string }>(
      `SELECT action FROM audit_log WHERE action LIKE 'settings.detection.%' ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual([
      'settings.detection.update',
      'settings.detection.update',
      'settings.detection.revert',
    ]);
  });

  it('a partial change keeps earlier custom weights and thresholds (merge over the version in force)', async () => {
    const w = Object.keys(DEFAULT_SETTINGS.weights);
    const [a, b] = [w[0], w[1]];
    await change((tx, audit) =>
      updateDetectSettings(tx, audit, 'admin-1', { weights: { [a]: 7 }, clusterThreshold: 0.42 }),
    );
    await change((tx, audit) =>
      updateDetectSettings(tx, audit, 'admin-1', { weights: { [b]: 9 } }),
    );
    const now = await loadSettingsVersioned(pgPool());
    expect(now.settings.weights[a]).toBe(7);
    expect(now.settings.weights[b]).toBe(9);
    expect(now.settings.clusterThreshold).toBe(0.42);
  });

  it('refuses to revert to a version that does not exist', async () => {
    await expect(
      change((tx, audit) => revertDetectSettings(tx, audit, 'admin-1', { version: 9999 })),
    ).rejects.toThrow(/9999/);
  });
});
