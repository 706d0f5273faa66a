import 'server-only';
import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import type { Pool } from 'pg';
import { env } from '@/lib/env';
import { TooLargeError } from '@/lib/errors';
import { parseBagInfo, parseManifest } from '../bag/bagit';
import { verifyMinisign } from '../signing/minisign';
import { checkTimestamp } from '../signing/tsa';
import { verifyCustodyText } from '../writers/custody';
import { openDirectory, openZip, type BagSource } from './source';

// Checks a bag (directory or zip) the way an outside reviewer would, and names every failure:
// both payload manifests entry by entry, unlisted and missing files, Payload-Oxum, the tag
// manifests, the minisign signature, the RFC 3161 token when present, the custody chain and —
// given the issuing server's database — the audit chain head. A bad bag gives a list, never a
// stack trace: every check runs on its own and turns its exceptions into a problem.

export interface VerifyCheck {
  id: string;
  label: string;
  ok: boolean;
  /** What failed, one line each (empty when ok). */
  problems: string[];
  /** What was checked or found, for the report (e.g. "412 files", the signer). */
  notes: string[];
}

export interface BagVerification {
  ok: boolean;
  bag: string;
  checks: VerifyCheck[];
  /** Every problem, prefixed by its check's label. */
  failures: string[];
}

export interface VerifyOptions {
  /** The issuing server's database: match the chain heads against its audit log. */
  pool?: Pick<Pool, 'query'>;
  /** The public key the reviewer trusts (minisign.pub text); default: the one in the bag. */
  trustedPublicKey?: string;
  maxBytes?: number;
}

const TAG_LIMIT = 64 * 1024 * 1024;
const NEVER_LISTED = /^(tagmanifest-[a-z0-9]+\.txt|tagmanifest-sha256\.txt\.(minisig|tsr))$/;

/** The upload limit for Verify (EVIDENCE_VERIFY_MAX_BYTES), for routes that refuse early. */
export const verifyMaxBytes = () => env().EVIDENCE_VERIFY_MAX_BYTES;

export async function verifyBag(target: string, o: VerifyOptions = {}): Promise<BagVerification> {
  const max = o.maxBytes ?? verifyMaxBytes();
  let st;
  try {
    st = await stat(target);
  } catch {
    return fail(target, 'container', 'Bag', `${target}: no such file or directory`);
  }
  if (st.isFile() && st.size > max)
    throw new TooLargeError(
      `The bag is ${st.size} bytes; the limit is ${max} (EVIDENCE_VERIFY_MAX_BYTES)`,
      'file',
    );
  let src: BagSource;
  try {
    src = st.isDirectory() ? await openDirectory(target) : await openZip(target);
  } catch (e) {
    return fail(
      target,
      'container',
      'Bag',
      `not a zip file or bag directory (${(e as Error).message})`,
    );
  }
  try {
    const expanded = [...src.files.values()].reduce((s, n) => s + n, 0);
    if (expanded > max * 8)
      return fail(
        src.name,
        'container',
        'Bag',
        `unpacks to ${expanded} bytes, over 8× the limit (${max})`,
      );
    return await runChecks(src, o);
  } finally {
    src.close();
  }
}

function fail(bag: string, id: string, label: string, problem: string): BagVerification {
  return {
    ok: false,
    bag,
    checks: [{ id, label, ok: false, problems: [problem], notes: [] }],
    failures: [`${label}: ${problem}`],
  };
}

