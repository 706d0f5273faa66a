'use client';
import { Alert } from '@/components/ui/alert';
import { Select } from '@/components/ui/form-controls';
import type { useAccountView } from './use-view';

// The window the charts and events show (set by the brush or these buttons) and the event order.
// Hints say what the page did with a link's parameters it could not honour.
export function ViewControls({
  keys,
  view,
}: {
  keys: string[];
  view: ReturnType<typeof useAccountView>;
}) {
  const n = keys.length;
  const { win, setWin } = view;
  const button = 'rounded border border-slate-300 px-2 py-0.5';
  return (
    <div className="space-y-2">
      {view.hints.length > 0 && (
        <div data-testid="view-hint">
          <Alert tone="info">{view.hints.join(' ')}</Alert>
        </div>
      )}
      <div className="flex flex-wrap items-center gap-2 text-sm" aria-label="Window">
        <span className="text-slate-600">Window</span>
        {/* point indices of the window: tests drive the brush by keyboard and check these */}
        <strong data-testid="window" data-start={win[0]} data-end={win[1]}>
          {keys[win[0]]} → {keys[win[1]]}
        </strong>
        <button
          type="button"
          className={button}
          onClick={() => setWin([Math.max(0, n - 7), n - 1])}
        >
          Last 7 days
        </button>
        <button type="button" className={button} onClick={() => setWin([0, n - 1])}>
          All
        </button>
        <label className="ml-auto flex items-center gap-2">
          <span className="text-slate-600">Order of events</span>
          <Select
            controlSize="sm"
            value={view.order}
            onChange={(e) => view.setOrder(e.target.value === 'asc' ? 'asc' : 'desc')}
          >
            <option value="desc">newest first</option>
            <option value="asc">oldest first</option>
          </Select>
        </label>
      </div>
    </div>
  );
}
