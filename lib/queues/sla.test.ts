import { describe, expect, it } from 'vitest';
import { slaDue, slaState } from './sla';

const policy = { firstActionMinutes: 60, decisionMinutes: 240 };
const t0 = new Date('2026-11-01T00:00:00Z');
const at = (min: number) => new Date(t0.getTime() + min * 60_000);
const item = (first: number | null = null, decided: number | null = null) => ({
  created_at: t0,
  first_action_at: first === null ? null : at(first),
  decided_at: decided === null ? null : at(decided),
});

describe('slaState', () => {
  it('is on time just before 75 % of the first-action allowance', () => {
    expect(slaState(item(), policy, new Date(at(45).getTime() - 1))).toBe('on_time');
  });
  it('is at risk at exactly 75 % and at exactly 100 % of the allowance', () => {
    expect(slaState(item(), policy, at(45))).toBe('at_risk');
    expect(slaState(item(), policy, at(60))).toBe('at_risk');
  });
  it('is breached one millisecond over the allowance', () => {
    expect(slaState(item(), policy, new Date(at(60).getTime() + 1))).toBe('breached');
  });
  it('a first action in time stops that clock; the decision clock then decides', () => {
    expect(slaState(item(10), policy, at(100))).toBe('on_time');
    expect(slaState(item(10), policy, at(180))).toBe('at_risk');
    expect(slaState(item(10), policy, at(241))).toBe('breached');
  });
  it('a late first action stays breached even after the decision', () => {
    expect(slaState(item(61, 70), policy, at(1000))).toBe('breached');
  });
  it('a decided item that met both clocks is on time forever', () => {
    expect(slaState(item(5, 200), policy, at(100_000))).toBe('on_time');
  });
  it('due is the running clock deadline', () => {
    expect(slaDue(item(), policy)).toEqual(at(60));
    expect(slaDue(item(5), policy)).toEqual(at(240));
    expect(slaDue(item(5, 6), policy)).toBeNull();
  });
});