async function readSmall(src: BagSource, p: string): Promise<Buffer | undefined> {
  const size = src.files.get(p);
  if (size === undefined || size > TAG_LIMIT) return undefined;
  const chunks: Buffer[] = [];
  for await (const c of await src.open(p)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

async function hashFile(src: BagSource, p: string) {
  const a = createHash('sha256');
  const b = createHash('sha512');
  for await (const c of await src.open(p)) {
    a.update(c as Buffer);
    b.update(c as Buffer);
  }
  return { sha256: a.digest('hex'), sha512: b.digest('hex') };
}

async function runChecks(src: BagSource, o: VerifyOptions): Promise<BagVerification> {
  const checks: VerifyCheck[] = [];
  const check = async (
    id: string,
    label: string,
    body: (c: VerifyCheck) => Promise<void> | void,
  ) => {
    const c: VerifyCheck = { id, label, ok: true, problems: [], notes: [] };
    try {
      await body(c);
    } catch (e) {
      c.problems.push(`could not be checked: ${(e as Error).message}`);
    }
    c.ok = c.problems.length === 0;
    checks.push(c);
    return c;
  };
  const text = async (p: string) => (await readSmall(src, p))?.toString('utf8');

  const bagit = await text('bagit.txt');
  const infoText = await text('bag-info.txt');
  const info = parseBagInfo(infoText ?? '');
  await check('structure', 'Bag structure', (c) => {
    c.problems.push(...src.problems);
    if (!bagit) c.problems.push('bagit.txt is missing');
    else if (!/^BagIt-Version: 1\.0$/m.test(bagit))
      c.problems.push('bagit.txt does not declare BagIt-Version: 1.0');
    if (!infoText) c.problems.push('bag-info.txt is missing');
    for (const m of ['manifest-sha256.txt', 'manifest-sha512.txt', 'tagmanifest-sha256.txt'])
      if (!src.files.has(m)) c.problems.push(`${m} is missing`);
  });

  // Payload: hash every data/ file once, compare with both manifests.
  const m256 = parseManifest((await text('manifest-sha256.txt')) ?? '');
  const m512 = parseManifest((await text('manifest-sha512.txt')) ?? '');
  const payload = [...src.files.keys()].filter((p) => p.startsWith('data/')).sort();
  const hashes = new Map<string, { sha256: string; sha512: string }>();
  for (const p of payload) hashes.set(p, await hashFile(src, p));
  for (const [alg, m] of [
    ['sha256', m256],
    ['sha512', m512],
  ] as const)
    await check(`manifest-${alg}`, `Payload manifest (${alg})`, (c) => {
      c.problems.push(...m.problems.map((x) => `manifest-${alg}.txt ${x}`));
      for (const [p, want] of m.entries) {
        const got = hashes.get(p);
        if (!got) c.problems.push(`missing file: ${p}`);
        else if (got[alg] !== want) c.problems.push(`${alg} mismatch: ${p}`);
      }
      c.notes.push(`${m.entries.size} files listed`);
    });
  await check('unlisted', 'Unlisted payload files', (c) => {
    for (const p of payload)
      if (!m256.entries.has(p) || !m512.entries.has(p)) c.problems.push(`unlisted file: ${p}`);
  });
  await check('oxum', 'Payload-Oxum', (c) => {
    const want = info.get('Payload-Oxum');
    const got = `${payload.reduce((s, p) => s + src.files.get(p)!, 0)}.${payload.length}`;
    if (!want) c.problems.push('bag-info.txt has no Payload-Oxum');
    else if (want !== got)
      c.problems.push(`bag-info.txt says ${want}, the payload is ${got} (octets.files)`);
    else c.notes.push(got);
  });

  await check('tag-manifests', 'Tag manifests', async (c) => {
    const listed = new Set<string>();
    for (const alg of ['sha256', 'sha512'] as const) {
      const t = await text(`tagmanifest-${alg}.txt`);
      if (t === undefined) continue;
      const m = parseManifest(t);
      c.problems.push(...m.problems.map((x) => `tagmanifest-${alg}.txt ${x}`));
      for (const [p, want] of m.entries) {
        listed.add(p);
        const data = await readSmall(src, p);
        if (!data) c.problems.push(`missing tag file: ${p}`);
        else if (createHash(alg).update(data).digest('hex') !== want)
          c.problems.push(`${alg} mismatch: ${p}`);
      }
    }
    for (const p of src.files.keys())
      if (!p.startsWith('data/') && !listed.has(p) && !NEVER_LISTED.test(p))
        c.problems.push(`unlisted tag file: ${p}`);
  });

  const tagManifest = await readSmall(src, 'tagmanifest-sha256.txt');
  await check('signature', 'Signature (minisign, Ed25519)', async (c) => {
    const sig = await text('tagmanifest-sha256.txt.minisig');
    const pub = o.trustedPublicKey ?? (await text('minisign.pub'));
    if (!sig) return void c.problems.push('tagmanifest-sha256.txt.minisig is missing');
    if (!pub) return void c.problems.push('no public key: minisign.pub is missing');
    if (!tagManifest) return void c.problems.push('tagmanifest-sha256.txt is missing');
    const r = verifyMinisign(pub, sig, tagManifest);
    if (!r.ok) c.problems.push(r.problem!);
    else
      c.notes.push(
        `key ${r.keyId}${o.trustedPublicKey ? ' (the trusted key)' : ' (key shipped in the bag)'}`,
        r.trustedComment!,
      );
  });

  await check('timestamp', 'RFC 3161 timestamp', async (c) => {
    const tsr = await readSmall(src, 'tagmanifest-sha256.txt.tsr');
    if (!tsr) return void c.notes.push('none (no timestamp authority was configured)');
    if (!tagManifest) return void c.problems.push('tagmanifest-sha256.txt is missing');
    const r = checkTimestamp(tsr, tagManifest);
    if (!r.ok) c.problems.push(r.problem!);
    else
      c.notes.push(
        `time ${r.genTime}, signed by ${r.signer} (certificate chain: check with openssl ts -verify -CAfile)`,
      );
  });

  await check('custody', 'Custody chain', async (c) => {
    const t = await text('data/custody.jsonl');
    if (t === undefined) return void c.problems.push('data/custody.jsonl is missing');
    const r = verifyCustodyText(t);
    if (!r.ok) return void c.problems.push(r.problem!);
    const want = info.get('Custody-Chain-Head');
    if (want && want !== r.head)
      c.problems.push(`custody head ${r.head} differs from bag-info Custody-Chain-Head ${want}`);
    c.notes.push(`${r.entries.length} entries`);
    if (o.pool) {
      for (const e of r.entries.filter((x) => x.audit_id)) {
        const row = (
          await o.pool.query<{ hash: string }>('SELECT hash FROM audit_log WHERE id = $1::bigint', [
            e.audit_id,
          ])
        ).rows[0];
        if (!row)
          c.problems.push(
            `entry ${e.seq}: audit row ${e.audit_id} is not in this server's audit log`,
          );
        else if (row.hash !== e.audit_hash)
          c.problems.push(`entry ${e.seq}: audit row ${e.audit_id} has another hash here`);
      }
    }
  });

  if (o.pool) {
    const pool = o.pool;
    await check('audit-head', 'Audit chain head (issuing server)', async (c) => {
      const id = info.get('Audit-Chain-Head-Id');
      const hash = info.get('Audit-Chain-Head-Hash');
      if (!id || !hash || id === 'none')
        return void c.notes.push('the bag records no audit chain head');
      if (!/^\d+$/.test(id))
        return void c.problems.push(`Audit-Chain-Head-Id is not a number: ${id}`);
      const row = (
        await pool.query<{ hash: string }>('SELECT hash FROM audit_log WHERE id = $1::bigint', [id])
      ).rows[0];
      if (!row) c.problems.push(`audit row ${id} does not exist on this server (not issued here?)`);
      else if (row.hash !== hash)
        c.problems.push(`audit row ${id} has hash ${row.hash} here, the bag says ${hash}`);
      else c.notes.push(`audit row ${id} matches`);
    });
  }

  const failures = checks.flatMap((c) => c.problems.map((p) => `${c.label}: ${p}`));
  return { ok: failures.length === 0, bag: src.name, checks, failures };
}
