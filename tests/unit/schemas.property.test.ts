import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toErrorResponse } from '@/lib/api/errors';
import { hostileJson, hostileKey, ownObject, prototypeClean, RUNS } from '@/tests/property';

// Every zod schema of the API (lib/schemas) against hostile bodies and queries (issue 12): nothing
// throws, a refusal becomes a 400 naming the field, nothing pollutes Object.prototype, and what is
// accepted is stable (parsing the parsed value again accepts it, unchanged).
const modules = import.meta.glob<Record<string, unknown>>('../../lib/schemas/*.ts', {
  eager: true,
});
const schemas = Object.entries(modules).flatMap(([file, mod]) =>
  Object.entries(mod)
    .filter(([name, v]) => name.startsWith('Z') && v instanceof z.ZodType)
    .map(([name, v]) => ({ name: `${file.split('/').pop()}:${name}`, schema: v as z.ZodType })),
);

// Schemas whose output is another shape than their input (not re-parseable by design).
const RESHAPES: Record<string, string> = {
  'annotation.ts:ZAnnotationListQuery': 'events: a comma-separated query value becomes an array',
};

/** The schema's own keys when it has a shape (the likeliest keys to trip it), else none. */
function keysOf(s: z.ZodType): string[] {
  const shape = (s as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

describe('API schemas, on hostile input', () => {
  it('finds the schemas', () => {
    expect(schemas.length).toBeGreaterThan(20);
  });

  it.each(schemas)(
    '$name: refuses with a 400 naming the field, or accepts stably',
    ({ name, schema }) => {
      const keys = keysOf(schema);
      const key = keys.length ? fc.oneof(fc.constantFrom(...keys), hostileKey) : hostileKey;
      const input = fc.oneof(
        fc.array(fc.tuple(key, hostileJson), { maxLength: 8 }).map(ownObject),
        hostileJson,
      );
      fc.assert(
        fc.property(input, (body) => {
          const r = schema.safeParse(body);
          expect(prototypeClean()).toBe(true);
          if (!r.success) {
            const res = toErrorResponse(r.error, 'prop');
            expect(res.status).toBe(400);
            expect(r.error.issues[0]?.message).toMatch(/\S/);
            return;
          }
          if (RESHAPES[name]) return;
          let again: z.ZodSafeParseResult<unknown>;
          try {
            again = schema.safeParse(r.data);
          } catch (e) {
            throw new Error(`re-parsing the accepted value threw: ${(e as Error).message}`);
          }
          expect(again.success).toBe(true);
          expect(JSON.stringify(again.data)).toBe(JSON.stringify(r.data));
        }),
        { numRuns: Math.max(20, Math.round(RUNS / 2)) },
      );
    },
  );
});
