import { describe, expect, it } from 'vitest';
import { narrowToDay, summariseAlarms } from './first-alarm';

describe('narrowToDay', () => {
  const alarmFrom = (day: string) => {
    const asked: string[] = [];
    const f = async (d: string) => {
      asked.push(d);
      return d >= day;
    };
    return { f, asked };
  };
  it('finds the first day cut-off with an alarm inside a coarse interval', async () => {
    const { f, asked } = alarmFrom('2026-10-05');
    expect(await narrowToDay('2026-09-27', '2026-10-11', f)).toBe('2026-10-05');
    // 14 days apart: about log2(14) replays, not 13
    expect(asked.length).toBeLessThanOrEqual(4);
  });
  it('returns hi when the alarm comes on its very day', async () => {
    const { f } = alarmFrom('2026-10-11');
    expect(await narrowToDay('2026-09-27', '2026-10-11', f)).toBe('2026-10-11');
  });
  it('asks nothing for adjacent days', async () => {
    const { f, asked } = alarmFrom('2026-09-01');
    expect(await narrowToDay('2026-10-10', '2026-10-11', f)).toBe('2026-10-11');
    expect(asked).toEqual([]);
  });
});

describe('summariseAlarms', () => {
  const row = (family: string, before: number | null, beforeAny: number | null) => ({
    family,
    campaign: `${family}-${before}`,
    total: 1000,
    before,
    beforeAny,
  });
  it('shows the first alarm of any kind beside the first account flag when it comes earlier', () => {
    const m = summariseAlarms([
      row('lowslow', 140, 30),
      row('sweep', 20, 20),
      row('adaptive', null, null),
      row('hydra', null, 40),
    ]);
    expect(m.get('lowslow')).toBe('140 (14%) / 30 (3%)');
    expect(m.get('sweep')).toBe('20 (2%)');
    expect(m.get('adaptive')).toBe('never');
    expect(m.get('hydra')).toBe('never / 40 (4%)');
  });
});
