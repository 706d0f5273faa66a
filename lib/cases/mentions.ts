import type { Tx } from '@/lib/db/client';
import { can, canViewCase } from '@/lib/auth/permissions';
import type { LockedCase } from './lock';

// @mentions in a note: `@ann` (the local part of a user's email, when only one active user has
// it) or `@ann@example.com` (the full address). A mention resolves to a user only if that user
// can open the case: on a restricted case, its assignee, its watchers, legal and admins.

const MENTION =
  /(^|[^A-Za-z0-9_.%+\-@`])@([A-Za-z0-9._%+-]+(?:@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)?)/g;

/** The distinct mention tokens of a Markdown text, lower-cased, without a trailing dot. */
export function parseMentions(markdown: string): string[] {
  const out = new Set<string>();
  // Code is quoted text, not an address: drop fenced blocks and inline code spans first.
  const text = markdown.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`\n]*`/g, ' ');
  for (const m of text.matchAll(MENTION)) {
    const token = m[2]!.replace(/\.+$/, '').toLowerCase();
    if (token) out.add(token);
  }
  return [...out];
}

export interface MentionResult {
  /** Users the note mentions who can see the case (the author excluded). */
  user_ids: string[];
  /** Mentions that name nobody, or someone who cannot see the case, with why. */
  ignored: { mention: string; reason: string }[];
}

export async function resolveMentions(
  tx: Tx,
  c: LockedCase,
  authorId: string,
  tokens: string[],
): Promise<MentionResult> {
  const result: MentionResult = { user_ids: [], ignored: [] };
  if (tokens.length === 0) return result;
  const users = await tx.user.findMany({
    where: {
      disabled: false,
      OR: tokens.map((t) =>
        t.includes('@')
          ? { email: { equals: t, mode: 'insensitive' as const } }
          : { email: { startsWith: `${t}@`, mode: 'insensitive' as const } },
      ),
    },
    select: { id: true, email: true, role: true },
  });
  for (const token of tokens) {
    const hits = users.filter((u) =>
      token.includes('@')
        ? u.email.toLowerCase() === token
        : u.email.toLowerCase().startsWith(`${token}@`),
    );
    const who = `@${token}`;
    if (hits.length === 0) {
      result.ignored.push({ mention: who, reason: 'no active user has this address' });
      continue;
    }
    if (hits.length > 1) {
      result.ignored.push({ mention: who, reason: 'several users match: write the full address' });
      continue;
    }
    const u = hits[0]!;
    if (!can(u, 'cases:view') || !canViewCase(u, c)) {
      result.ignored.push({ mention: who, reason: 'cannot see this restricted case' });
      continue;
    }
    if (u.id !== authorId && !result.user_ids.includes(u.id)) result.user_ids.push(u.id);
  }
  return result;
}
