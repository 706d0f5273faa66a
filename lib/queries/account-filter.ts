import { z } from 'zod';

// The accounts table's whole state (filters, sort, page) lives in the URL so a view can be bookmarked
// and shared. One schema parses it for the page, the API route and saved views; a malformed value
// falls back to its default instead of breaking the page.
export const ACCOUNT_SORTS = ['risk', 'events', 'coverage', 'last_seen', 'account_id'] as const;
export const FLAG_STATUSES = ['any', 'open', 'none', 'reviewing', 'closed'] as const;
// The label of the newest disposition of each account (closed cases teach detection, issue #10).
export const DISPOSITION_FILTERS = ['any', 'abuse', 'not_abuse', 'none'] as const;
export const PAGE_SIZES = [25, 50, 100] as const;

const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .catch(undefined)
    .transform((v) => v || undefined);
const optDate = z.string().date().optional().catch(undefined);
const optRisk = z.coerce.number().min(0).max(1).optional().catch(undefined);
// `flagged=true` lists exactly the accounts detection flagged (account_score.flagged: risk at the
// configured threshold, or member of a flagged cluster), the set the Overview counts.
const optBool = z
  .enum(['true', 'false'])
  .transform((v) => v === 'true')
  .optional()
  .catch(undefined);

export const ZAccountQuery = z.object({
  q: optText(200),
  risk_min: optRisk,
  risk_max: optRisk,
  flagged: optBool,
  signal: optText(64),
  status: z.enum(FLAG_STATUSES).default('any').catch('any'),
  disposition: z.enum(DISPOSITION_FILTERS).default('any').catch('any'),
  cluster: optText(128),
  from: optDate,
  to: optDate,
  model: optText(128),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .optional()
    .catch(undefined),
  sort: z.enum(ACCOUNT_SORTS).default('risk').catch('risk'),
  dir: z.enum(['asc', 'desc']).default('desc').catch('desc'),
  page: z.coerce.number().int().min(1).max(100_000).default(1).catch(1),
  size: z.coerce
    .number()
    .pipe(
      z.union(
        PAGE_SIZES.map((n) => z.literal(n)) as [
          z.ZodLiteral<25>,
          z.ZodLiteral<50>,
          z.ZodLiteral<100>,
        ],
      ),
    )
    .default(50)
    .catch(50),
});
export type TAccountQuery = z.infer<typeof ZAccountQuery>;

export const DEFAULT_ACCOUNT_QUERY: TAccountQuery = ZAccountQuery.parse({});

type Source = URLSearchParams | Record<string, string | string[] | undefined>;

/** URL search params (or Next's searchParams object) → table state. First value wins for repeats. */
export function parseAccountQuery(src: Source): TAccountQuery {
  const flat: Record<string, string> = {};
  if (src instanceof URLSearchParams) {
    for (const [k, v] of src) if (!(k in flat)) flat[k] = v;
  } else {
    for (const [k, v] of Object.entries(src)) {
      const first = Array.isArray(v) ? v[0] : v;
      if (first !== undefined) flat[k] = first;
    }
  }
  return ZAccountQuery.parse(flat);
}

/** Table state → canonical search string: defaults omitted, keys in a stable order. */
export function toAccountSearch(state: Partial<TAccountQuery>): string {
  const p = new URLSearchParams();
  for (const key of Object.keys(ZAccountQuery.shape) as (keyof TAccountQuery)[]) {
    const v = state[key];
    if (v === undefined || v === DEFAULT_ACCOUNT_QUERY[key]) continue;
    p.set(key, String(v));
  }
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** A filter change sends the user back to page 1; paging or sorting alone does not. */
export function withFilter(state: TAccountQuery, patch: Partial<TAccountQuery>): TAccountQuery {
  const pagingOnly = Object.keys(patch).every(
    (k) => k === 'page' || k === 'size' || k === 'sort' || k === 'dir',
  );
  return { ...state, ...patch, page: pagingOnly ? (patch.page ?? state.page) : 1 };
}
