/**
 * Journey: a big log is dropped in; before its ingest ends, the page shows the evidence so far:
 * the overview of events over time and the first events in the table, while it says the
 * evidence is still being ingested. Then the analysis takes over (the timeline opens).
 *
 * 600,000 lines (about 66 MB) take about 8 s to ingest here, far longer than the page
 * needs to show the first batch (committed alone, a second at most after the bytes arrive).
 */
import { writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';

const LINES = 600_000;
const START = Date.UTC(2026, 10, 20, 10, 0, 0);

function bigLog(): string {
  const lines: string[] = [];
  for (let i = 0; i < LINES; i++) {
    lines.push(JSON.stringify({ ts: new Date(START + i * 10).toISOString(), level: i % 500 === 0 ? 'error' : 'info', service: 'cart', request_id: `req-${Math.floor(i / 10)}`, msg: `step ${i}` }));
  }
  return lines.join('\n') + '\n';
}

test('the first events and the overview show while a big upload is still ingesting', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/');
  const name = `first view ${Date.now()}`;
  await page.getByLabel('Incident name').fill(name);
  await page.getByRole('button', { name: 'Create incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();

  // Over Playwright's 50 MB limit for an in-memory file: written to the test's output folder.
  const file = test.info().outputPath('big.jsonl');
  writeFileSync(file, bigLog());
  await page.getByLabel('Evidence files').setInputFiles(file);

  // While it ingests: the message, the overview and the first event, all at once.
  const waiting = page.getByText('Ingesting the evidence…');
  await expect(waiting).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('evidence-overview')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'step 0' }).first()).toBeVisible();
  await expect(waiting).toBeVisible();
  await expect(page.getByTestId('evidence-overview')).toHaveAttribute('aria-label', /still ingesting/);
  // The headline does not claim "no divergence found" about evidence that is not in yet.
  await expect(page.getByText('No divergence yet: evidence is still being ingested')).toBeVisible();
  await test.info().attach('first view while ingesting', { body: await page.screenshot(), contentType: 'image/png' });

  // Once ingested and analyzed, the timeline takes over with every event.
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible({ timeout: 120_000 });
  await expect(waiting).toBeHidden();
});
