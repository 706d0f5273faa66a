import { Badge, type BadgeTone } from '@/components/ui/badge';
import { CASE_STATUS_LABEL, type CaseSeverity, type CaseStatus } from '@/lib/schemas/case';

const STATUS_TONE: Record<CaseStatus, BadgeTone> = {
  new: 'info',
  triage: 'info',
  investigating: 'warning',
  pending_legal: 'warning',
  actioned: 'success',
  closed: 'neutral',
};
const SEVERITY_TONE: Record<CaseSeverity, BadgeTone> = {
  low: 'neutral',
  medium: 'info',
  high: 'warning',
  critical: 'danger',
};

export function StatusBadge({ status }: { status: CaseStatus }) {
  return <Badge tone={STATUS_TONE[status]}>{CASE_STATUS_LABEL[status]}</Badge>;
}

export function SeverityBadge({ severity }: { severity: CaseSeverity }) {
  return <Badge tone={SEVERITY_TONE[severity]}>{severity}</Badge>;
}
