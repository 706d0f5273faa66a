import { QueryClient, QueryObserver, type QueryKey } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { refreshQueries } from './refresh-queries';

// A list on screen whose first load read the rows before a mutation committed, and answers only
// after the mutation's refresh started: the race that left the evidence list empty (c9a6c05).
function setup() {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  const rows: string[] = [];
  const signals: AbortSignal[] = [];
  let answerFirst: () => void = () => {};
  const observer = new QueryObserver(qc, {
    queryKey: ['list'],
    queryFn: ({ signal }) => {
      signals.push(signal);
      const snapshot = [...rows]; // read now, answered later for the first load
      if (signals.length > 1) return Promise.resolve(snapshot);
      return new Promise<string[]>((resolve) => (answerFirst = () => resolve(snapshot)));
    },
  });
  const unsubscribe = observer.subscribe(() => {}); // on screen: the first load starts
  const list = () => qc.getQueryData<string[]>(['list']);
  return { qc, rows, signals, list, answerFirst: () => answerFirst(), unsubscribe };
}

let cleanup: () => void = () => {};
afterEach(() => cleanup());

describe('refreshQueries', () => {
  it('shows the committed row although the first load read the list before it', async () => {
    const s = setup();
    cleanup = s.unsubscribe;
    s.rows.push('new job'); // the mutation commits while the first load is in flight
    const refreshed = refreshQueries(s.qc, ['list']);
    s.answerFirst(); // the stale answer arrives after the refresh began: it must be dropped
    await refreshed;
    expect(s.list()).toEqual(['new job']);
    expect(s.signals).toHaveLength(2);
    expect(s.signals[0]!.aborted).toBe(true); // the stale request is aborted, not left to finish
    expect(s.signals[1]!.aborted).toBe(false);
  });

  it('is needed: invalidating alone joins the stale first load', async () => {
    const s = setup();
    cleanup = s.unsubscribe;
    s.rows.push('new job');
    const invalidated = s.qc.invalidateQueries({ queryKey: ['list'] });
    s.answerFirst();
    await invalidated;
    expect(s.list()).toEqual([]); // stale: if react-query changes this, the helper may go
    expect(s.signals).toHaveLength(1);
  });

  it('refreshes a prefix, or one key when exact', async () => {
    const qc = new QueryClient();
    const calls: string[] = [];
    const watch = (queryKey: QueryKey) =>
      new QueryObserver(qc, {
        queryKey,
        queryFn: () => (calls.push(queryKey.join('/')), Promise.resolve(calls.length)),
      }).subscribe(() => {});
    const stops = [watch(['a']), watch(['a', 'b'])];
    cleanup = () => stops.forEach((stop) => stop());
    await qc.refetchQueries(); // both loaded once
    calls.length = 0;
    await refreshQueries(qc, { queryKey: ['a'], exact: true });
    expect(calls).toEqual(['a']);
    calls.length = 0;
    await refreshQueries(qc, ['a']);
    expect(calls.sort()).toEqual(['a', 'a/b']);
  });
});
