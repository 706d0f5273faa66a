import fc from 'fast-check';

// Shared by the property tests (*.property.test.ts): how many cases each property tries. Modest in
// `npm test`; `npm run test:slow` sets PROPERTY_RUNS higher (README, "Tests").
export const RUNS = Number(process.env.PROPERTY_RUNS ?? '') || 100;

/** Strings a customer can send: any UTF-16 (lone surrogates too), NUL, control characters, long. */
export const hostileString = (maxLength = 200) =>
  fc.oneof(
    fc.string({ unit: 'binary', maxLength }),
    fc.string({ unit: 'grapheme', maxLength }),
    fc.constantFrom('', '\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\ufeff', '\u202e', '%00'),
    fc.integer({ min: 10_000, max: 300_000 }).map((n) => 'x'.repeat(n)),
  );

/** Keys that have tripped JavaScript objects before. */
export const hostileKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', ''),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** Numbers at the edges of what JSON, JavaScript and Postgres integers hold. */
export const edgeNumber = fc.oneof(
  fc.constantFrom(
    0,
    -0,
    -1,
    1,
    0.5,
    2147483647,
    2147483648,
    -2147483648,
    Number.MAX_SAFE_INTEGER,
    Number.MAX_SAFE_INTEGER + 2,
    1e308,
    -1e308,
    5e-324,
    1e21,
  ),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.integer(),
);

/** A value nested `depth` levels (arrays and objects alternating), built without recursion. */
export function nested(depth: number): unknown {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { k: v };
  return v;
}

/** A JSON value a client might send: ordinary, deep, hostile strings and numbers. */
export const hostileJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.integer({ min: 1, max: 20_000 }).map(nested),
  hostileString(),
  edgeNumber,
);

/** An object with the given (possibly '__proto__') keys as own properties, as JSON.parse makes. */
export function ownObject(entries: [string, unknown][]): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  for (const [k, v] of entries)
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  return o;
}

/** True when nothing has been added to Object.prototype. */
export const prototypeClean = () =>
  Object.getOwnPropertyNames(Object.prototype).every((k) => BASELINE.has(k));
const BASELINE = new Set(Object.getOwnPropertyNames(Object.prototype));
