import { spawn } from 'node:child_process';

export interface DetectFigures {
  wallS: number;
  rssMb: number;
  summary: string;
}

/**
 * `npm run detect` in its own process against `url`, so its peak RSS is detection's alone;
 * `cwd`: the checkout whose code runs (another worktree, for before/after pairs).
 */
export function detectInChild(
  url: string,
  args: string[] = [],
  cwd = process.cwd(),
): Promise<DetectFigures> {
  const t0 = Date.now();
  return new Promise((resolve, reject) => {
    const p = spawn(
      process.execPath,
      ['--import', 'tsx', '--conditions=react-server', 'scripts/detect.ts', ...args],
      { cwd, env: { ...process.env, DATABASE_URL: url }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.on('error', reject);
    p.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`detect exited with ${code}: ${out.trim()}`));
      const rss = /peak RSS (\d+) MB/.exec(out);
      resolve({
        wallS: (Date.now() - t0) / 1000,
        rssMb: rss ? Number(rss[1]) : NaN,
        summary: out
          .split('\n')
          .filter((l) => /^(detect run|since|stages|time)/.test(l))
          .join(' '),
      });
    });
  });
}
