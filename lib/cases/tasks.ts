import type { Tx } from '@/lib/db/client';
import type { AuditFn } from '@/lib/audit/write';
import type { SessionUser } from '@/lib/auth/permissions';
import { NotFoundError } from '@/lib/errors';
import { lockCase, touchCase } from './lock';

// Tasks are a checklist beside the case: ticking one does not conflict with an edit of the case's
// fields, so tasks carry no version (the case row is still locked while they change).

export async function addTask(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  title: string,
): Promise<{ id: string }> {
  const c = await lockCase(tx, user, caseId);
  const last = await tx.caseTask.aggregate({ where: { case_id: c.id }, _max: { position: true } });
  const t = await tx.caseTask.create({
    data: { case_id: c.id, title, position: (last._max.position ?? -1) + 1, created_by: user.id },
  });
  await touchCase(tx, c);
  await audit({
    action: 'case.task_add',
    targetType: 'case',
    targetId: c.id,
    after: { task_id: t.id.toString(), title },
  });
  return { id: t.id.toString() };
}

export async function updateTask(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  taskId: bigint,
  input: { done?: boolean; title?: string },
): Promise<void> {
  const c = await lockCase(tx, user, caseId);
  const t = await tx.caseTask.findFirst({ where: { id: taskId, case_id: c.id } });
  if (!t) throw new NotFoundError('Task not found');
  const done = input.done ?? t.done;
  await tx.caseTask.update({
    where: { id: t.id },
    data: {
      title: input.title ?? t.title,
      done,
      done_by: done ? (t.done ? t.done_by : user.id) : null,
      done_at: done ? (t.done ? t.done_at : new Date()) : null,
    },
  });
  await touchCase(tx, c);
  await audit({
    action: 'case.task_update',
    targetType: 'case',
    targetId: c.id,
    before: { task_id: t.id.toString(), title: t.title, done: t.done },
    after: { task_id: t.id.toString(), title: input.title ?? t.title, done },
  });
}

export async function removeTask(
  tx: Tx,
  audit: AuditFn,
  user: SessionUser,
  caseId: string,
  taskId: bigint,
): Promise<void> {
  const c = await lockCase(tx, user, caseId);
  const t = await tx.caseTask.findFirst({ where: { id: taskId, case_id: c.id } });
  if (!t) throw new NotFoundError('Task not found');
  await tx.caseTask.delete({ where: { id: t.id } });
  await touchCase(tx, c);
  await audit({
    action: 'case.task_remove',
    targetType: 'case',
    targetId: c.id,
    before: { task_id: t.id.toString(), title: t.title, done: t.done },
  });
}
