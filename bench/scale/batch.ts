import { prepareScenario, scenarioEventLines } from '@/lib/scenario/generate';

/**
 * A later batch for the incremental detection timing: `events` more events from a second
 * scenario (seed + 1), each moved onto one of the existing accounts `onto` (the first scenario's
 * accounts, same position modulo), under new ids that carry the seed (so batches of other seeds
 * never collide). What it does to those accounts' scores does not matter here; how long
 * `detect --since-last` takes to rescore them does.
 */
export function* extraBatch(
  onto: string[],
  o: { events: number; accounts: number; seed: number },
  prompts: string[],
): Generator<string> {
  const second = prepareScenario(
    { accounts: Math.max(150, o.accounts), events: o.events, seed: o.seed + 1, mix: 'default' },
    prompts,
  );
  const to = new Map(
    second.actors.map((a, i) => [a.account.account_id, onto[(i * 7919) % onto.length]]),
  );
  let n = 0;
  for (const line of scenarioEventLines(second)) {
    const e = JSON.parse(line) as { id: string; account_id: string };
    yield JSON.stringify({
      ...e,
      id: `batch${o.seed}_${(n++).toString(36)}`,
      account_id: to.get(e.account_id),
    });
  }
}
