import { z } from 'zod';

// One vocabulary for cases, shared by routes, domain code and forms (issue #10).
export const CASE_STATUSES = [
  'new',
  'triage',
  'investigating',
  'pending_legal',
  'actioned',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CASE_STATUS_LABEL: Record<CaseStatus, string> = {
  new: 'New',
  triage: 'Triage',
  investigating: 'Investigating',
  pending_legal: 'Pending legal',
  actioned: 'Actioned',
  closed: 'Closed',
};

/**
 * The workflow: forward along new → triage → investigating → pending legal → actioned → closed,
 * with the steps back a real investigation needs (legal sends it back, a closed case reopens).
 * A case may close early from triage on (a false positive needs no legal review).
 */
export const CASE_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  new: ['triage'],
  triage: ['investigating', 'closed'],
  investigating: ['pending_legal', 'actioned', 'closed'],
  pending_legal: ['investigating', 'actioned', 'closed'],
  actioned: ['investigating', 'closed'],
  closed: ['investigating'],
};

export const CASE_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type CaseSeverity = (typeof CASE_SEVERITIES)[number];

export const CASE_OUTCOMES = [
  'no_violation',
  'warned',
  'throttled',
  'suspended',
  'referred',
] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

export const CASE_OUTCOME_LABEL: Record<CaseOutcome, string> = {
  no_violation: 'No violation',
  warned: 'Warned',
  throttled: 'Throttled',
  suspended: 'Suspended',
  referred: 'Referred',
};

/** The disposition label detection learns from: any action taken means the analyst saw abuse. */
export function labelOfOutcome(o: CaseOutcome): 'abuse' | 'not_abuse' {
  return o === 'no_violation' ? 'not_abuse' : 'abuse';
}

export const DISPOSITION_LABELS = ['abuse', 'not_abuse'] as const;
export type DispositionLabel = (typeof DISPOSITION_LABELS)[number];

export const ZCaseId = z.object({ id: z.string().uuid('must be a case id') });

export const ZTag = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, 'is required')
  .max(40)
  .regex(/^[\p{L}\p{N} _.:-]+$/u, 'letters, digits, space, _ . : - only');
