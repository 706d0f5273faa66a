'use client';
import Link from 'next/link';
import { useUnreadCount } from './inbox-query';

/** "Inbox" in the header with the unread count (mentions and assignments). */
export function InboxLink({ initialUnread }: { initialUnread: number }) {
  const { data } = useUnreadCount(initialUnread);
  const n = data.unread;
  return (
    <Link
      href="/inbox"
      className="flex items-center gap-1 rounded px-2 py-1 text-sm font-medium text-slate-800 hover:bg-slate-100"
      aria-label={n ? `Inbox, ${n} unread` : 'Inbox'}
    >
      Inbox
      {n > 0 && (
        <span
          data-testid="inbox-unread"
          className="rounded-full bg-blue-700 px-1.5 text-xs font-semibold text-white"
        >
          {n}
        </span>
      )}
    </Link>
  );
}
