import type { PreparedScenario } from '@/lib/scenario/generate';
import { prepareScenario, scenarioEventLines } from '@/lib/scenario/generate';

/**
 * A later batch for the incremental detection timing: `events` more events from a second
 * scenario (other seed), each moved onto one of `accounts` existing accounts of the first
 * (same position modulo), under new ids. What it does to those accounts' scores does not matter
 * here; how long `detect --since-last` takes to rescore them does.
 */
export function* extraBatch(
  first: PreparedScenario,
  o: { events: number; accounts: number; seed: number },
  prompts: string[],
): Generator<string> {
  const second = prepareScenario(
    { accounts: Math.max(150, o.accounts), events: o.events, seed: o.seed + 1, mix: 'default' },
    prompts,
  );
  const onto = new Map(
    second.actors.map((a, i) => [
      a.account.account_id,
      first.actors[(i * 7919) % first.actors.length].account.account_id,
    ]),
  );
  let n = 0;
  for (const line of scenarioEventLines(second)) {
    const e = JSON.parse(line) as { id: string; account_id: string };
    yield JSON.stringify({
      ...e,
      id: `batch_${(n++).toString(36)}`,
      account_id: onto.get(e.account_id),
    });
  }
}
