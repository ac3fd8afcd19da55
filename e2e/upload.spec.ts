/**
 * Journey: an on-call engineer creates an incident, drops in evidence (file picker and drag and
 * drop), watches it upload and parse, reads the source summaries (and a failed upload's error),
 * then investigates the events: filters by a request id, opens an event to its raw text and
 * locator, finds an unparsed line.
 * The test seeds its own data through the UI, against a throwaway database (playwright.config.ts).
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { corpusPath } from '../lib/test-support/corpus';
import { openView } from './views';

/** The three withreq.log lines share this req_id. */
const REQUEST_ID = 'cce79d15-ffc2-487c-a4e4-e940bdaac31e';

async function createIncident(page: Page, name: string) {
  await page.goto('/');
  await page.getByLabel('Incident name').fill(name);
  await page.getByRole('button', { name: 'Create incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page).toHaveURL(/\/incidents\/[0-9A-Za-z]+$/);
}

/** The cell of `row` under the column headed `column`, so assertions name the column they check. */
async function cellOf(table: Locator, row: Locator, column: string): Promise<Locator> {
  // innerText follows CSS text-transform (the headers are upper-cased): compare case-insensitively.
  const headers = (await table.getByRole('columnheader').allInnerTexts()).map((h) => h.trim().toLowerCase());
  const index = headers.indexOf(column.toLowerCase());
  expect(index, `a "${column}" column`).toBeGreaterThanOrEqual(0);
  return row.getByRole('cell').nth(index);
}

/** Drops a file the way a browser does: a DataTransfer holding a File, dispatched on the zone. */
async function dropFile(page: Page, name: string, content: string, type: string) {
  const dataTransfer = await page.evaluateHandle(
    ({ name, content, type }) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([content], name, { type }));
      return transfer;
    },
    { name, content, type },
  );
  const zone = page.getByRole('region', { name: 'Drop files here' });
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

test('upload evidence and investigate its events', async ({ page }) => {
  const incidentName = `checkout 500s ${test.info().workerIndex}-${Date.now()}`;
  await createIncident(page, incidentName);

  // Empty incident: the page says where evidence goes.
  await expect(page.getByText('No sources yet')).toBeVisible();
  await openView(page, 'Events');
  await expect(page.getByText('No evidence yet')).toBeVisible();

  // Two files through the picker, in one go.
  await page.getByLabel('Evidence files').setInputFiles([corpusPath('logs/all.log'), corpusPath('logs/withreq.log')]);
  const uploads = page.getByRole('list', { name: 'Uploads' });
  for (const file of ['all.log', 'withreq.log']) {
    const item = uploads.getByRole('listitem', { name: file });
    // The progress element exists from queued to done; its text ends at "Done: N events".
    await expect(item.getByRole('progressbar', { name: file })).toBeVisible();
    await expect(item).toContainText(/Done: \d+ events/);
  }
  await expect(uploads.getByRole('listitem', { name: 'all.log' })).toContainText(/unparsed/);

  // A third file by drag and drop. Its answer is held back until the page has shown the upload
  // in flight: small files otherwise finish before any assertion could see the progress state.
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/incidents/*/sources', async (route) => {
    if (route.request().method() !== 'POST') return route.fallback();
    const response = await route.fetch();
    await held;
    await route.fulfill({ response });
  });
  await dropFile(page, 'chrome.har', readFileSync(corpusPath('har/chrome.har'), 'utf8'), 'application/json');
  const harUpload = uploads.getByRole('listitem', { name: 'chrome.har' });
  await expect(harUpload.getByRole('progressbar', { name: 'chrome.har' })).toBeVisible();
  await expect(harUpload).toContainText(/Uploading|Parsing/);
  release();
  await expect(harUpload).toContainText(/Done: \d+ events/);
  await page.unroute('**/api/incidents/*/sources');

  // Source summaries, one row each: detected format, counts, the unparsed count highlighted, a download link.
  await openView(page, 'Sources');
  const sources = page.getByRole('table', { name: 'Sources' });
  const sourceRow = (name: string) => sources.getByRole('row', { name, exact: true });
  const allLog = sourceRow('all.log');
  await expect(await cellOf(sources, allLog, 'Format')).toHaveText('jsonl');
  await expect(await cellOf(sources, allLog, 'Status')).toHaveText('ready');
  const allLogUnparsed = await cellOf(sources, allLog, 'Unparsed');
  await expect(allLogUnparsed).toHaveText(/^[1-9]\d*$/);
  await expect(allLogUnparsed.getByTitle(/could not be parsed/)).toBeVisible();
  await expect(allLog.getByRole('link', { name: /^Download (stored|original) all\.log$/ })).toHaveAttribute('href', /\/api\/sources\/\w+\/raw$/);
  // Redaction was on (the default): the row says what it found.
  await expect(allLog).toContainText(/\d+ secrets? redacted|no secrets found/);
  const har = sourceRow('chrome.har');
  await expect(await cellOf(sources, har, 'Format')).toHaveText('har');
  await expect(await cellOf(sources, har, 'Status')).toHaveText('ready');
  await expect(await cellOf(sources, sourceRow('withreq.log'), 'Events')).toHaveText('3');
  await expect(await cellOf(sources, sourceRow('withreq.log'), 'Unparsed')).toHaveText('0');

  // Expanding a row (a keyboard-reachable button) fetches its diagnostics: all.log's bad lines.
  const allLogToggle = allLog.getByRole('button', { name: 'all.log' });
  await allLogToggle.focus();
  await page.keyboard.press('Enter');
  await expect(allLogToggle).toHaveAttribute('aria-expanded', 'true');
  await expect(sources.getByRole('list', { name: 'Diagnostics' }).getByRole('listitem').first()).toContainText('line 1');
  await allLogToggle.click();
  await expect(sources.getByRole('list', { name: 'Diagnostics' })).toHaveCount(0);

  // A failed upload (an empty file) says why in its row, and is not offered as a source filter.
  await page.getByLabel('Evidence files').setInputFiles({ name: 'empty.log', mimeType: 'text/plain', buffer: Buffer.alloc(0) });
  // "empty" as the reason, not as part of the file's name.
  const saysEmpty = /\bempty\b(?!\.log)/i;
  await expect(uploads.getByRole('listitem', { name: 'empty.log' })).toContainText(/Failed: /);
  await expect(uploads.getByRole('listitem', { name: 'empty.log' })).toContainText(saysEmpty);
  const emptyLog = sourceRow('empty.log');
  await expect(await cellOf(sources, emptyLog, 'Status')).toHaveText('failed');
  // A failed source's error takes the place of its (absent) time range and services.
  await expect(await cellOf(sources, emptyLog, 'Time range (UTC)')).toHaveText(saysEmpty);
  // The summary's "1 failed" leads to the row (the list may be scrolled); Enter opens the full error.
  await page.getByRole('button', { name: '1 failed' }).click();
  const emptyLogToggle = emptyLog.getByRole('button', { name: 'empty.log' });
  await expect(emptyLogToggle).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(sources.locator('dt:text-is("Error") + dd')).toHaveText(saysEmpty);
  await emptyLogToggle.click();
  await openView(page, 'Events');
  await page.getByRole('button', { name: /^Source\s*:/ }).click();
  const sourceFilter = page.getByRole('group', { name: 'Source' });
  for (const offered of ['all.log', 'withreq.log', 'chrome.har']) {
    await expect(sourceFilter.getByRole('checkbox', { name: offered })).toBeVisible();
  }
  await expect(sourceFilter.getByRole('checkbox', { name: 'empty.log' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(sourceFilter).toBeHidden();

  // The events table lists all three sources' events.
  const grid = page.getByRole('grid', { name: 'Events' });
  await expect(grid).toBeVisible();
  await expect(grid.getByRole('row').filter({ hasText: 'withreq.log' })).toHaveCount(3);
  await expect(grid.getByRole('row').filter({ hasText: 'chrome.har' }).first()).toBeVisible();

  // Filter by a request id: only that request's three lines remain, and the URL says so.
  await page.getByRole('textbox', { name: 'Request id' }).fill(REQUEST_ID);
  await expect(page).toHaveURL(new RegExp(`request=${REQUEST_ID}`));
  const dataRows = grid.getByRole('row').filter({ has: page.getByRole('gridcell') });
  await expect(dataRows).toHaveCount(3);
  await expect(dataRows.filter({ hasNotText: 'withreq.log' })).toHaveCount(0);

  // Expand a row: its raw text and its locator (source name + line).
  await dataRows.first().click();
  const detail = page.getByRole('region', { name: 'Event detail' });
  await expect(detail).toBeVisible();
  await expect(detail.getByLabel('Locator')).toHaveText('withreq.log, line 1');
  await expect(detail.getByLabel('Raw text')).toContainText('"msg":"headAgentProbes respond"');
  // Keyboard: j moves the selection (the detail follows), Esc closes, Enter reopens.
  await page.keyboard.press('j');
  await expect(detail.getByLabel('Locator')).toHaveText('withreq.log, line 2');
  await page.keyboard.press('Escape');
  await expect(detail).toBeHidden();
  await page.keyboard.press('Enter');
  await expect(detail).toBeVisible();

  // Clear the filters, find the request by text, and narrow to it from the detail's request id.
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page).not.toHaveURL(/request=/);
  await expect(grid.getByRole('row').filter({ hasText: 'chrome.har' }).first()).toBeVisible();
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search' })).toBeFocused();
  await page.keyboard.type('headAgentProbes respond');
  await expect(dataRows).toHaveCount(1);
  await dataRows.first().click();
  await detail.getByRole('button', { name: `Filter by request id ${REQUEST_ID}` }).click();
  await expect(page.getByRole('textbox', { name: 'Request id' })).toHaveValue(REQUEST_ID);
  await page.getByRole('searchbox', { name: 'Search' }).fill('');
  await expect(dataRows).toHaveCount(3);

  // Unparsed lines are flagged, and "only unparsed" narrows to them.
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await page.getByRole('checkbox', { name: 'Only unparsed' }).check();
  await expect(page).toHaveURL(/unparsed=1/);
  await expect(dataRows.first()).toContainText('unparsed');
  await expect(dataRows.filter({ hasNotText: 'unparsed' })).toHaveCount(0);
  await dataRows.first().click();
  await expect(detail.getByLabel('Locator')).toHaveText('all.log, line 1');
  await expect(detail.getByLabel('Raw text')).toHaveText('# levels');

  // The filtered view is a deep link: reloading keeps it.
  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Only unparsed' })).toBeChecked();
  await expect(dataRows.first()).toContainText('unparsed');
});
