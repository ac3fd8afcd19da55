/**
 * Security: evidence is data, never markup. Log lines whose messages, fields and raw text carry
 * script and HTML payloads are shown as the literal text in every view that renders them (the
 * events table and its detail, the timeline's event detail, the request view), and none of the
 * payloads runs.
 */
import { expect, test } from '@playwright/test';
import { openView } from './views';

const PAYLOADS = [
  '<script>window.__xss = "script"</script>',
  '<img src=x onerror="window.__xss = \'img\'">',
  '<svg onload="window.__xss = \'svg\'"></svg>',
  '"><iframe src="javascript:window.__xss=\'iframe\'"></iframe>',
];

function hostileLog(): Buffer {
  const start = Date.UTC(2026, 10, 20, 10, 0, 0);
  const lines = PAYLOADS.map((payload, i) =>
    JSON.stringify({ ts: new Date(start + i * 100).toISOString(), level: 'error', service: 'edge<b>', request_id: 'req-xss', msg: payload, note: payload }),
  );
  return Buffer.from(`${lines.join('\n')}\nnot json at all ${PAYLOADS[0]}\n`);
}

test('script and HTML in evidence render as text and never run', async ({ page }) => {
  await page.goto('/');
  const name = `hostile evidence ${Date.now()}`;
  await page.getByLabel('Incident name').fill(name);
  await page.getByRole('button', { name: 'Create incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByLabel('Evidence files').setInputFiles({ name: 'hostile.jsonl', mimeType: 'application/x-ndjson', buffer: hostileLog() });
  await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name: 'hostile.jsonl' })).toContainText('Done');

  // The events table and the detail of each row: the payloads as literal text.
  await openView(page, 'Events');
  const grid = page.getByRole('grid', { name: 'Events' });
  for (const payload of PAYLOADS) await expect(grid.getByText(payload, { exact: true })).toBeVisible();
  await grid.getByRole('row').filter({ hasText: PAYLOADS[1]! }).click();
  const detail = page.getByRole('region', { name: 'Event detail' });
  await expect(detail.getByText(PAYLOADS[1]!, { exact: false }).first()).toBeVisible();

  // The request view and the investigation's event detail panel.
  // (In the events view `/` is the events' own search; the jump box takes an id from anywhere.)
  const jump = page.getByRole('searchbox', { name: 'Jump to a request id, an entity or text' });
  await jump.fill('req-xss');
  await jump.press('Enter');
  await expect(page).toHaveURL(/view=request/);
  const events = page.getByRole('table', { name: /^Events of request/ });
  await expect(events.getByText(PAYLOADS[2]!, { exact: true })).toBeVisible();
  await events.getByRole('row').filter({ hasText: PAYLOADS[3]! }).getByRole('button').first().click();
  const panel = page.getByRole('complementary', { name: /^Event #\d+/ });
  // The raw line is the JSON as written (its quotes escaped): the tags are there, as text.
  await expect(panel.getByLabel('Raw text')).toContainText('<iframe src=');
  await expect(panel.getByLabel('Raw text')).toContainText('</iframe>');

  // Nothing ran, and no element came from the payloads.
  expect(await page.evaluate(() => (window as unknown as { __xss?: string }).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"], iframe[src^="javascript"], svg[onload]').count()).toBe(0);
});
