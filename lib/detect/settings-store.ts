import type { Pool } from 'pg';
import type { Tx } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import { NotFoundError } from '@/lib/errors';
import { DEFAULT_SETTINGS, SETTINGS_KEY, mergeSettings, type DetectSettings } from './settings';

// Detection settings are versioned: every change (an admin's edit, calibrated weights, a revert)
// appends a row to detect_settings_versions and replaces the `settings` row in force, in the
// same transaction as its audit row. The version in force is the newest row; each detection run
// records it (detect_runs.settings_version), so a report can say which weights produced a score.

export interface SettingsVersionRow {
  version: number;
  source: string;
  note: string | null;
  created_by: string | null;
  created_at: Date;
}

/** The settings in force and their version (null until anything was stored). */
export async function loadSettingsVersioned(
  pool: Pick<Pool, 'query'>,
): Promise<{ settings: DetectSettings; version: number | null }> {
  const { rows } = await pool.query<{ value: unknown; version: number | null }>(
    `SELECT (SELECT value FROM settings WHERE key = $1) AS value,
            (SELECT max(version) FROM detect_settings_versions) AS version`,
    [SETTINGS_KEY],
  );
  return { settings: mergeSettings(rows[0]?.value), version: rows[0]?.version ?? null };
}

export async function settingsOverview(tx: Tx) {
  const [row, history] = await Promise.all([
    tx.setting.findUnique({ where: { key: SETTINGS_KEY } }),
    tx.detectSettingsVersion.findMany({
      orderBy: { version: 'desc' },
      take: 20,
      select: { version: true, source: true, note: true, created_by: true, created_at: true },
    }),
  ]);
  return {
    settings: mergeSettings(row?.value),
    defaults: DEFAULT_SETTINGS,
    version: history[0]?.version ?? null,
    history: history satisfies SettingsVersionRow[],
    updated_at: row?.updated_at ?? null,
    updated_by: row?.updated_by ?? null,
  };
}

async function putInForce(
  tx: Tx,
  next: DetectSettings,
  meta: { userId: string; source: string; note?: string },
): Promise<{ before: unknown; version: number }> {
  const before = await tx.setting.findUnique({ where: { key: SETTINGS_KEY } });
  await tx.setting.upsert({
    where: { key: SETTINGS_KEY },
    create: { key: SETTINGS_KEY, value: next, updated_by: meta.userId },
    update: { value: next, updated_by: meta.userId, updated_at: new Date() },
  });
  const v = await tx.detectSettingsVersion.create({
    data: { settings: next, source: meta.source, note: meta.note, created_by: meta.userId },
  });
  return { before: before?.value ?? null, version: v.version };
}

/**
 * Changes the settings as a new version, audited. A partial object merges over the settings in
 * force (weights key by key), so a change of one threshold never resets earlier custom weights;
 * going back to the defaults is a revert, or a body that names them.
 */
export async function updateDetectSettings(
  tx: Tx,
  audit: AuditFn,
  userId: string,
  body: Partial<DetectSettings> & { note?: string; source?: string },
): Promise<number> {
  const { note, source, ...partial } = body;
  // Locks the row in force so two concurrent edits cannot both merge over the same old version.
  const rows = await tx.$queryRaw<{ value: unknown }[]>`
    SELECT value FROM settings WHERE key = ${SETTINGS_KEY} FOR UPDATE`;
  const current = mergeSettings(rows[0]?.value);
  const next = mergeSettings({
    ...current,
    ...partial,
    weights: { ...current.weights, ...(partial.weights ?? {}) },
    clusterWeights: { ...current.clusterWeights, ...(partial.clusterWeights ?? {}) },
  });
  const r = await putInForce(tx, next, { userId, source: source ?? 'admin', note });
  await audit({
    action: 'settings.detection.update',
    targetType: 'setting',
    targetId: SETTINGS_KEY,
    before: r.before,
    after: { ...next, version: r.version, source: source ?? 'admin', note: note ?? null },
  });
  return r.version;
}

/** Puts an earlier version back in force (as a new version, so the history only grows), audited. */
export async function revertDetectSettings(
  tx: Tx,
  audit: AuditFn,
  userId: string,
  body: { version: number; note?: string },
): Promise<number> {
  const old = await tx.detectSettingsVersion.findUnique({ where: { version: body.version } });
  if (!old) throw new NotFoundError(`settings version ${body.version}`);
  const next = mergeSettings(old.settings);
  const r = await putInForce(tx, next, {
    userId,
    source: `revert:${body.version}`,
    note: body.note,
  });
  await audit({
    action: 'settings.detection.revert',
    targetType: 'setting',
    targetId: SETTINGS_KEY,
    before: r.before,
    after: { ...next, version: r.version, revertedTo: body.version, note: body.note ?? null },
  });
  return r.version;
}
