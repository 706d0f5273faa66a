import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
  existsSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateScenario } from '@/lib/scenario/generate';
import { resolvePromptsCsv } from '@/lib/scenario/prompt-source';
import { ingestAccounts, ingestEvents } from '@/lib/ingest';
import { runDetection } from '@/lib/detect';
import { writeAudit, SYSTEM_ACTOR } from '@/lib/audit/write';
import { CASE_SAMPLES } from '@/lib/audit/case-samples';
import {
  buildEvidenceBag,
  scopeOfCase,
  verifyBag,
  type BagReportContext,
  type BuildResult,
  type EvidenceScope,
} from '@/lib/evidence/bag';
import { renderReportPdf } from '@/lib/evidence/report/render';
import { testReportInput } from '@/lib/evidence/report/test-input';
import { parseLoadFile } from '@/lib/evidence/writers/loadfile';
import { startLocalTsa, type LocalTsa } from '@/tests/evidence/local-tsa';
import { validateStixBundle } from '@/tests/evidence/stix-schema';

// A bag built from scenario data, checked with tools we did not write: sha256sum/sha512sum -c
// --strict, minisign -V, openssl ts -verify, the OASIS STIX schemas; then tampered with.
let pool: pg.Pool;
let work: string;
let tsa: LocalTsa;
let scope: EvidenceScope;
let a: BuildResult;
let dirA: string;
let CASE = '';
// Tab, newline and backslash exercise COPY's text escapes (the cursor reader must agree).
const PII =
  'Forward to jane.doe@example.org, call +1 415 555 0199, key AKIAIOSFODNN7EXAMPLE\n\tC:\\dir \u00fe\u00b6';

// Texts the byte path must escape exactly as JSON.stringify does (the COPY binary reader gets
// them raw and escapes the bytes; the cursor reader's bytes are the reference): quotes, backslashes, every
// kind of control character, DEL, U+2028, an emoji cut by the Timesketch message's 200 units,
// plus a jsonb and a float that are re-serialised in JavaScript. Nothing here is redactable.
const TRICKY = {
  id: 'tricky "event" \\ 1',
  system: 'sys "quoted" \\ back\bslash \f\r\n\t \u0001\u001f\u007f end',
  prompt: 'a'.repeat(199) + '\u{1F600} tail \u2028 \u00e9 "q" \\',
  response: 'resp \u0002 \u{1F680}',
  extra: '{"b": [1.0, 1e-7, 12345678901234567890], "a": {"x": "y\\nz"}, "n": null}',
  agent: 'agent/\u00fe\u00b6 "x"',
};

const sh = (cmd: string, cwd: string) => spawnSync('bash', ['-c', cmd], { cwd, encoding: 'utf8' });
const unzip = (zip: string, to: string) => execFileSync('unzip', ['-q', zip, '-d', to]);

