// Summed link weight per account pair, in flat typed arrays (open addressing, linear probing).
// linkAccounts scores up to 3 million pairs; a Map of pair sums plus one Set of credited pairs per
// indicator fact cost most of detect's JavaScript time at 2M events (13.7 s of link + 11.8 s of
// garbage collection in a CPU profile). Here a pair is one slot: its key, its sum and a bit per
// independent fact already credited (each fact counts once per pair, its heaviest value first).

const EMPTY = -1;

export class PairTable {
  // slot s: cells[2s] = pair key, cells[2s + 1] = summed weight (one cache line per probe)
  private cells: Float64Array;
  private facts: Uint32Array;
  private mask: number;
  size = 0;

  /** `capacity`: the most pairs that will be added (the table keeps its load under one half). */
  constructor(capacity: number) {
    let slots = 1024;
    while (slots < capacity * 2) slots *= 2;
    this.cells = new Float64Array(slots * 2);
    for (let s = 0; s < slots * 2; s += 2) this.cells[s] = EMPTY;
    this.facts = new Uint32Array(slots);
    this.mask = slots - 1;
  }

  private slot(key: number): number {
    // multiplicative hash of the pair key (a·N + b < 2^53): mix high and low halves
    const lo = (key % 4294967296) | 0;
    const hi = (key / 4294967296) | 0;
    let s = (Math.imul(lo ^ Math.imul(hi, 0x27d4eb2d), 0x9e3779b1) >>> 0) & this.mask;
    while (this.cells[2 * s] !== EMPTY && this.cells[2 * s] !== key) s = (s + 1) & this.mask;
    return s;
  }

  /**
   * Adds `w` to the pair's sum unless fact `bit` (0–31) was already credited to it; returns the
   * new sum, or -1 when the fact had been credited (nothing added).
   */
  add(key: number, bit: number, w: number): number {
    const s = this.slot(key);
    if (this.cells[2 * s] === EMPTY) {
      this.cells[2 * s] = key;
      this.size++;
    }
    const b = 1 << bit;
    if (this.facts[s] & b) return -1;
    this.facts[s] |= b;
    this.cells[2 * s + 1] += w;
    return this.cells[2 * s + 1];
  }
}
