import type { Permission } from '@/lib/auth/permissions';

export interface NavItem {
  href: string;
  label: string;
  permission: Permission;
}

// The sidebar shows an entry only to roles holding its permission; the pages check again.
export const NAV: NavItem[] = [
  { href: '/', label: 'Overview', permission: 'overview:view' },
  { href: '/queues', label: 'Queues', permission: 'queues:work' },
  { href: '/accounts', label: 'Accounts', permission: 'accounts:view' },
  { href: '/clusters', label: 'Clusters', permission: 'clusters:view' },
  { href: '/cases', label: 'Cases', permission: 'cases:view' },
  { href: '/exports', label: 'Exports', permission: 'evidence:export' },
  { href: '/evidence/verify', label: 'Verify', permission: 'evidence:verify' },
  { href: '/audit', label: 'Audit', permission: 'audit:view' },
  { href: '/admin', label: 'Admin', permission: 'settings:manage' },
];
