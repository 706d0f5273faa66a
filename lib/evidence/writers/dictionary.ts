import type { EvidenceFields } from '../types';
import { DAT_COLUMNS } from './loadfile';

// data/data-dictionary.md: what every payload file holds, column by column, for a reader who has
// only the bag.

export function dataDictionary(o: {
  fields: EvidenceFields;
  redact: boolean;
  perFile: number;
  batesPrefix: string;
}): string {
  return `# Data dictionary

All text files are UTF-8. Times are UTC, ISO 8601 with milliseconds (\`2026-11-03T14:05:09.123Z\`).

## natives/${o.batesPrefix}NNNNNNN.jsonl — query events (native)

One JSON object per line, one event per line, in the order account_id, ts, id. Each file holds the
events of one account (at most ${o.perFile}); its name is the Bates number of its first line. Line
*k* of a file whose name is Bates *b* carries Bates *b + k − 1* (also in its \`bates\` key).

| key | meaning |
|---|---|
| bates | Bates number of this event |
| id | event id as received from the API gateway |
| ts | request time (UTC) |
| account_id, org_id, api_key_id | who sent the request |
| model | model requested |
| ip, asn, country, user_agent | network origin as seen by the gateway |
| conversation_id, turn | conversation and turn number when the client sent them |
| system_prompt, prompt, response | the texts${o.fields === 'hashes' ? ' — not included in this package (fields: hashes only)' : o.redact ? ', with third-party personal data redacted (see redaction-log.csv)' : ' as received (no redaction)'} |
| system_prompt_sha256, prompt_sha256 | SHA-256 (hex) of the original, unredacted texts |
${o.fields === 'hashes' ? '| response_sha256 | SHA-256 (hex) of the original response |\n' : ''}| input_tokens, output_tokens, max_tokens | token counts and the requested limit |
| finish_reason, temperature, thinking, status | generation settings and outcome |
| extra | any further fields the gateway sent (JSON) |

## loadfile.dat — Concordance load file

Fields quoted with þ (U+00FE), separated by ¶ (U+00B6), records end with CRLF; first record is the
header. One record per native file. Columns: ${DAT_COLUMNS.join(', ')}. NATIVEPATH is relative to
the load file. SHA256 is of the file as delivered; UNREDACTED_SHA256 is what the file's SHA-256
would be without redaction (equal when nothing was redacted): the producing party can show the
original native matches it.

## redaction-log.csv

One row per redaction: file, line (1-based), bates, event_id, field, kind (email, phone, api_key,
card), offset and length (UTF-16 code units in the original field value), replacement text, and
original_field_sha256 (SHA-256 of the whole original field value).

## privilege-log.csv

Items withheld or redacted for privilege: bates, date, author, recipients, description, basis.

## stix/bundle.json — STIX 2.1 bundle

identity (the producer), campaign (this case), intrusion-set (each linked cluster), user-account
and observed-data (each account: first/last observed, number of events), indicator (each
infrastructure value shared by two or more accounts in scope, with a STIX pattern) and
relationship objects (attributed-to, indicates, related-to). Ids are UUIDv5 and stable across
rebuilds of the same case.

## timesketch.jsonl — timeline for Timesketch

One row per event: message, datetime, timestamp (microseconds since 1970), timestamp_desc, plus
bates, event_id, account_id, model, network fields, token counts and native_path.

## custody.jsonl — chain of custody

One JSON object per line (keys sorted): seq, at, actor, action, target_type, target_id, details,
reason, source (audit_log or export), audit_id and audit_hash (the row in the issuing server's
audit log), prev_hash and hash = SHA-256(prev_hash ‖ canonical JSON of the entry without hash).
The first prev_hash is 64 zeros; the last hash is Custody-Chain-Head in bag-info.txt.
`;
}
