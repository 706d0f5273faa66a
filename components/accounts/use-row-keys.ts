'use client';
import { useEffect } from 'react';

// j / k move the selection, Enter opens it — unless the user is typing in a form field.
export function useRowKeys(
  count: number,
  selected: number,
  setSelected: (i: number) => void,
  open: (i: number) => void,
) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && (t.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(t.tagName))) return;
      if (e.metaKey || e.ctrlKey || e.altKey || count === 0) return;
      if (e.key === 'j') setSelected(Math.min(count - 1, selected + 1));
      else if (e.key === 'k') setSelected(Math.max(0, selected - 1));
      else if (e.key === 'Enter' && selected >= 0) open(selected);
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count, selected, setSelected, open]);
}