beforeAll(async () => {
  pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  work = mkdtempSync(path.join(tmpdir(), 'dw-evidence-'));
  const gen = path.join(work, 'gen');
  generateScenario({
    accounts: 200,
    events: 12_000,
    seed: 11,
    mix: 'default',
    outDir: gen,
    promptsCsv: resolvePromptsCsv(),
  });
  await ingestAccounts(path.join(gen, 'accounts.ndjson'), { pool, actor: 'test' });
  await ingestEvents(path.join(gen, 'events.ndjson'), { pool, actor: 'test' });
  await runDetection(pool, { actor: { id: null, email: 'test' } });
  const cl = await pool.query<{ id: string }>(
    'SELECT id FROM clusters ORDER BY members DESC, id LIMIT 1',
  );
  const acc = await pool.query<{ account_id: string }>(
    'SELECT account_id FROM account_score ORDER BY risk DESC, account_id LIMIT 2',
  );
  // A case as lib/cases stores it: linked cluster + accounts, and its audit rows.
  const created = await pool.query<{ id: string }>(
    `INSERT INTO cases (title, created_by, created_at) VALUES ('Test case: suspected distillation', 'u-legal', '2026-11-01T00:00:00Z') RETURNING id::text AS id`,
  );
  CASE = created.rows[0].id;
  for (const a of acc.rows)
    await pool.query(
      `INSERT INTO case_accounts (case_id, account_id, linked_by) VALUES ($1, $2, 'u-legal')`,
      [CASE, a.account_id],
    );
  for (const c of cl.rows)
    await pool.query(
      `INSERT INTO case_clusters (case_id, cluster_id, linked_by) VALUES ($1, $2, 'u-legal')`,
      [CASE, c.id],
    );
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    const run = { query: async <R>(q: string, p: unknown[]) => (await c.query(q, p)).rows as R[] };
    // Payloads as lib/cases writes them (the catalogue's samples: writeAudit checks them).
    for (const action of ['case.create', 'case.link_cluster'] as const)
      await writeAudit(run, {
        actor: SYSTEM_ACTOR,
        action,
        targetType: 'case',
        targetId: CASE,
        after: CASE_SAMPLES[action].after,
      });
    await c.query('COMMIT');
  } finally {
    c.release();
  }
  scope = await scopeOfCase(pool, CASE);
  // Third-party personal data inside one prompt of an account in scope.
  await pool.query(
    `INSERT INTO events (id, ts, account_id, model, prompt, prompt_sha256, response, simhash, tax_bucket, lsh_bucket, reasoning, single_turn)
     SELECT 'pii-event-1', ts + interval '1 ms', account_id, model, $2, encode(sha256(convert_to($2, 'UTF8')), 'hex'), 'ok', 0, 0, 0, false, true
       FROM events WHERE account_id = $1 ORDER BY ts LIMIT 1`,
    [scope.accountIds[0], PII],
  );
  await pool.query(
    `INSERT INTO events (id, ts, account_id, model, system_prompt, prompt, prompt_sha256, response,
                         temperature, thinking, extra, asn, user_agent, simhash, tax_bucket, lsh_bucket, reasoning, single_turn)
     SELECT $7, ts + interval '2 ms', account_id, model, $2, $3, encode(sha256(convert_to($3, 'UTF8')), 'hex'), $4,
            1e-05, true, $5::jsonb, 0, $6, 0, 0, 0, false, true
       FROM events WHERE account_id = $1 ORDER BY ts LIMIT 1`,
    [
      scope.accountIds[0],
      TRICKY.system,
      TRICKY.prompt,
      TRICKY.response,
      TRICKY.extra,
      TRICKY.agent,
      TRICKY.id,
    ],
  );
  tsa = await startLocalTsa();
  a = await buildEvidenceBag({
    pool,
    scope,
    outPath: path.join(work, 'a.zip'),
    eventsPerFile: 500,
    tsaUrl: tsa.url,
    sample: { seed: 's1', size: 12 },
    exportId: 'export-1',
    exportEvents: [
      {
        at: '2026-11-02T10:00:00Z',
        actor: 'legal@example.com',
        action: 'evidence.export.requested',
      },
    ],
    renderReport,
  });
  dirA = path.join(work, 'A');
  unzip(a.path, dirA);
}, 600_000);

afterAll(async () => {
  await tsa?.stop();
  await pool.end();
  rmSync(work, { recursive: true, force: true });
});

const bagDir = (d: string) => path.join(d, a.bagName);

// h11b's renderer with the bag's own exhibit list and custody log (their export job does the
// same mapping from the case; the fixed test input fills the rest).
function renderReport(ctx: BagReportContext) {
  return renderReportPdf(
    testReportInput({
      case: { id: ctx.scope.caseId, title: ctx.scope.title, summary: 'Integration test.' },
      builtAt: new Date(ctx.builtAt),
      exhibits: ctx.files.map((f) => ({
        label: f.path.split('/').pop()!,
        path: f.path,
        bytes: f.bytes,
        sha256: f.sha256,
      })),
      custody: ctx.custody.map((e) => ({
        seq: e.seq,
        at: e.at,
        actor: e.actor ?? 'system',
        action: e.action,
        detail: e.target_type,
        hash: e.hash,
      })),
      sample: { method: ctx.sample.method, seed: ctx.sample.seed, size: ctx.sample.size },
    }),
  );
}

