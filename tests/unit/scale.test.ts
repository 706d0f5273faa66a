import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { refusal } from '@/bench/scale/disk';
import { linesStream } from '@/bench/scale/stream';
import { generateScenario, prepareScenario, scenarioEventLines } from '@/lib/scenario/generate';
import { loadAwesomePrompts, resolvePromptsCsv } from '@/lib/scenario/prompt-source';

// npm run scale's pieces: the streamed generator is the file generator, the hydra of the reported
// shape gets its share, the disk check names needed vs free, the stream is whole lines.
const prompts = () => loadAwesomePrompts(resolvePromptsCsv()).prompts;

describe('npm run scale', () => {
  it('streams exactly the lines the file generator writes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'scale-'));
    try {
      const o = { accounts: 200, events: 5_000, seed: 3, mix: 'default' as const };
      generateScenario({ ...o, outDir: dir, promptsCsv: resolvePromptsCsv() });
      const file = readFileSync(path.join(dir, 'events.ndjson'), 'utf8').trim().split('\n');
      expect([...scenarioEventLines(prepareScenario(o, prompts()))]).toEqual(file);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the scale mix a hydra of 10 % of the accounts averaging hydraMean events', () => {
    const p = prepareScenario(
      { accounts: 1000, events: 100_000, seed: 5, mix: 'scale', hydraMean: 99 },
      prompts(),
    );
    const hydra = p.actors.flatMap((a, i) => (a.family === 'hydra' ? [p.counts[i]] : []));
    expect(hydra.length).toBe(100);
    const mean = hydra.reduce((a, b) => a + b, 0) / hydra.length;
    expect(mean).toBeGreaterThan(95);
    expect(mean).toBeLessThan(103);
    expect(Math.abs(p.counts.reduce((a, b) => a + b, 0) - 100_000)).toBeLessThan(1_000);
  });

  it('refuses when the disk is short, naming needed and free', () => {
    const dir = { dir: '/var/lib/postgresql', free: 10 * 1024 ** 3 };
    expect(refusal(1_000_000, 3000, dir)).toBeNull();
    expect(refusal(29_000_000, 3000, dir)).toBe(
      'not enough disk for 29,000,000 events: about 81.0 GiB needed (3000 bytes per event), 10.0 GiB free in /var/lib/postgresql',
    );
  });

  it('chunks lines into whole-line buffers and stops when the check throws', async () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `{"n":${i},"pad":"${'x'.repeat(60)}"}`);
    let text = '';
    for await (const c of linesStream(lines)) text += (c as Buffer).toString();
    expect(text).toBe(`${lines.join('\n')}\n`);
    const stopped = linesStream(
      lines,
      (n) => {
        if (n >= 20_000) throw new Error(`stop at ${n}`);
      },
      10_000,
    );
    await expect(async () => {
      for await (const _ of stopped) void _;
    }).rejects.toThrow('stop at 20000');
  });
});
