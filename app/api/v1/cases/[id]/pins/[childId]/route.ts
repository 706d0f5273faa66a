import { z } from 'zod';
import { withRoute } from '@/lib/api/route';
import { unpinEvidence } from '@/lib/cases/pins';
import { getCase } from '@/lib/queries/case';
import { getPinnedChart } from '@/lib/queries/case-chart';

const ZPinParams = z.object({
  id: z.string().uuid('must be a case id'),
  childId: z.string().regex(/^\d{1,18}$/, 'must be a numeric id'),
});

/** A pinned chart's parameters and points, drawn again from the rollups. */
export const GET = withRoute(
  { permission: 'cases:view', params: ZPinParams },
  async ({ params, user }) => {
    await getCase(user, params.id); // visibility: 404 for a restricted case
    return getPinnedChart(params.id, BigInt(params.childId));
  },
);

export const DELETE = withRoute(
  { permission: 'cases:write', params: ZPinParams },
  async ({ params, user, change }) => {
    await change((tx, audit) => unpinEvidence(tx, audit, user, params.id, BigInt(params.childId)));
    return { ok: true };
  },
);
