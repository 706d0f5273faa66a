import type { Batch } from './batch';
import type { Lane } from './lanes';

/**
 * Which input lines are committed, for "committed through line N": a batch is pending from the
 * moment it is sent until its transaction commits. Lanes commit independently and a lane's batch
 * holds lines from all over the file, so "the first N lines" is wrong; what is exact is the line
 * before the first one that sits in a batch not yet committed (sent and pending, or still open).
 */
export class CommitFrontier {
  private pending = new Set<number>();
  /** the last line read from the input (blank lines and the CSV header included) */
  lastLine = 0;

  sent(b: Batch): void {
    if (b.lines) this.pending.add(b.firstLine);
  }

  committed(b: Batch): void {
    this.pending.delete(b.firstLine);
  }

  through(lanes: readonly Lane[]): number {
    let first = Infinity;
    for (const line of this.pending) first = Math.min(first, line);
    for (const l of lanes) if (l.batch.lines) first = Math.min(first, l.batch.firstLine);
    return first === Infinity ? this.lastLine : first - 1;
  }
}
