import { prisma } from '@/lib/db/client';
import { NotFoundError } from '@/lib/errors';
import { ZChartParams, type ChartSeries, type TChartParams } from '@/lib/schemas/case';
import { getSeries } from './account-series';

export interface PinnedChart {
  params: TChartParams;
  points: { key: string; value: number | null }[];
}

/**
 * A pinned chart drawn again from its stored parameters: the account's daily series over its whole
 * history (so cumulative coverage means the same as on the account page), cut to the pinned window.
 * Rollups of past days only change if late events for them are ingested.
 */
export async function getPinnedChart(caseId: string, pinId: bigint): Promise<PinnedChart> {
  const pin = await prisma.casePin.findFirst({
    where: { id: pinId, case_id: caseId, kind: 'chart', removed_at: null },
  });
  if (!pin) throw new NotFoundError('Pinned chart not found');
  const params = ZChartParams.parse(pin.chart);
  return { params, points: await chartPoints(params) };
}

export async function chartPoints(
  p: TChartParams,
): Promise<{ key: string; value: number | null }[]> {
  const s = await getSeries([p.account_id], 'account', 0);
  const field: ChartSeries = p.series;
  return s.points
    .filter((pt) => pt.key >= p.from && pt.key <= p.to)
    .map((pt) => ({ key: pt.key, value: pt[field] }));
}
