import { test, expect } from './fixtures';
import { USERS, storageFor } from './users';
import { claimNextViaUi, createQueueViaUi, openCaseFromItemViaUi } from './helpers/queues';
import { expectAxeClean, expectNothingClipped } from './helpers/screen';

test.describe('review queues', () => {
  test.use({ role: 'admin' });

  test('an admin creates a queue, an analyst claims from it, legal and non-members cannot', async ({
    page,
    browser,
    consoleErrors,
  }) => {
    test.setTimeout(180_000); // one long flow across three roles, on a shared machine
    const name = `E2E queue ${Date.now().toString(36)}`;
    const queueId = await createQueueViaUi(page, { name, memberEmails: [USERS.analyst.email] });
    await expectAxeClean(page);
    await expectNothingClipped(page);

    // The analyst claims the oldest item of the new queue; it shows as theirs.
    const analyst = await browser.newContext({ storageState: storageFor('analyst') });
    const ap = await analyst.newPage();
    const claimed = await claimNextViaUi(ap, queueId);
    await expect(ap.getByTestId(`queue-row-${name}`)).toBeVisible();
    await ap.goto(`/queues?queue=${queueId}&state=mine`);
    await expect(ap.getByTestId(`item-${claimed.id}`)).toContainText(USERS.analyst.email);
    await expectAxeClean(ap);
    await expectNothingClipped(ap);
    // Two claims never return the same item.
    const second = await claimNextViaUi(ap, queueId);
    expect(second.id).not.toBe(claimed.id);
    // Opening a case from the item decides it: it leaves "claimed by me".
    const caseId = await openCaseFromItemViaUi(ap, queueId, second.id, `E2E case ${second.id}`);
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/);
    await ap.goto(`/queues?queue=${queueId}&state=done`);
    await expect(ap.getByTestId(`item-${second.id}`)).toContainText('case_opened');

    // The admin is not a member of this queue: claiming from it is 404.
    const res = await page.request.post('/api/v1/queues/claim', { data: { queueId } });
    expect(res.status()).toBe(404);

    // Legal may not work queues at all: 403 on the API, 404 on the page.
    const legal = await browser.newContext({ storageState: storageFor('legal') });
    const lp = await legal.newPage();
    expect((await lp.request.post('/api/v1/queues/claim', { data: {} })).status()).toBe(403);
    expect((await lp.goto('/queues'))?.status()).toBe(404);

    // Unknown item ids are 404; bad bodies name the field.
    expect((await ap.request.get('/api/v1/queues/items/999999999')).status()).toBe(404);
    const bad = await ap.request.post('/api/v1/queues/claim', { data: { queue: 1 } });
    expect(bad.status()).toBe(400);

    // The Overview shows the queue's depth; admins also get the team metrics.
    await page.goto('/');
    await expect(page.getByTestId('queue-health')).toContainText(name);
    await expect(page.getByTestId('team-metrics')).toBeVisible();
    await expectAxeClean(page);
    // Only the queue panels: the Overview's other panels belong to other features.
    await expectNothingClipped(page, '[data-testid="queue-health"], [data-testid="team-metrics"]');
    await analyst.close();
    await legal.close();
    expect(consoleErrors).toEqual([]);
  });
});
