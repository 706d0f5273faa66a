import type { z } from 'zod';

type Raw = Record<string, string | string[] | undefined>;

/**
 * A list page's URL parameters read one by one against its schema: a parameter that does not
 * parse is dropped with a hint the page shows (never a silent fallback), the others still apply.
 * Unknown parameters are ignored; a repeated one counts by its first value.
 */
export function parseUrlQuery<S extends z.ZodObject>(
  schema: S,
  raw: Raw,
): { query: z.infer<S>; hints: string[] } {
  const hints: string[] = [];
  const clean: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const given = raw[key];
    const v = Array.isArray(given) ? given[0] : given;
    if (v === undefined || v === '') continue;
    const one = (schema.shape[key] as z.ZodType).safeParse(v);
    if (one.success) clean[key] = v;
    else hints.push(`${key}=${v} is not valid (${one.error.issues[0].message}); ignored.`);
  }
  return { query: schema.parse(clean), hints };
}
