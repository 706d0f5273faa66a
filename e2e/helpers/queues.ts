import { expect, type Page } from '@playwright/test';

// Reusable steps for flows that start at a review queue (the cases spec continues from here).

export interface QueueSpec {
  name: string;
  memberEmails: string[];
  priority?: number;
  /** Which subjects; both when omitted. */
  kinds?: ('account' | 'cluster')[];
}

/** As an admin: Admin → Queues → New queue; returns the queue id (from the API). */
export async function createQueueViaUi(page: Page, q: QueueSpec): Promise<string> {
  await page.goto('/admin/queues');
  await page.getByRole('button', { name: 'New queue' }).click();
  const form = page.getByRole('form', { name: 'Create queue' });
  await form.getByLabel('Name').fill(q.name);
  await form.getByLabel('Description').fill(`Created by an end-to-end test`);
  await form.getByLabel('Priority (lower first)').fill(String(q.priority ?? 1));
  await form.getByLabel('First action within (min)').fill('60');
  await form.getByLabel('Decision within (min)').fill('1440');
  for (const kind of ['account', 'cluster'] as const)
    await form
      .getByLabel(`${kind}s`, { exact: true })
      .setChecked(!q.kinds || q.kinds.includes(kind));
  for (const email of q.memberEmails) await form.getByLabel(email, { exact: true }).check();
  await form.getByRole('button', { name: 'Create queue' }).click();
  await expect(page.getByTestId(`admin-queue-${q.name}`)).toBeVisible();
  const res = await page.request.get('/api/v1/admin/queues');
  const { queues } = (await res.json()) as { queues: { id: string; name: string }[] };
  const id = queues.find((x) => x.name === q.name)?.id;
  expect(id, `queue ${q.name} exists`).toBeTruthy();
  return id!;
}

/** As a member: Queues → Claim next (optionally in one queue); returns the claimed subject. */
export async function claimNextViaUi(
  page: Page,
  queueId?: string,
): Promise<{ kind: string; id: string }> {
  await page.goto(queueId ? `/queues?queue=${queueId}` : '/queues');
  await page.getByRole('button', { name: 'Claim next' }).click();
  const status = page.getByRole('status').filter({ hasText: 'Claimed' });
  await expect(status).toBeVisible();
  const text = (await status.textContent()) ?? '';
  const m = text.match(/Claimed (account|cluster)\s+(\S+)/);
  expect(m, `claim answer: ${text}`).toBeTruthy();
  return { kind: m![1]!, id: m![2]! };
}

/** As the holder of a claimed item: "Open case" on its row; returns the new case's id. */
export async function openCaseFromItemViaUi(
  page: Page,
  queueId: string,
  subjectId: string,
  title: string,
): Promise<string> {
  await page.goto(`/queues?queue=${queueId}&state=mine`);
  page.once('dialog', (d) => void d.accept(title));
  await page.getByTestId(`item-${subjectId}`).getByRole('button', { name: 'Open case' }).click();
  const status = page.getByRole('status').filter({ hasText: 'opened; the item is decided' });
  await expect(status).toBeVisible();
  const href = await status.getByRole('link').getAttribute('href');
  return href!.split('/').pop()!;
}
