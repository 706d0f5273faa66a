'use client';
import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { Input } from '@/components/ui/form-controls';
import type { CaseDetail } from '@/lib/queries/case';
import { sendJson, useCaseMutation } from './cases-query';

export function CaseTasks({ c, canWrite }: { c: CaseDetail; canWrite: boolean }) {
  const [title, setTitle] = useState('');
  const add = useCaseMutation(
    c.id,
    (t: string) => sendJson(`/api/v1/cases/${c.id}/tasks`, 'POST', { title: t }),
    () => setTitle(''),
  );
  const tick = useCaseMutation(c.id, (v: { id: string; done: boolean }) =>
    sendJson(`/api/v1/cases/${c.id}/tasks/${v.id}`, 'PATCH', { done: v.done }),
  );
  const done = c.tasks.filter((t) => t.done).length;
  return (
    <Card title="Tasks" description={`${done} of ${c.tasks.length} done`}>
      <ul className="flex flex-col gap-1 text-sm">
        {c.tasks.map((t) => (
          <li key={t.id}>
            <label className="flex items-start gap-2">
              <input
                type="checkbox"
                className="mt-1"
                checked={t.done}
                disabled={!canWrite}
                onChange={(e) => tick.mutate({ id: t.id, done: e.target.checked })}
              />
              <span className={t.done ? 'text-slate-600 line-through' : ''}>{t.title}</span>
            </label>
          </li>
        ))}
      </ul>
      {canWrite && (
        <form
          aria-label="Add a task"
          className="mt-2 flex gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (title.trim()) add.mutate(title.trim());
          }}
        >
          <Input
            aria-label="New task"
            placeholder="New task"
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            controlSize="sm"
          />
          <Button type="submit" size="sm" loading={add.isPending}>
            Add
          </Button>
        </form>
      )}
      {(add.error ?? tick.error) && (
        <Alert className="mt-2">{(add.error ?? tick.error)!.message}</Alert>
      )}
    </Card>
  );
}
