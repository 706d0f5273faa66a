'use client';
import { useEffect, useState } from 'react';
import { useSearchParams } from 'next/navigation';
import { parseView, viewQuery, type Order } from './window-params';

/** How long the brush must rest before the event list asks for the new window. */
const SETTLE_MS = 300;

// The brushed window and the event order, started from the URL and written back to it. The
// charts follow `win` at once; the event list follows `settled`, which trails `win` until the brush
// rests, so one drag of the brush makes one events request instead of one per point passed.
export function useAccountView(keys: string[]) {
  const params = useSearchParams();
  const [initial] = useState(() => parseView((k) => params.get(k), keys));
  const [win, setWin] = useState<[number, number]>(initial.win);
  const [settled, setSettled] = useState<[number, number]>(initial.win);
  const [order, setOrder] = useState<Order>(initial.order);
  const [s, e] = win;
  useEffect(() => {
    const t = setTimeout(() => setSettled([s, e]), SETTLE_MS);
    return () => clearTimeout(t);
  }, [s, e]);
  const [a, b] = settled;
  useEffect(() => {
    // replaceState, not a navigation: the server need not render the page again for a brush.
    window.history.replaceState(null, '', viewQuery(window.location.search, keys, [a, b], order));
  }, [a, b, order, keys]);
  return { win, setWin, settled, order, setOrder, hints: initial.hints };
}
