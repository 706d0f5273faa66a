import 'server-only';
import { mergeSettings, type DetectSettings } from '@/lib/detect/settings';
import { loadSettings } from '@/lib/detect/settings';
import { pgPool } from '@/lib/db/client';
import { one } from './sql';

// The settings a detection run scored with (detect_runs.settings_version → its stored settings;
// null = code defaults), so an explanation shows the bias, slope and threshold that produced the
// number on screen, not whatever is in force now. Falls back to the settings in force.
export async function settingsOfRun(runId: string | null): Promise<DetectSettings> {
  if (runId !== null) {
    const r = await one<{ found: boolean; settings: unknown }>(
      `SELECT true AS found, v.settings FROM detect_runs r
       LEFT JOIN detect_settings_versions v ON v.version = r.settings_version WHERE r.id = $1::bigint`,
      [runId],
    );
    if (r) return mergeSettings(r.settings);
  }
  return loadSettings(pgPool());
}