describe('evidence bag', () => {
  it('passes sha256sum/sha512sum -c --strict on every manifest and tag manifest', () => {
    expect(a.events).toBeGreaterThan(256); // the cancel test stops after 256
    for (const m of ['manifest-sha256.txt', 'tagmanifest-sha256.txt'])
      expect(sh(`sha256sum -c --strict --quiet ${m}`, bagDir(dirA))).toMatchObject({ status: 0 });
    for (const m of ['manifest-sha512.txt', 'tagmanifest-sha512.txt'])
      expect(sh(`sha512sum -c --strict --quiet ${m}`, bagDir(dirA))).toMatchObject({ status: 0 });
    const listed = readFileSync(path.join(bagDir(dirA), 'manifest-sha256.txt'), 'utf8');
    for (const f of [
      'report.pdf',
      'natives/PROD0000001.jsonl',
      'loadfile.dat',
      'stix/bundle.json',
      'timesketch.jsonl',
      'custody.jsonl',
      'data-dictionary.md',
      'redaction-log.csv',
      'privilege-log.csv',
    ])
      expect(listed).toContain(`  data/${f}\n`);
  });

  it('runs the exact commands of VERIFY.txt: minisign -V, the unlisted-file check, openssl ts -verify', () => {
    const verify = readFileSync(path.join(bagDir(dirA), 'VERIFY.txt'), 'utf8');
    const cmd = (start: string) =>
      verify
        .split('\n')
        .map((l) => l.trim())
        .find((l) => l.startsWith(start))!;
    const mini = sh(cmd('minisign -V -P'), bagDir(dirA));
    expect(mini.status, mini.stderr).toBe(0);
    expect(sh('minisign -V -p minisign.pub -m tagmanifest-sha256.txt', bagDir(dirA)).status).toBe(
      0,
    );
    const comm = sh(cmd('comm -13'), bagDir(dirA));
    expect(comm).toMatchObject({ status: 0, stdout: '' });
    const ts = sh(cmd('openssl ts -verify').replace('TSA-CA.pem', tsa.caFile), bagDir(dirA));
    expect(ts.stdout + ts.stderr).toContain('Verification: OK');
    const info = readFileSync(path.join(bagDir(dirA), 'bag-info.txt'), 'utf8');
    expect(info).toContain(`\nExternal-Identifier: ${CASE}\n`);
    expect(info).toMatch(/^Audit-Chain-Head-Hash: [0-9a-f]{64}$/m);
    expect(info).toMatch(new RegExp(`^Payload-Oxum: ${a.payloadOxum.replace('.', '\\.')}$`, 'm'));
  });

  it('carries the report: qpdf --check passes, pdftotext finds the case id and an exhibit hash', () => {
    const pdf = path.join(bagDir(dirA), 'data/report.pdf');
    expect(spawnSync('qpdf', ['--check', pdf]).status).toBe(0);
    const text = execFileSync('pdftotext', [pdf, '-']).toString();
    expect(text).toContain(CASE);
    const dat = readFileSync(path.join(bagDir(dirA), 'manifest-sha256.txt'), 'utf8');
    const custodySha = /^([0-9a-f]{64})  data\/custody\.jsonl$/m.exec(dat)![1];
    expect(text.replace(/\s+/g, '')).toContain(custodySha);
  });

  it('writes a STIX 2.1 bundle valid against the OASIS schemas', () => {
    const bundle = JSON.parse(
      readFileSync(path.join(bagDir(dirA), 'data/stix/bundle.json'), 'utf8'),
    );
    expect(validateStixBundle(bundle)).toEqual([]);
    const types = new Set(bundle.objects.map((o: { type: string }) => o.type));
    for (const t of [
      'identity',
      'campaign',
      'intrusion-set',
      'indicator',
      'observed-data',
      'relationship',
    ])
      expect(types, t).toContain(t);
  });

  it('redacts third-party data, logs each redaction and keeps the unredacted hash', async () => {
    const dat = parseLoadFile(readFileSync(path.join(bagDir(dirA), 'data/loadfile.dat'), 'utf8'));
    const row = dat.find((r) => Number(r.REDACTIONS) > 0)!;
    expect(row).toBeDefined();
    expect(row.SHA256).not.toBe(row.UNREDACTED_SHA256);
    const native = readFileSync(path.join(bagDir(dirA), 'data', row.NATIVEPATH), 'utf8');
    expect(native).toContain('[REDACTED:EMAIL]');
    expect(native).not.toContain('jane.doe@example.org');
    const log = readFileSync(path.join(bagDir(dirA), 'data/redaction-log.csv'), 'utf8');
    expect(log).toMatch(/pii-event-1,prompt,email,11,20,\[REDACTED:EMAIL\]/);
    expect(log).toMatch(/pii-event-1,prompt,phone,/);
    expect(log).toMatch(/pii-event-1,prompt,api_key,/);
    // The kept-back hash is what the same native is without redaction.
    const plain = await buildEvidenceBag({
      pool,
      scope,
      outPath: path.join(work, 'plain.zip'),
      eventsPerFile: 500,
      redact: false,
      timestamp: false,
    });
    const dirP = path.join(work, 'P');
    unzip(plain.path, dirP);
    const p = readFileSync(path.join(dirP, plain.bagName, 'data', row.NATIVEPATH));
    expect(p.toString()).toContain('jane.doe@example.org');
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(p).digest('hex')).toBe(row.UNREDACTED_SHA256);
  });

  it('builds byte-identical payload and manifests twice (COPY and cursor readers); the sample follows the seed', async () => {
    const b = await buildEvidenceBag({
      pool,
      scope,
      outPath: path.join(work, 'b.zip'),
      eventsPerFile: 500,
      timestamp: false,
      reader: 'cursor', // the reference reader: its natives must equal COPY's byte for byte
      sample: { seed: 's1', size: 12 },
      exportId: 'export-1',
      exportEvents: [
        {
          at: '2026-11-02T10:00:00Z',
          actor: 'legal@example.com',
          action: 'evidence.export.requested',
        },
      ],
      now: new Date('2027-01-01T00:00:00Z'),
      renderReport,
    });
    const dirB = path.join(work, 'B');
    unzip(b.path, dirB);
    const files = (d: string) =>
      readdirSync(path.join(d, a.bagName, 'data'), { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => path.relative(path.join(d, a.bagName), path.join(e.parentPath, e.name)))
        .sort();
    expect(files(dirB)).toEqual(files(dirA));
    // Only the report (its build time) may differ; every other payload byte and manifest line is equal.
    for (const f of files(dirA).filter((x) => x !== 'data/report.pdf'))
      expect(
        readFileSync(path.join(bagDir(dirB), f)).equals(readFileSync(path.join(bagDir(dirA), f))),
        f,
      ).toBe(true);
    const noReport = (d: string, m: string) =>
      readFileSync(path.join(bagDir(d), m), 'utf8').replace(/^.*  data\/report\.pdf\n/m, '');
    for (const m of ['manifest-sha256.txt', 'manifest-sha512.txt'])
      expect(noReport(dirB, m), m).toBe(noReport(dirA, m));
    expect(
      readFileSync(path.join(bagDir(dirB), 'data/report.pdf')).equals(
        readFileSync(path.join(bagDir(dirA), 'data/report.pdf')),
      ),
    ).toBe(false);
    expect(b.sample.items).toEqual(a.sample.items);
    // The row with every escape went through the COPY binary path and reads back as inserted.
    const natives = files(dirA).filter((f) => f.startsWith('data/natives/'));
    const lines = natives.flatMap((f) =>
      readFileSync(path.join(bagDir(dirA), f), 'utf8')
        .trimEnd()
        .split('\n'),
    );
    const tricky = lines
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((r) => r.id === TRICKY.id);
    expect(tricky).toMatchObject({
      system_prompt: TRICKY.system,
      prompt: TRICKY.prompt,
      response: TRICKY.response,
      user_agent: TRICKY.agent,
      temperature: 0.00001,
      thinking: true,
      asn: 0,
      extra: JSON.parse(TRICKY.extra),
    });
    const ts = readFileSync(path.join(bagDir(dirA), 'data/timesketch.jsonl'), 'utf8');
    expect(ts).toContain(`${'a'.repeat(199)}\\ud83d…`); // the emoji cut in half, escaped
    expect(a.sample.items.length).toBe(12);
    const c = await buildEvidenceBag({
      pool,
      scope,
      outPath: path.join(work, 'c.zip'),
      timestamp: false,
      sample: { seed: 's2', size: 12 },
    });
    expect(c.sample.items.map((i) => i.eventId)).not.toEqual(a.sample.items.map((i) => i.eventId));
  });

  it('verifies clean with verifyBag (zip and directory) and the CLI, matching the audit chain head', async () => {
    const z = await verifyBag(a.path, { pool });
    expect(z.failures).toEqual([]);
    expect(z.checks.map((c) => c.id)).toEqual(
      expect.arrayContaining([
        'manifest-sha256',
        'manifest-sha512',
        'unlisted',
        'oxum',
        'tag-manifests',
        'signature',
        'timestamp',
        'custody',
        'audit-head',
      ]),
    );
    expect((await verifyBag(bagDir(dirA))).ok).toBe(true);
    const cli = spawnSync(
      'npx',
      ['tsx', '--conditions=react-server', 'scripts/evidence-verify.ts', a.path],
      {
        encoding: 'utf8',
        env: process.env,
      },
    );
    expect(cli.status, cli.stdout + cli.stderr).toBe(0);
    expect(cli.stdout).toContain('VERIFIED');
  });

  it('names the file when one payload byte flips, one file goes, or one is added', async () => {
    const t = path.join(work, 'T');
    const fresh = () => {
      rmSync(t, { recursive: true, force: true });
      cpSync(bagDir(dirA), t, { recursive: true });
    };
    const payload = readFileSync(path.join(bagDir(dirA), 'manifest-sha256.txt'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(66));
    for (const f of payload) {
      fresh();
      const buf = readFileSync(path.join(t, f));
      buf[Math.floor(buf.length / 2)] ^= 0x01;
      writeFileSync(path.join(t, f), buf);
      const r = await verifyBag(t);
      expect(r.ok, f).toBe(false);
      expect(r.failures, f).toContain(`Payload manifest (sha256): sha256 mismatch: ${f}`);
    }
    fresh();
    rmSync(path.join(t, 'data/custody.jsonl'));
    expect((await verifyBag(t)).failures).toEqual(
      expect.arrayContaining(['Payload manifest (sha256): missing file: data/custody.jsonl']),
    );
    fresh();
    writeFileSync(path.join(t, 'data/extra.txt'), 'x');
    const added = await verifyBag(t);
    expect(added.failures).toEqual(
      expect.arrayContaining(['Unlisted payload files: unlisted file: data/extra.txt']),
    );
    expect(added.failures.some((f) => f.startsWith('Payload-Oxum'))).toBe(true);
    const cli = spawnSync(
      'npx',
      ['tsx', '--conditions=react-server', 'scripts/evidence-verify.ts', t, '--offline'],
      {
        encoding: 'utf8',
        env: process.env,
      },
    );
    expect(cli.status).toBe(1);
    expect(cli.stdout).toContain('unlisted file: data/extra.txt');
    expect(cli.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
  });

  it('answers a garbage file with a named failure, and refuses one over the size limit', async () => {
    const junk = path.join(work, 'junk.zip');
    writeFileSync(junk, 'not a zip at all');
    const r = await verifyBag(junk);
    expect(r.ok).toBe(false);
    expect(r.failures[0]).toMatch(/not a zip/);
    await expect(verifyBag(a.path, { maxBytes: 100 })).rejects.toThrow(/limit/);
  });

  it('leaves nothing downloadable when cancelled', async () => {
    const ac = new AbortController();
    const out = path.join(work, 'cancelled.zip');
    await expect(
      buildEvidenceBag(
        { pool, scope, outPath: out, eventsPerFile: 100, timestamp: false },
        {
          signal: ac.signal,
          onProgress: (p) => p.phase === 'natives' && p.eventsDone >= 256 && ac.abort(),
        },
      ),
    ).rejects.toThrow();
    expect(existsSync(out)).toBe(false);
    expect(existsSync(`${out}.partial`)).toBe(false);
  });
});
