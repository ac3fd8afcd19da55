/**
 * Journey: a big log. The events table stays virtualized (a bounded number of DOM rows however
 * far the user scrolls) and loads further pages with the cursor as the user reaches the end.
 */
import { expect, test } from '@playwright/test';
import { openView } from './views';

const LINES = 5_000;
/** The performance guide's ceiling for mounted table rows. */
const MAX_DOM_ROWS = 100;

function bigJsonLines(): Buffer {
  const start = Date.UTC(2024, 4, 1, 2, 0, 0);
  const levels = ['info', 'debug', 'warn', 'error'];
  const lines: string[] = [];
  for (let i = 0; i < LINES; i++) {
    const level = levels[i % levels.length] ?? 'info';
    lines.push(JSON.stringify({ ts: new Date(start + i * 10).toISOString(), level, service: 'checkout', request_id: `req-${i % 50}`, msg: `event ${i}` }));
  }
  return Buffer.from(lines.join('\n') + '\n');
}

test('a large source scrolls to its end with a bounded number of rows', async ({ page }) => {
  await page.goto('/');
  const name = `big log ${Date.now()}`;
  await page.getByLabel('Incident name').fill(name);
  await page.getByRole('button', { name: 'Create incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  await page.getByLabel('Evidence files').setInputFiles({ name: 'big.jsonl', mimeType: 'application/x-ndjson', buffer: bigJsonLines() });
  await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name: 'big.jsonl' })).toContainText('Done: 5,000 events');

  await openView(page, 'Events');
  const grid = page.getByRole('grid', { name: 'Events' });
  const rows = grid.getByRole('row');
  const footer = page.getByRole('status').filter({ hasText: 'events loaded' });
  await expect(grid.getByRole('row', { name: /event 0\b/ })).toBeVisible();
  await expect(footer).toContainText('more as you scroll');
  expect(await rows.count()).toBeLessThanOrEqual(MAX_DOM_ROWS);

  // End selects the last loaded row; reaching it fetches the next page. Repeat until all are in.
  await grid.focus();
  for (let attempt = 0; attempt < 3 * (LINES / 200); attempt++) {
    const before = (await footer.textContent()) ?? '';
    if (!before.includes('more as you scroll')) break;
    await grid.press('End');
    await expect(footer).not.toHaveText(before);
  }
  await expect(footer).toHaveText(`${LINES.toLocaleString('en-US')} events loaded`);
  await grid.press('End');
  await expect(grid.getByRole('row', { selected: true })).toContainText(`event ${LINES - 1}`);
  expect(await rows.count()).toBeLessThanOrEqual(MAX_DOM_ROWS);

  // Level filter through the URL-backed multi-select: error alone, then error and warn.
  await page.getByRole('button', { name: /^Level/ }).click();
  const levels = page.getByRole('group', { name: 'Level' });
  await levels.getByRole('checkbox', { name: 'error' }).check();
  await expect(page).toHaveURL(/level=error/);
  await expect(grid.getByRole('row', { name: /event 3\b/ })).toBeVisible();
  await expect(grid.getByRole('row', { name: /event 0\b/ })).toHaveCount(0);
  await expect(grid.getByRole('row', { name: /event 2\b/ })).toHaveCount(0);
  await levels.getByRole('checkbox', { name: 'warn' }).check();
  await expect(page).toHaveURL(/level=error&level=warn/);
  await expect(grid.getByRole('row', { name: /event 2\b/ })).toBeVisible();
  await expect(grid.getByRole('row', { name: /event 3\b/ })).toBeVisible();
  await expect(grid.getByRole('row', { name: /event 0\b/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Level/ })).toContainText('error, warn');
});
