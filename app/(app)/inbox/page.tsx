import { requirePage } from '@/lib/auth/page-guard';
import { getInbox } from '@/lib/queries/inbox';
import { ZInboxQuery } from '@/lib/schemas/note';
import { PageHeader } from '@/components/ui/page-header';
import { InboxView } from '@/components/inbox/inbox-view';

type Search = Record<string, string | string[] | undefined>;

export default async function InboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePage('self:view');
  const raw = Object.fromEntries(
    Object.entries(await searchParams).flatMap(([k, v]) => {
      const s = Array.isArray(v) ? v[0] : v;
      return s === undefined ? [] : [[k, s]];
    }),
  ) as Record<string, string>;
  const parsed = ZInboxQuery.safeParse(raw);
  const q = parsed.success ? parsed.data : ZInboxQuery.parse({});
  const search = new URLSearchParams({
    page: String(q.page),
    size: String(q.size),
    ...(q.unread ? { unread: q.unread } : {}),
  }).toString();
  return (
    <>
      <PageHeader title="Inbox" description="Mentions in case notes and assignments to you." />
      <InboxView initial={await getInbox(user, q)} search={search} />
    </>
  );
}
