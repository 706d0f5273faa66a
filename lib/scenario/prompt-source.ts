import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsvRecords } from './csv';

/**
 * Real prompts from the CC0 awesome-chatgpt-prompts CSV (columns act, prompt, for_devs, type,
 * contributor). `${Name:default}` placeholders are replaced by their default (or the name).
 * IMAGE prompts are skipped: they are image-generation prompts, not chat traffic.
 */
export const DEFAULT_PROMPTS_CSV = '../shared/data/awesome-chatgpt-prompts.csv';

export function resolvePromptsCsv(override?: string | null): string {
  return path.resolve(process.cwd(), override || DEFAULT_PROMPTS_CSV);
}

export function fillPlaceholders(text: string): string {
  return text.replace(/\$\{([^}:]+)(?::([^}]*))?\}/g, (_m, name: string, def?: string) =>
    (def ?? name).trim(),
  );
}

export interface PromptSource {
  path: string | null;
  prompts: string[];
}

export function loadAwesomePrompts(csvPath: string): PromptSource {
  if (!existsSync(csvPath)) return { path: null, prompts: [] };
  const rows = parseCsvRecords(readFileSync(csvPath, 'utf8'));
  const prompts = rows
    .filter((r) => r.prompt && r.type !== 'IMAGE')
    .map((r) => fillPlaceholders(r.prompt).trim())
    .filter((p) => p.length > 0);
  return { path: csvPath, prompts };
}
