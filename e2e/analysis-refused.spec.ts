/**
 * Journey: the server refuses to analyze an incident too large for its memory (422
 * `analysis_too_large`). The page says so with the server's reason, and the evidence stays
 * readable under it: the overview over time and the events table, as while ingesting. Retry
 * asks again, and once the analysis comes the timeline takes over. When a later upload makes
 * the refresh refused, the analysis from before stays on screen under a line that says so.
 *
 * A real refusal needs an incident bigger than the e2e server's budget, so the investigation's
 * answer is replaced in the browser with the body the server gives for one (the refusal itself
 * and its HTTP answer are tested in lib/server: analysis-memory.test.ts, investigation-api.test.ts).
 */
import { expect, test } from '@playwright/test';
import { AnalysisMemory } from '../lib/server/analysis/analysis-memory';
import { errorBody } from '../lib/server/http/error-response';
import { AppError } from '../lib/server/errors';
import { corpusPath } from '../lib/test-support/corpus';
import { openView } from './views';

/** What the server answers for an incident of `events` events over a budget of 100 MB. */
async function refusal(events: number): Promise<{ status: number; body: unknown }> {
  const memory = new AnalysisMemory(() => ({ bytes: 100 * 1024 * 1024, from: 'setting' }), { bytes: () => 0, dropOldest: () => false });
  const error = await memory.reserve({ events, heapBytes: 641 * 1024 * 1024 }).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof AppError)) throw new Error('the budget did not refuse the analysis');
  return { status: error.status, body: errorBody(error) };
}

test('an incident too large to analyze still shows its evidence, and retry analyzes it once it can', async ({ page }) => {
  const { status, body } = await refusal(1_000_000);
  let refuse = true;
  await page.route('**/api/incidents/*/investigation', async (route) => {
    if (!refuse) return route.fallback();
    await route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
  });

  await page.goto('/');
  const name = `too large ${Date.now()}`;
  await page.getByLabel('Incident name').fill(name);
  await page.getByRole('button', { name: 'Create incident' }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await page.getByLabel('Evidence files').setInputFiles(corpusPath('logs/withreq.log'));
  await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name: 'withreq.log' })).toContainText(/Done: \d+ events/);

  // The reason, in the server's words, where the timeline would be; the evidence below it.
  await openView(page, 'Timeline');
  const refused = page.getByText('Not analyzed: not enough memory on this server', { exact: true });
  await expect(refused).toBeVisible();
  await expect(page.getByText(/its 1,000,000 events need about 641 MB of memory, and analyses may use 100 MB here/)).toBeVisible();
  await expect(page.getByTestId('evidence-overview')).toBeVisible();
  await expect(page.getByRole('grid', { name: 'Events' }).getByRole('row', { name: /headAgentProbes respond/ })).toBeVisible();
  // The findings tab claims no count: none were looked for.
  const findingsTab = page.getByRole('navigation', { name: 'Investigation views' }).getByRole('button', { name: /^Findings/ });
  await expect(findingsTab).toHaveText('Findings');
  // Every analysis view says the same (here the findings).
  await findingsTab.click();
  await expect(refused).toBeVisible();
  await expect(page.getByTestId('evidence-overview')).toBeVisible();
  await test.info().attach('analysis refused', { body: await page.screenshot({ fullPage: true }), contentType: 'image/png' });

  // Once the server can analyze it (here: the refusal lifted), Retry brings the analysis.
  refuse = false;
  await page.getByRole('button', { name: 'Retry', exact: true }).click();
  await expect(findingsTab).toHaveText(/^Findings\d+$/);
  await expect(refused).toBeHidden();
  await openView(page, 'Timeline');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await expect(timeline).toBeVisible();

  // More evidence, and the analysis refused again: the timeline from before stays, under a line
  // that says it is the one from before and why there is no newer one.
  refuse = true;
  await page.getByLabel('Evidence files').setInputFiles(corpusPath('logs/logfile_pino.0'));
  await expect(page.getByRole('list', { name: 'Uploads' }).getByRole('listitem', { name: 'logfile_pino.0' })).toContainText(/Done: \d+ events?\b/);
  const stale = page.getByRole('alert').filter({ hasText: 'shown: the analysis from before the last change' });
  await expect(stale).toContainText('Not analyzed: not enough memory on this server');
  await expect(stale).toContainText('analyses may use 100 MB here');
  await expect(timeline).toBeVisible();
  const lanes = timeline.getByRole('list', { name: /^Lanes/ }).getByRole('listitem');
  const lanesBefore = await lanes.count();
  // Retry, answered this time: the analysis now has the new source's lane, and the line is gone.
  refuse = false;
  await stale.getByRole('button', { name: 'Retry', exact: true }).click();
  await expect(lanes).toHaveCount(lanesBefore + 1);
  await expect(stale).toBeHidden();
});
