import { withRoute } from '@/lib/api/route';
import { revealEvent } from '@/lib/events/reveal';
import { ZRevealBody } from '@/lib/schemas/reveal';

export const POST = withRoute(
  { permission: 'events:reveal', body: ZRevealBody },
  async ({ body, change }) => ({
    event: await change((tx, audit) => revealEvent(tx, audit, body)),
  }),
);
