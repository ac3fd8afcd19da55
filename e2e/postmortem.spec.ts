/**
 * Journey: annotate the demo incident and write its postmortem (issue 5). The first divergence's
 * event is annotated as the trigger with a body full of HTML, which must show as text and run
 * nothing; its finding is marked part of the story; the postmortem's text is saved; the
 * narrative shows the annotation and the finding with the event's raw line as evidence; an edit
 * keeps the history; a delete takes the annotation out of the narrative but not out of history.
 * The Markdown export, downloaded from the view, carries the same story.
 */
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import type { EventDetailDto, InvestigationDto } from '../lib/schemas/investigation';
import { openDemo, restoreDemoProfile } from './demo';
import { openView } from './views';

const XSS = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">';

async function fillAuthorIfAsked(scope: ReturnType<Page['locator']>): Promise<void> {
  const name = scope.getByLabel('Your name');
  if (await name.isVisible()) await name.fill('E2E Tester');
}

test('annotate the first divergence, tell the story, edit and delete with history kept', async ({ page, request }) => {
  const incidentId = await openDemo(page);
  await restoreDemoProfile(request, incidentId);
  const investigation = (await (await request.get(`/api/incidents/${incidentId}/investigation`)).json()) as InvestigationDto;
  const first = investigation.findings[investigation.firstDivergence!]!;
  const detailDto = (await (await request.get(`/api/incidents/${incidentId}/events/${first.eventId}`)).json()) as EventDetailDto;
  const rawStart = detailDto.event.raw.trim().split('\n')[0]!.slice(0, 60);
  // Earlier runs on the same database may have left annotations: this run's are found by marker.
  const marker = `trigger ${Date.now()}`;

  await page.reload();
  await expect(page.getByRole('article', { name: 'First divergence' })).toBeVisible({ timeout: 30_000 });
  // The keys act once the investigation has loaded: the headline's button says when (enabled).
  await expect(page.getByRole('button', { name: /^Go to first divergence/ })).toBeEnabled({ timeout: 30_000 });
  await page.keyboard.press('g');
  await page.keyboard.press('f');
  const detail = page.getByRole('complementary', { name: new RegExp(`^Event #${first.eventId}\\b`) });
  await expect(detail).toBeVisible();

  // Annotate the event as the trigger; the HTML in the body is shown as text and runs nothing.
  await detail.getByRole('button', { name: 'Annotate this event' }).click();
  const form = detail.getByRole('form', { name: /^Add annotation/ });
  await form.getByLabel('Kind').selectOption('trigger');
  await form.getByLabel('Note (Markdown, shown as text)').fill(`${marker}\n${XSS}`);
  await fillAuthorIfAsked(form);
  await form.getByRole('button', { name: 'Add annotation' }).click();
  const card = detail.locator('[data-annotation-id]').filter({ hasText: marker });
  await expect(card).toContainText(XSS);
  await expect(card.locator('img, script')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();

  // The request view marks the annotated event's row.
  await detail.getByRole('button', { name: /^Open request/ }).click();
  const requestRow = page.getByRole('table', { name: /^Events of request/ }).locator(`tr[data-event-id="${first.eventId}"]`);
  await expect(requestRow.getByLabel(/^\d+ annotations?$/)).toBeVisible();

  // The first divergence becomes part of the story; its row shows the annotation.
  await openView(page, 'Findings');
  const row = page.getByRole('table', { name: 'Findings in time order' }).locator('tr[data-first-divergence="true"]');
  await expect(row.getByLabel(/^\d+ annotations?$/)).toBeVisible();
  const story = row.getByRole('button', { name: 'Part of the story' });
  await expect(story).toBeEnabled();
  if ((await story.getAttribute('aria-pressed')) !== 'true') await story.click();
  await expect(story).toHaveAttribute('aria-pressed', 'true');

  // The postmortem: its text, then the narrative with the evidence.
  const tab = page.getByRole('navigation', { name: 'Investigation views' }).getByRole('button', { name: /^Postmortem/ });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-current', 'page');
  const text = page.getByRole('form', { name: 'Postmortem text' });
  await text.getByLabel('Title').fill('Two default roles');
  await text.getByLabel('Summary (Markdown)').fill('A role became default **twice**.');
  await text.getByLabel('Impact (Markdown)').fill('Admins saw the wrong role.');
  await fillAuthorIfAsked(text);
  await text.getByRole('button', { name: 'Save postmortem' }).click();
  await expect(page.getByRole('form', { name: 'Postmortem text' })).toContainText(/Saved by .+ at/);
  await expect(page.getByRole('form', { name: 'Postmortem text' }).getByLabel('Title')).toHaveValue('Two default roles');

  const narrative = page.getByRole('region', { name: 'Narrative' });
  const noted = narrative.locator('li.narrative__item[data-kind="annotation"]').filter({ hasText: marker });
  await expect(noted).toBeVisible({ timeout: 30_000 });
  await expect(noted.getByLabel(`Raw line of event ${first.eventId}`)).toContainText(rawStart);
  const found = narrative.locator('li.narrative__item[data-kind="finding"]').filter({ hasText: first.summary.slice(0, 50) });
  await expect(found).toBeVisible();
  await expect(found.getByLabel(`Raw line of event ${first.eventId}`)).toContainText(rawStart);

  // Export Markdown: the team's words, the annotation (its HTML neutralized), the finding and the raw line.
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export Markdown' }).click();
  const markdown = readFileSync((await (await downloading).path())!, 'utf8');
  expect(markdown.startsWith('# Two default roles\n')).toBe(true);
  expect(markdown).toContain('## Summary\n\nA role became default **twice**.');
  expect(markdown).toContain('## Impact\n\nAdmins saw the wrong role.');
  expect(markdown).toContain(marker);
  expect(markdown).toContain('&lt;script>window.__xss=1&lt;/script>');
  expect(markdown).not.toContain('<script>');
  expect(markdown).toContain(first.summary.slice(0, 30));
  expect(markdown).toContain(rawStart);

  // Edit it: "edited 1×" opens the history with both versions.
  await noted.getByRole('button', { name: 'Edit' }).click();
  await noted.getByLabel('Note (Markdown, shown as text)').fill(`${marker} (edited)`);
  await noted.getByRole('button', { name: 'Save annotation' }).click();
  await expect(noted).toContainText(`${marker} (edited)`);
  await noted.getByRole('button', { name: 'edited 1×' }).click();
  const history = noted.getByRole('list', { name: 'History' });
  await expect(history.locator('[data-action="created"]')).toContainText(XSS);
  await expect(history.locator('[data-action="edited"]')).toContainText(`${marker} (edited)`);

  // Delete it: gone from the narrative, kept with its history among the deleted.
  await noted.getByRole('button', { name: 'Delete' }).click();
  await expect(narrative.locator('li.narrative__item').filter({ hasText: marker })).toHaveCount(0);
  await expect(found).toBeVisible();
  await page.getByRole('checkbox', { name: /Show deleted annotations/ }).check();
  const deleted = page.getByRole('region', { name: 'Deleted annotations' }).locator('[data-annotation-id]').filter({ hasText: marker });
  await expect(deleted).toContainText('deleted');
  await deleted.getByRole('button', { name: 'edited 2×' }).click();
  await expect(deleted.getByRole('list', { name: 'History' }).locator('[data-action="deleted"]')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
});
