import type { SlaState } from '@/lib/schemas/queue';

// SLA per queue item. Two clocks start when the item is created: time to first action (claim,
// reassign, snooze or decision, whichever comes first) and time to decision (the item resolved).
// A clock is breached once its used time is strictly over the allowance (a clock stopped late
// stays breached); a running clock is at risk from AT_RISK_SHARE of its allowance on. The item's
// state is the worst of its two clocks. Snoozing does not pause the clocks.
export const AT_RISK_SHARE = 0.75;

export interface SlaPolicy {
  firstActionMinutes: number;
  decisionMinutes: number;
}
export interface SlaClockInput {
  created_at: Date;
  first_action_at: Date | null;
  decided_at: Date | null;
}

function clock(start: Date, stop: Date | null, minutes: number, now: Date): SlaState {
  const allowed = minutes * 60_000;
  const used = (stop ?? now).getTime() - start.getTime();
  if (used > allowed) return 'breached';
  if (!stop && used >= AT_RISK_SHARE * allowed) return 'at_risk';
  return 'on_time';
}

const RANK: Record<SlaState, number> = { on_time: 0, at_risk: 1, breached: 2 };

export function slaState(item: SlaClockInput, policy: SlaPolicy, now = new Date()): SlaState {
  const a = clock(item.created_at, item.first_action_at, policy.firstActionMinutes, now);
  const b = clock(item.created_at, item.decided_at, policy.decisionMinutes, now);
  return RANK[a] >= RANK[b] ? a : b;
}

/** The next deadline of a running clock (first action before decision), or null when decided. */
export function slaDue(item: SlaClockInput, policy: SlaPolicy): Date | null {
  if (item.decided_at) return null;
  const min = item.first_action_at ? policy.decisionMinutes : policy.firstActionMinutes;
  return new Date(item.created_at.getTime() + min * 60_000);
}

/**
 * The same rule in SQL, for sorting and filtering in the database. `i` is queue_items, `q` its
 * queue, `now` a timestamptz expression (a parameter, so tests can pin the clock).
 */
export function slaStateSql(now: string, i = 'i', q = 'q'): string {
  const fa = `make_interval(mins => ${q}.sla_first_action_minutes)`;
  const dec = `make_interval(mins => ${q}.sla_decision_minutes)`;
  const risk = (m: string) => `make_interval(secs => ${q}.${m} * 60 * ${AT_RISK_SHARE})`;
  return `CASE
    WHEN coalesce(${i}.first_action_at, ${now}) - ${i}.created_at > ${fa}
      OR coalesce(${i}.decided_at, ${now}) - ${i}.created_at > ${dec} THEN 'breached'
    WHEN (${i}.first_action_at IS NULL AND ${now} - ${i}.created_at >= ${risk('sla_first_action_minutes')})
      OR (${i}.decided_at IS NULL AND ${now} - ${i}.created_at >= ${risk('sla_decision_minutes')}) THEN 'at_risk'
    ELSE 'on_time' END`;
}

export function slaDueSql(i = 'i', q = 'q'): string {
  return `CASE WHEN ${i}.decided_at IS NOT NULL THEN NULL
    WHEN ${i}.first_action_at IS NULL THEN ${i}.created_at + make_interval(mins => ${q}.sla_first_action_minutes)
    ELSE ${i}.created_at + make_interval(mins => ${q}.sla_decision_minutes) END`;
}
