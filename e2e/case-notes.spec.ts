import { test, expect } from './fixtures';
import { expectAxeClean, expectNothingClipped } from './helpers/screen';
import { storageFor } from './users';

// Issue #10, the cases flow continued: an admin keeps a ToS clause; an analyst writes a note on a
// case that mentions legal (with a script that must stay inert); legal sees it in the inbox (the
// unread count in the header), opens the case from there and links the clause; the timeline shows
// the note and the clause link. Each screen: axe, nothing clipped at 1440×900.

test.describe('notes, mentions, inbox and ToS clauses', () => {
  test.use({ role: 'analyst', viewport: { width: 1440, height: 900 } });

  test('mention legal in a note, legal reads the inbox and links a clause', async ({
    page,
    browser,
    consoleErrors,
  }) => {
    test.setTimeout(240_000);
    const stamp = Date.now();
    const code = `e2e-${stamp}`;

    // The admin adds a clause whose first version has been in force since 2020.
    const admin = await browser.newContext({
      storageState: storageFor('admin'),
      viewport: { width: 1440, height: 900 },
    });
    const ap = await admin.newPage();
    await ap.goto('/admin/clauses');
    const form = ap.getByRole('form', { name: 'New clause' });
    await form.getByLabel('Code').fill(code);
    await form.getByLabel('Title').fill('No model distillation');
    await form.getByLabel('Version').fill('2020-01');
    await form.getByLabel('In force from (UTC)').fill('2020-01-01T00:00');
    await form.getByLabel('Clause text').fill('Outputs may not be used to train competing models.');
    await form.getByRole('button', { name: 'Create clause' }).click();
    const card = ap.getByRole('region', { name: `${code} No model distillation` });
    await expect(card).toContainText('Version 2020-01');
    await expect(card).toContainText('in force');
    await expectAxeClean(ap);
    await expectNothingClipped(ap);

    // The analyst opens a case on an account and writes a note mentioning legal.
    const accounts = (await (await page.request.get('/api/v1/accounts?size=5')).json()) as {
      rows: { account_id: string }[];
    };
    const account = accounts.rows[0]!.account_id;
    const made = await page.request.post('/api/v1/cases', {
      data: { title: `notes e2e ${stamp}`, source: { kind: 'account', account_id: account } },
    });
    expect(made.status()).toBe(200);
    const { case: c } = (await made.json()) as { case: { id: string; number: number } };
    await page.goto(`/cases/${c.id}`);
    const notes = page.getByRole('region', { name: 'Notes' });
    await notes
      .getByLabel('Mention someone')
      .selectOption({ label: 'Lee Legal (legal@distill.test)' });
    await expect(notes.getByLabel('New note')).toHaveValue('@legal ');
    await notes
      .getByLabel('New note')
      .fill(
        '@legal please review **this** <script>window.__pwned = 1</script> [x](javascript:alert(1))',
      );
    await notes.getByRole('button', { name: 'Add note' }).click();
    const list = notes.getByRole('list', { name: 'Notes' });
    await expect(list.locator('strong', { hasText: 'this' })).toBeVisible();
    await expect(list).toContainText('<script>window.__pwned = 1</script>'); // text, not code
    await expect(list.locator('script')).toHaveCount(0);
    await expect(list.locator('a[href^="javascript"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(list).toContainText('Mentioned: ');
    const timeline = page.getByRole('list', { name: 'Activity timeline' });
    await expect(timeline.getByText('Note added', { exact: true })).toBeVisible();

    // Legal sees the mention: the unread count in the header, then the inbox.
    const legal = await browser.newContext({
      storageState: storageFor('legal'),
      viewport: { width: 1440, height: 900 },
    });
    const lp = await legal.newPage();
    await lp.goto('/');
    await expect(lp.getByTestId('inbox-unread')).toHaveText(/^[1-9]\d*$/);
    await lp.getByRole('link', { name: /^Inbox, \d+ unread$/ }).click();
    await expect(lp).toHaveURL(/\/inbox$/);
    const entry = lp
      .getByRole('list', { name: 'Inbox' })
      .getByRole('link', { name: new RegExp(`mentioned you on case #${c.number} `) });
    await expect(entry).toBeVisible();
    await expectAxeClean(lp);
    await expectNothingClipped(lp);
    // Following the entry marks it read (the link's click sends the mark), so the header count
    // goes once the mark lands.
    const unread = Number(await lp.getByTestId('inbox-unread').textContent());
    const expectUnread = (n: number) =>
      n === 0
        ? expect(lp.getByTestId('inbox-unread')).toHaveCount(0)
        : expect(lp.getByTestId('inbox-unread')).toHaveText(String(n));
    await entry.click();
    await expect(lp).toHaveURL(new RegExp(`/cases/${c.id}$`));
    await expectUnread(unread - 1);

    // Legal links the clause: the server picks the version in force at the account's conduct.
    const clauses = lp.getByRole('region', { name: 'ToS clauses' });
    const link = clauses.getByRole('form', { name: 'Link a clause' });
    await link.getByLabel('Clause').selectOption({ label: `${code} No model distillation` });
    await link.getByLabel('Account').selectOption(account);
    await link.getByLabel('Finding').fill('Systematic capability sweep');
    await link.getByRole('button', { name: 'Link clause' }).click();
    const links = clauses.getByRole('list', { name: 'Clause links' });
    await expect(links).toContainText(`${code} No model distillation`);
    await expect(links).toContainText('version 2020-01 (in force from 2020-01-01)');
    await expect(links).toContainText(/accepted ToS: (not recorded|\S+)/);
    await expect(links).toContainText('Systematic capability sweep');
    const lt = lp.getByRole('list', { name: 'Activity timeline' });
    await expect(lt.getByText('ToS clause linked', { exact: true })).toBeVisible();
    await expect(lt).toContainText(`${code} version 2020-01 for ${account}`);
    await expect(lt.getByText('Note added', { exact: true })).toBeVisible();
    await expectAxeClean(lp);
    await expectNothingClipped(lp);

    // The entry reads as read; marked unread again it counts, and mark all read empties the count.
    // (Mark all read is disabled while nothing is unread: clicking it then would wait forever,
    // which is how this spec once hung to its timeout on a quiet machine.)
    await lp.goto('/inbox');
    const markAll = lp.getByRole('button', { name: 'Mark all read' });
    if (unread === 1) await expect(markAll).toBeDisabled();
    const row = lp
      .getByRole('list', { name: 'Inbox' })
      .getByRole('listitem')
      .filter({ hasText: new RegExp(`mentioned you on case #${c.number} `) });
    await expect(row.getByText('unread', { exact: true })).toHaveCount(0);
    await row.getByRole('button', { name: 'Mark unread' }).click();
    await expectUnread(unread);
    await expect(markAll).toBeEnabled();
    await markAll.click();
    await expect(lp.getByTestId('inbox-unread')).toHaveCount(0);
    await expect(row.getByRole('button', { name: 'Mark unread' })).toBeVisible();
    await expect(lp.getByRole('link', { name: 'Inbox', exact: true })).toBeVisible();

    // The analyst, who holds no cases:legal, gets no clause form.
    await page.reload();
    await expect(page.getByRole('form', { name: 'Link a clause' })).toHaveCount(0);
    await expect(page.getByRole('list', { name: 'Clause links' })).toContainText(code);
    expect(consoleErrors.filter((e) => !e.startsWith('Failed to load resource'))).toEqual([]);
    await Promise.all([admin.close(), legal.close()]);
  });
});
