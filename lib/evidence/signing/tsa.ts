import { createHash, randomBytes, verify as verifySig, X509Certificate } from 'node:crypto';
import { UnavailableError } from '@/lib/errors';
import { children, content, oidText, readTlv, tlv, whole, type Tlv } from './der';

// RFC 3161 time-stamping of the tag manifest. The request is built by hand (it is five DER
// fields); the reply is stored as the TSA sent it (`.tsr`, what `openssl ts -verify -in` reads).
// checkTimestamp() re-checks a reply in JS: status, message imprint, the CMS messageDigest and the
// signer's signature with the certificate inside the token. Whether that certificate chains to a
// trusted TSA is left to `openssl ts -verify -CAfile` (VERIFY.txt): we ship no trust store.

const SHA256_OID = Buffer.from('0609608648016503040201', 'hex');
const DIGESTS: Record<string, string> = {
  '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384',
  '2.16.840.1.101.3.4.2.3': 'sha512',
  '1.3.14.3.2.26': 'sha1',
};
const MESSAGE_DIGEST_ATTR = '1.2.840.113549.1.9.4';

function timeStampRequest(data: Buffer, nonce = randomBytes(8)): Buffer {
  const algId = tlv(0x30, Buffer.concat([SHA256_OID, Buffer.from([0x05, 0x00])]));
  const imprint = tlv(
    0x30,
    Buffer.concat([algId, tlv(0x04, createHash('sha256').update(data).digest())]),
  );
  const n = nonce[0] & 0x80 ? Buffer.concat([Buffer.from([0]), nonce]) : nonce;
  return tlv(
    0x30,
    Buffer.concat([
      Buffer.from([0x02, 0x01, 0x01]), // version 1
      imprint,
      tlv(0x02, n), // nonce
      Buffer.from([0x01, 0x01, 0xff]), // certReq TRUE: the token carries the TSA certificate
    ]),
  );
}

export async function fetchTimestamp(
  url: string,
  data: Buffer,
  timeoutMs = 15_000,
): Promise<Buffer> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query' },
      body: new Uint8Array(timeStampRequest(data)),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (e) {
    throw new UnavailableError(
      `Timestamp authority ${url} did not answer: ${(e as Error).message}`,
    );
  }
  if (!res.ok) throw new UnavailableError(`Timestamp authority ${url} answered HTTP ${res.status}`);
  const reply = Buffer.from(await res.arrayBuffer());
  const check = checkTimestamp(reply, data);
  if (!check.ok) throw new UnavailableError(`Timestamp authority ${url}: ${check.problem}`);
  return reply;
}

export interface TimestampCheck {
  ok: boolean;
  problem?: string;
  genTime?: string;
  signer?: string;
}

export function checkTimestamp(reply: Buffer, data: Buffer): TimestampCheck {
  try {
    const resp = children(reply, readTlv(reply));
    const status = content(reply, children(reply, resp[0])[0]).readUIntBE(0, 1);
    if (status > 1) return { ok: false, problem: `the authority refused (PKIStatus ${status})` };
    if (!resp[1]) return { ok: false, problem: 'the reply holds no timestamp token' };
    const signedData = children(reply, children(reply, children(reply, resp[1])[1])[0]);
    const encap = children(reply, signedData[2]);
    const eContent = children(reply, encap[1])[0]; // [0] EXPLICIT OCTET STRING
    const tstDer = content(reply, eContent);
    const tst = children(tstDer, readTlv(tstDer));
    const imprint = children(tstDer, tst[2]);
    const hashed = content(tstDer, imprint[1]);
    const alg = DIGESTS[oidText(content(tstDer, children(tstDer, imprint[0])[0]))];
    if (!alg) return { ok: false, problem: 'unknown message imprint algorithm' };
    if (!createHash(alg).update(data).digest().equals(hashed))
      return { ok: false, problem: 'message imprint does not match tagmanifest-sha256.txt' };
    const genTime = generalizedTime(content(tstDer, tst[4]).toString('latin1'));
    const certs = signedData.find((t) => t.tag === 0xa0);
    const signerInfo = children(reply, signedData[signedData.length - 1])[0];
    const si = children(reply, signerInfo);
    const digestAlg = DIGESTS[oidText(content(reply, children(reply, si[2])[0]))];
    const attrs = si.find((t) => t.tag === 0xa0);
    if (!digestAlg || !attrs)
      return { ok: false, problem: 'signer info without signed attributes', genTime };
    const md = messageDigest(reply, attrs);
    if (!md || !createHash(digestAlg).update(tstDer).digest().equals(md))
      return { ok: false, problem: 'CMS messageDigest does not match the timestamp info', genTime };
    const signedAttrs = Buffer.from(whole(reply, attrs));
    signedAttrs[0] = 0x31; // signed over as a SET OF, not the [0] IMPLICIT tag
    const signature = content(reply, si[si.indexOf(attrs) + 2]);
    for (const c of certs ? children(reply, certs) : []) {
      const cert = new X509Certificate(whole(reply, c));
      if (verifySig(digestAlg, signedAttrs, cert.publicKey, signature))
        return { ok: true, genTime, signer: cert.subject.replace(/\n/g, ', ') };
    }
    return { ok: false, problem: 'no certificate in the token verifies its signature', genTime };
  } catch (e) {
    return { ok: false, problem: `not a valid RFC 3161 reply (${(e as Error).message})` };
  }
}

function messageDigest(buf: Buffer, attrs: Tlv): Buffer | undefined {
  for (const a of children(buf, attrs)) {
    const [oid, values] = children(buf, a);
    if (oidText(content(buf, oid)) === MESSAGE_DIGEST_ATTR)
      return content(buf, children(buf, values)[0]);
  }
  return undefined;
}

function generalizedTime(s: string): string {
  const m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)(\.\d+)?Z$/.exec(s);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}${m[7] ?? ''}Z` : s;
}
