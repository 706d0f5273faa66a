import { sha256Hex } from '@/lib/features';

// PROMPT_STORAGE=hash keeps no customer text that could be a prompt: not in events (event-row.ts),
// not in unknown fields, not in quarantined lines or their reasons.
const TEXT_FIELDS = new Set(['prompt', 'response', 'system_prompt']);
const hashed = (s: string) => `sha256:${sha256Hex(s)}`;

/** Unknown fields as JSON with every string value replaced by its hash (keys and numbers kept). */
export function hashedExtraJson(extra: Record<string, unknown>): string {
  return JSON.stringify(extra, (_key, v: unknown) => (typeof v === 'string' ? hashed(v) : v));
}

/**
 * What hash mode quarantines of a rejected line: a JSON object line with its prompt, response,
 * system prompt and every unknown field's strings hashed (the known fields, which hold ids and
 * settings, stay readable to explain the rejection); anything else only as its hash and length.
 */
export function hashModeRaw(raw: string, known: Record<string, unknown>): string {
  let obj: unknown = null;
  try {
    obj = JSON.parse(raw);
  } catch {
    // not JSON (or cut): nothing of it can be shown safely
  }
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj))
    return `(line withheld: PROMPT_STORAGE=hash; ${raw.length} characters, ${hashed(raw)})`;
  return JSON.stringify(obj, function (this: unknown, key: string, v: unknown) {
    if (this === obj && key !== '' && (TEXT_FIELDS.has(key) || !(key in known)))
      return typeof v === 'string' ? hashed(v) : JSON.parse(hashedExtraJson({ v })).v;
    return v;
  });
}

/** A rejection reason without the input text V8 quotes in JSON syntax errors. */
export function hashModeReason(reason: string): string {
  return reason.replace(/, ".*is not valid JSON$/s, ' (text withheld)');
}
