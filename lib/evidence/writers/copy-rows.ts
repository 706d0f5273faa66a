import { StringDecoder } from 'node:string_decoder';
import type { PoolClient } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { EventRow } from './event-sql';

// The scope's events through `COPY (…) TO STDOUT` (text format), parsed here: one continuous
// stream instead of a cursor's batch round trips, and no per-field work in the driver. COPY takes
// no bind parameters, so the scope travels in transaction-local settings (set_config with
// parameters) that the query reads back — nothing is spliced into the SQL text.

const ESC: Record<string, string> = { b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v' };
const unescape = (f: string) => f.replace(/\\(.)/g, (_, c: string) => ESC[c] ?? c);
const text = (f: string) => (f === '\\N' ? null : f.includes('\\') ? unescape(f) : f);
const num = (f: string) => (f === '\\N' ? null : Number(f));

/** The same columns and order as EVENTS_SQL, scope read from dw_evidence.* settings. */
const COPY_EVENTS_SQL = `
SELECT id, to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ts, account_id, org_id,
       api_key_id, model, host(ip) AS ip, asn, country, user_agent, conversation_id, turn,
       system_prompt, system_prompt_sha256, prompt, prompt_sha256, response, input_tokens,
       output_tokens, max_tokens, finish_reason, temperature, thinking, status, extra
  FROM events
 WHERE account_id = ANY (ARRAY(SELECT json_array_elements_text(current_setting('dw_evidence.accounts')::json)))
   AND ts >= coalesce(nullif(current_setting('dw_evidence.from'), '')::timestamptz, '-infinity')
   AND ts < coalesce(nullif(current_setting('dw_evidence.to'), '')::timestamptz, 'infinity')
 ORDER BY account_id, ts, id`;

export function parseCopyRow(line: string): EventRow {
  const f = line.split('\t');
  return {
    id: text(f[0])!,
    ts: f[1],
    account_id: text(f[2])!,
    org_id: text(f[3]),
    api_key_id: text(f[4]),
    model: text(f[5])!,
    ip: text(f[6]),
    asn: num(f[7]),
    country: text(f[8]),
    user_agent: text(f[9]),
    conversation_id: text(f[10]),
    turn: num(f[11]),
    system_prompt: text(f[12]),
    system_prompt_sha256: text(f[13]),
    prompt: text(f[14]),
    prompt_sha256: text(f[15])!,
    response: text(f[16]),
    input_tokens: num(f[17]),
    output_tokens: num(f[18]),
    max_tokens: num(f[19]),
    finish_reason: text(f[20]),
    temperature: num(f[21]),
    thinking: f[22] === '\\N' ? null : f[22] === 't',
    status: num(f[23]),
    extra: f[24] === '\\N' ? null : JSON.parse(unescape(f[24])),
  };
}

export async function* copyEventRows(
  client: PoolClient,
  scope: { accountIds: string[]; from: string | null; to: string | null },
): AsyncGenerator<EventRow> {
  await client.query(
    `SELECT set_config('dw_evidence.accounts', $1, true), set_config('dw_evidence.from', $2, true),
            set_config('dw_evidence.to', $3, true)`,
    [JSON.stringify(scope.accountIds), scope.from ?? '', scope.to ?? ''],
  );
  const stream = client.query(copyTo(`COPY (${COPY_EVENTS_SQL}) TO STDOUT`));
  const dec = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of stream) {
      const s = rest + dec.write(chunk as Buffer);
      let start = 0;
      for (let nl = s.indexOf('\n'); nl !== -1; nl = s.indexOf('\n', start)) {
        yield parseCopyRow(s.slice(start, nl));
        start = nl + 1;
      }
      rest = s.slice(start);
    }
  } finally {
    stream.destroy();
  }
}
