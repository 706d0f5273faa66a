// VERIFY.txt: the exact commands an outside reviewer runs, with tools we did not write.

export function verifyText(o: {
  bagName: string;
  keyId: string;
  publicKeyBase64: string;
  timestamped: boolean;
}): string {
  return `How to verify this evidence package
====================================

Tools: coreutils (sha256sum, sha512sum), minisign, openssl, unzip. Debian/Ubuntu:
  apt-get install coreutils minisign openssl unzip

1. Unpack and enter the bag:
  unzip ${o.bagName}.zip && cd ${o.bagName}

2. Every payload file against both manifests (exit status 0 = all match):
  sha256sum -c --strict manifest-sha256.txt
  sha512sum -c --strict manifest-sha512.txt

3. No payload file that the manifest does not list (prints nothing when none):
  comm -13 <(cut -c67- manifest-sha256.txt | sort) <(find data -type f | sort)

4. The tag files (bag-info.txt, manifests, VERIFY.txt, minisign.pub) against the tag manifests:
  sha256sum -c --strict tagmanifest-sha256.txt
  sha512sum -c --strict tagmanifest-sha512.txt

5. The signature over the tag manifest (Ed25519, key id ${o.keyId}). Check that the key below is
   the one the producer publishes, then:
  minisign -V -P ${o.publicKeyBase64} -m tagmanifest-sha256.txt
   (the same key is in minisign.pub: minisign -V -p minisign.pub -m tagmanifest-sha256.txt)
${
  o.timestamped
    ? `
6. The RFC 3161 timestamp over the tag manifest, with the timestamp authority's CA certificate:
  openssl ts -reply -in tagmanifest-sha256.txt.tsr -text
  openssl ts -verify -in tagmanifest-sha256.txt.tsr -data tagmanifest-sha256.txt -CAfile TSA-CA.pem
`
    : `
6. No RFC 3161 timestamp was requested for this package (no timestamp authority configured).
`
}
Together: the signature covers the tag manifest, the tag manifest covers the manifests and
bag-info.txt, and the manifests cover every payload file. bag-info.txt records the audit chain
head of the issuing server at build time (Audit-Chain-Head-Id / -Hash) and the head of
data/custody.jsonl (Custody-Chain-Head). On the issuing server, \`npm run evidence:verify -- FILE\`
runs all of the above and also matches the chain heads against its audit log.
`;
}
