import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario, type ScenarioSummary } from './generate';
import { resolvePromptsCsv } from './prompt-source';
import { END_MS, START_MS } from './timing';
import type { AccountRecord, TruthRow } from './types';

const root = mkdtempSync(path.join(tmpdir(), 'scenario-test-'));
const csv = resolvePromptsCsv();
const run = (
  name: string,
  seed: number,
  mix: 'default' | 'alt' = 'default',
  accounts = 300,
  events = 15_000,
) =>
  generateScenario({ accounts, events, seed, mix, outDir: path.join(root, name), promptsCsv: csv });
const read = (name: string, file: string) => readFileSync(path.join(root, name, file), 'utf8');
const lines = <T>(name: string, file: string): T[] =>
  read(name, file)
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as T);

let summary: ScenarioSummary;
beforeAll(() => {
  summary = run('a', 7);
  run('b', 7);
  run('c', 8);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

const REQUIRED = ['id', 'ts', 'account_id', 'model'];
const OPTIONAL: Record<string, (v: unknown) => boolean> = {
  api_key_id: (v) => typeof v === 'string',
  org_id: (v) => typeof v === 'string',
  ip: (v) => typeof v === 'string' && /^(\d{1,3})(\.\d{1,3}){3}$/.test(v),
  asn: (v) => Number.isInteger(v),
  country: (v) => typeof v === 'string' && /^[A-Z]{2}$/.test(v),
  user_agent: (v) => typeof v === 'string',
  conversation_id: (v) => typeof v === 'string',
  turn: (v) => Number.isInteger(v) && (v as number) >= 1,
  system_prompt: (v) => typeof v === 'string',
  prompt: (v) => typeof v === 'string' && v.length > 0,
  prompt_sha256: (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v),
  response: (v) => typeof v === 'string',
  input_tokens: (v) => Number.isInteger(v) && (v as number) >= 0,
  output_tokens: (v) => Number.isInteger(v) && (v as number) >= 0,
  max_tokens: (v) => Number.isInteger(v) && (v as number) > 0,
  finish_reason: (v) =>
    ['stop', 'length', 'tool_use', 'content_filter', 'error'].includes(v as string),
  temperature: (v) => typeof v === 'number',
  thinking: (v) => typeof v === 'boolean',
  status: (v) => Number.isInteger(v),
};
const TS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

describe('generateScenario', () => {
  it('is deterministic: same seed, same files; another seed, other files', () => {
    for (const f of ['accounts.ndjson', 'truth.ndjson', 'events.ndjson'])
      expect(read('b', f)).toBe(read('a', f));
    expect(read('c', 'events.ndjson').slice(0, 2000)).not.toBe(
      read('a', 'events.ndjson').slice(0, 2000),
    );
  });

  it('writes about the requested number of accounts and events', () => {
    expect(lines('a', 'accounts.ndjson')).toHaveLength(300);
    const n = lines('a', 'events.ndjson').length;
    expect(Math.abs(n - 15_000) / 15_000).toBeLessThan(0.05);
    expect(summary.totals.events).toBe(n);
    const scenario = JSON.parse(read('a', 'scenario.json'));
    expect(scenario.params).toEqual({ accounts: 300, events: 15_000, seed: 7, mix: 'default' });
    expect(
      Object.values(scenario.families as Record<string, { events: number }>).reduce(
        (x, f) => x + f.events,
        0,
      ),
    ).toBe(n);
  });

  it('every event line follows the data contract', () => {
    const accounts = new Set(lines<AccountRecord>('a', 'accounts.ndjson').map((a) => a.account_id));
    const ids = new Set<string>();
    const errors: string[] = []; // plain checks: 15k events x 20 fields is too many expect() calls
    const check = (ok: boolean, what: string, line: string) => {
      if (!ok && errors.length < 5) errors.push(`${what}: ${line.slice(0, 300)}`);
    };
    for (const line of read('a', 'events.ndjson').trim().split('\n')) {
      const e = JSON.parse(line) as Record<string, unknown>;
      for (const k of REQUIRED) check(typeof e[k] === 'string', k, line);
      for (const [k, v] of Object.entries(e))
        if (!REQUIRED.includes(k)) check(OPTIONAL[k]?.(v) === true, k, line);
      check('prompt' in e !== 'prompt_sha256' in e, 'prompt xor prompt_sha256', line);
      check((e.id as string).length <= 128 && !ids.has(e.id as string), 'unique id', line);
      ids.add(e.id as string);
      const ms = Date.parse(e.ts as string);
      check(TS.test(e.ts as string) && ms >= START_MS && ms < END_MS, 'ts', line);
      check(accounts.has(e.account_id as string), 'known account', line);
    }
    expect(errors).toEqual([]);
    expect(ids.size).toBe(summary.totals.events);
  });

  it('truth covers every account exactly once and labels the families', () => {
    const accounts = lines<AccountRecord>('a', 'accounts.ndjson');
    const truth = lines<TruthRow>('a', 'truth.ndjson');
    expect(truth.map((t) => t.account_id).sort()).toEqual(accounts.map((a) => a.account_id).sort());
    for (const t of truth) {
      expect(['benign', 'attack']).toContain(t.label);
      expect(t.campaign_id === null).toBe(t.label === 'benign');
    }
    const families = new Set(truth.map((t) => t.family));
    for (const f of [
      'chat',
      'coding_agent',
      'eval',
      'batch',
      'power',
      'sweep',
      'reasoning',
      'benchmark',
      'hydra',
      'lowslow',
    ]) {
      expect(families.has(f as TruthRow['family'])).toBe(true);
    }
  });

  it('hydra members share rare indicators and split one sweep', () => {
    const truth = new Map(lines<TruthRow>('a', 'truth.ndjson').map((t) => [t.account_id, t]));
    const members = lines<AccountRecord>('a', 'accounts.ndjson').filter(
      (a) => truth.get(a.account_id)?.family === 'hydra',
    );
    expect(members.length).toBeGreaterThanOrEqual(20);
    expect(new Set(members.map((m) => m.payment_fingerprint)).size).toBeLessThanOrEqual(5);
    expect(new Set(members.map((m) => m.email_domain)).size).toBe(1);
    expect(
      new Set(members.map((m) => m.signup_ip.split('.').slice(0, 3).join('.'))).size,
    ).toBeLessThanOrEqual(6);
    const created = members.map((m) => Date.parse(m.created_at));
    expect(Math.max(...created) - Math.min(...created)).toBeLessThanOrEqual(4 * 3_600_000);
    const events = lines<Record<string, string>>('a', 'events.ndjson').filter(
      (e) => truth.get(e.account_id)?.family === 'hydra',
    );
    expect(new Set(events.map((e) => e.user_agent)).size).toBe(1);
    expect(new Set(events.map((e) => e.system_prompt)).size).toBe(1);
    // members split the sweep: few prompts in common between members
    const byMember = new Map<string, Set<string>>();
    for (const e of events)
      (byMember.get(e.account_id) ?? byMember.set(e.account_id, new Set()).get(e.account_id))!.add(
        e.prompt,
      );
    const sets = [...byMember.values()];
    let shared = 0;
    for (let i = 1; i < sets.length; i++) for (const p of sets[i]) if (sets[i - 1].has(p)) shared++;
    expect(shared / events.length).toBeLessThan(0.2);
  });

  it('the alt mix changes the proportions', () => {
    const alt = run('alt', 7, 'alt');
    expect(alt.families.eval.accounts).toBeGreaterThan(summary.families.eval.accounts);
    expect(alt.families.hydra.accounts).toBeGreaterThan(summary.families.hydra.accounts);
    expect(alt.totals.accounts).toBe(300);
  });
});
