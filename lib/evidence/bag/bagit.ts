// Pure BagIt 1.0 (RFC 8493) text: bagit.txt, bag-info.txt, manifests, Payload-Oxum.
// Paths are bag-relative with forward slashes; manifests list them sorted so two builds of the
// same export give byte-identical manifests. Lines are `<hex>  <path>` (two spaces), the layout
// `sha256sum -c` / `sha512sum -c` read.

export const BAGIT_TXT = 'BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n';

export interface FileDigest {
  path: string;
  bytes: number;
  sha256: string;
  sha512: string;
}

export type Algorithm = 'sha256' | 'sha512';

export function manifestText(files: readonly FileDigest[], alg: Algorithm): string {
  return [...files]
    .sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
    .map((f) => `${f[alg]}  ${encodeManifestPath(f.path)}\n`)
    .join('');
}

/** RFC 8493 §2.1.3: CR, LF and % in a path are percent-encoded in manifests. */
function encodeManifestPath(p: string): string {
  return p.replace(/%/g, '%25').replace(/\n/g, '%0A').replace(/\r/g, '%0D');
}

function decodeManifestPath(p: string): string {
  return p.replace(/%0A/gi, '\n').replace(/%0D/gi, '\r').replace(/%25/g, '%');
}

/** Parses a manifest; bad lines are reported with their line number, never thrown. */
export function parseManifest(text: string): {
  entries: Map<string, string>;
  problems: string[];
} {
  const entries = new Map<string, string>();
  const problems: string[] = [];
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    const m = /^([0-9a-fA-F]{32,128})[ \t]+\*?(.+)$/.exec(line);
    if (!m) return problems.push(`line ${i + 1}: not "<hash>  <path>"`);
    const p = decodeManifestPath(m[2]);
    if (entries.has(p)) problems.push(`line ${i + 1}: ${p} listed twice`);
    entries.set(p, m[1].toLowerCase());
  });
  return { entries, problems };
}

/** Payload-Oxum: `<octets>.<stream count>` of the payload (RFC 8493 §2.2.2). */
export function payloadOxum(files: readonly { bytes: number }[]): string {
  return `${files.reduce((s, f) => s + f.bytes, 0)}.${files.length}`;
}

/** Human size for Bag-Size (informational only). */
export function bagSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return `${u === 0 ? v : v.toFixed(1)} ${units[u]}`;
}

/** bag-info.txt: `Label: value` lines in the given order; values are single-line. */
export function bagInfoText(fields: readonly [string, string][]): string {
  return fields.map(([k, v]) => `${k}: ${v.replace(/[\r\n]+/g, ' ')}\n`).join('');
}

export function parseBagInfo(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let last: string | undefined;
  for (const line of text.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) out.set(last, `${out.get(last)} ${line.trim()}`);
    else {
      const i = line.indexOf(':');
      if (i <= 0) continue;
      last = line.slice(0, i).trim();
      out.set(last, line.slice(i + 1).trim());
    }
  }
  return out;
}
