/**
 * Rows one by one from an iterator of batches: only the step to a new batch waits (a promise per
 * batch, not per row). A row comes back as a value when it is already in the current batch.
 */
export function rowReader<T>(it: AsyncIterator<T[]>) {
  let batch: T[] = [];
  let i = 0;
  const refill = async (): Promise<T | undefined> => {
    for (;;) {
      const n = await it.next();
      if (n.done) return undefined;
      batch = n.value;
      i = 0;
      if (batch.length) return batch[i++];
    }
  };
  return (): T | undefined | Promise<T | undefined> => (i < batch.length ? batch[i++] : refill());
}
