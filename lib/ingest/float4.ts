/**
 * The float4 the text format would store: Postgres reads the shortest decimal of the double
 * (`String(x)`, what the text encoder sends) with strtof, i.e. rounds that decimal to float once.
 * Math.fround rounds the double instead; the two differ only when the double lies exactly halfway
 * between two floats (then the decimal's side decides, not ties-to-even).
 */
export function float4Of(x: number): number {
  const f = Math.fround(x);
  if (f === x) return f;
  const other = nextFloatToward(f, x);
  if (Math.abs(x - f) !== Math.abs(other - x)) return f; // not a tie
  const exact = decimalVsDouble(String(x), x); // where the decimal lies against the double
  if (exact === 0) return f; // the decimal is the tie itself: ties-to-even, as Math.fround did
  const up = exact > 0;
  return up === other > f ? other : f;
}

const bits = new Float32Array(1);
const bitsInt = new Int32Array(bits.buffer);
function nextFloatToward(f: number, x: number): number {
  bits[0] = f;
  // f and x share a sign here (x within half a float step of f, f ≠ 0 for a tie)
  bitsInt[0] += x > f === f > 0 ? 1 : -1;
  return bits[0];
}

/** Sign of (decimal string − double), exactly, with BigInt arithmetic. */
function decimalVsDouble(dec: string, x: number): number {
  const [mant, expPart] = dec.split(/e/i);
  const [ip, fp = ''] = mant.replace('-', '').split('.');
  const sign = dec.startsWith('-') ? -1n : 1n;
  let num = sign * BigInt(ip + fp);
  let den = 1n;
  const e10 = Number(expPart ?? 0) - fp.length;
  if (e10 >= 0) num *= 10n ** BigInt(e10);
  else den = 10n ** BigInt(-e10);
  // x = m · 2^e exactly
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const expBits = Number((bits >> 52n) & 0x7ffn);
  let m = bits & ((1n << 52n) - 1n);
  let e = expBits - 1075;
  if (expBits === 0) e = -1074;
  else m |= 1n << 52n;
  if (bits >> 63n) m = -m;
  // compare num/den with m·2^e
  let lhs = num,
    rhs = m * den;
  if (e >= 0) rhs <<= BigInt(e);
  else lhs <<= BigInt(-e);
  return lhs === rhs ? 0 : lhs > rhs ? 1 : -1;
}
