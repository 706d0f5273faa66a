import { InvalidTransitionError } from '@/lib/errors';
import { CASE_STATUS_LABEL, CASE_TRANSITIONS, type CaseStatus } from '@/lib/schemas/case';

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return CASE_TRANSITIONS[from] ?? [];
}

/** Throws InvalidTransitionError (422) naming the statuses reachable from `from`. */
export function assertTransition(from: CaseStatus, to: CaseStatus): void {
  const allowed = allowedTransitions(from);
  if (allowed.includes(to)) return;
  const names = allowed.map((s) => CASE_STATUS_LABEL[s]).join(', ') || 'none';
  throw new InvalidTransitionError(
    `A case cannot go from ${CASE_STATUS_LABEL[from]} to ${CASE_STATUS_LABEL[to] ?? to}; allowed: ${names}`,
    allowed,
  );
}
