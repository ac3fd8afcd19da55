/**
 * Journey: investigate the demo incident from the keyboard and by link (issue 4). `g f` lands on
 * the first divergence in the timeline; its entity's witness table highlights the row; its
 * request shows the waterfall and the identifiers that joined it; `n` / `N` walk the findings;
 * a copied URL reopens the same view in a fresh page; raw and aligned time switch everywhere.
 *
 * Every view is photographed in light and dark and attached to the test's results (look at
 * them in test-results/ or the HTML report): the pictures are how a person checks readability.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import type { FindingDto, InvestigationDto } from '../lib/schemas/investigation';
import { describeLocator } from '../lib/domain/event';
import { demo, openDemo, restoreDemoProfile } from './demo';
import { openView } from './views';

const expected = demo.expectations.firstDivergence;

/** The view as it looks in light and in dark, kept with the test's results. */
async function photograph(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    const path = testInfo.outputPath(`${name}-${scheme}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${name} (${scheme})`, { path, contentType: 'image/png' });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

function selectedEvent(page: Page): string | null {
  return new URL(page.url()).searchParams.get('event');
}

test('investigate the demo: first divergence, its entity, its request, findings by keyboard, links, raw and aligned', async ({ page, request }, testInfo) => {
  const incidentId = await openDemo(page);
  await restoreDemoProfile(request, incidentId);
  const investigation = (await (await request.get(`/api/incidents/${incidentId}/investigation`)).json()) as InvestigationDto;
  expect(investigation.firstDivergence).not.toBeNull();
  const first = investigation.findings[investigation.firstDivergence!]!;
  expect(first.entity).toBe(expected.entity);
  const divergences: FindingDto[] = [...investigation.findings].sort((a, b) => a.at - b.at);
  await page.reload();
  await expect(page.getByRole('article', { name: 'First divergence' })).toBeVisible({ timeout: 30_000 });

  // g f: the timeline around the first divergence, its trigger selected and open beside it.
  // The keys act once the investigation has loaded: the headline's button says when (enabled).
  await expect(page.getByRole('button', { name: /^Go to first divergence/ })).toBeEnabled({ timeout: 30_000 });
  await page.keyboard.press('g');
  await page.keyboard.press('f');
  await expect(page).toHaveURL(/view=timeline/);
  expect(selectedEvent(page)).toBe(String(first.eventId));
  const plot = page.locator('[aria-roledescription="timeline"]');
  await expect(plot).toHaveAttribute('data-selected', String(first.eventId));
  await expect(plot).toHaveAttribute('data-loading', 'false');
  expect(Number(await plot.getAttribute('data-visible'))).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: 'First divergence', exact: true })).toBeVisible();
  const detail = page.getByRole('complementary', { name: new RegExp(`^Event #${first.eventId}\\b`) });
  await expect(detail).toContainText(expected.event.source);
  await expect(detail).toContainText(describeLocator(expected.event.locator));
  await photograph(page, testInfo, 'timeline');

  // Its entity: the witness table of the divergent field, the first divergence row highlighted.
  await detail.getByRole('button', { name: `Open entity ${first.entity}` }).click();
  await expect(page).toHaveURL(/view=entity/);
  const witnessTable = page.getByRole('table', { name: `Witness table for ${first.entity} · ${first.field}` });
  const highlighted = witnessTable.locator('[data-first-divergence="true"]');
  await expect(highlighted).toBeVisible();
  await expect(highlighted).toContainText('First divergence');
  await expect(page.getByRole('img', { name: new RegExp(`^Values of ${first.entity} · ${first.field}`) })).toBeVisible();
  await photograph(page, testInfo, 'entity');

  // The link, pasted into a fresh page, opens the same view: entity, field, selected event.
  const entityLink = page.url();
  const pasted = await page.context().newPage();
  await pasted.goto(entityLink);
  await expect(pasted.getByRole('table', { name: `Witness table for ${first.entity} · ${first.field}` }).locator('[data-first-divergence="true"]')).toBeVisible({
    timeout: 30_000,
  });
  await expect(pasted.getByRole('complementary', { name: new RegExp(`^Event #${first.eventId}\\b`) })).toBeVisible();
  expect(pasted.url()).toBe(entityLink);
  await pasted.close();

  // Its request: the waterfall across sources and the identifiers that joined the group.
  await detail.getByRole('button', { name: /^Open request/ }).click();
  await expect(page).toHaveURL(/view=request/);
  await expect(page.getByRole('img', { name: /^Waterfall of request/ })).toBeVisible();
  const identifiers = page.getByRole('list', { name: /^Identifiers of request/ });
  await expect(identifiers.getByRole('listitem').first()).toBeVisible();
  for (const id of expected.requestIds) await expect(identifiers).toContainText(id);
  await expect(page.getByRole('table', { name: /^Events of request/ }).locator('tr[aria-current="true"]')).toHaveAttribute('data-event-id', String(first.eventId));
  await photograph(page, testInfo, 'request');

  // The findings, walked with n and N; the current one is marked.
  await openView(page, 'Findings');
  const findings = page.getByRole('table', { name: 'Findings in time order' });
  await expect(findings.locator('tr[aria-current="true"]')).toContainText(first.summary.slice(0, 40));
  await page.keyboard.press('n');
  await expect.poll(() => selectedEvent(page)).toBe(String(divergences[1]!.eventId));
  await expect(findings.locator('tr[aria-current="true"]')).toContainText(divergences[1]!.summary.slice(0, 40));
  await page.keyboard.press('N');
  await expect.poll(() => selectedEvent(page)).toBe(String(first.eventId));
  await photograph(page, testInfo, 'findings');

  // A conflict's entity: the cells that disagree with the owner are shaded (and marked in words).
  const conflict = divergences.find((f) => f.kind === 'conflict' && f.entity !== null)!;
  await findings.getByRole('row').filter({ hasText: conflict.summary.slice(0, 40) }).first().getByRole('button', { name: 'Entity' }).click();
  const conflictTable = page.getByRole('table', { name: `Witness table for ${conflict.entity} · ${conflict.field}` });
  await expect(conflictTable.locator('[data-disagrees="true"]').first()).toBeVisible();
  await expect(conflictTable.getByRole('img', { name: 'disagrees' }).first()).toBeVisible();
  await openView(page, 'Findings');

  // Esc closes the detail; ? lists the keys.
  await page.keyboard.press('Escape');
  await expect.poll(() => selectedEvent(page)).toBeNull();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard' });
  await expect(help).toBeVisible();
  await expect(help).toContainText('Go to the first divergence');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // Raw and aligned: the lanes say each offset; the switch is in the URL and reaches the events table.
  await openView(page, 'Timeline');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const shifted = investigation.lanes.find((lane) => lane.aligned && Math.abs(lane.offsetMs) >= 1);
  expect(shifted, 'the demo has skewed clocks').toBeDefined();
  await timeline.getByRole('group', { name: 'Time' }).getByRole('button', { name: 'Raw' }).click();
  await expect(page).toHaveURL(/time=raw/);
  await expect(timeline).toHaveAttribute('data-time', 'raw');
  await expect(page.getByRole('list', { name: 'Lanes: one per clock domain, with its offset' })).toContainText(shifted!.source);
  await openView(page, 'Events');
  await expect(page.getByRole('columnheader', { name: 'Time (UTC, raw)' })).toBeVisible();
  await page.getByRole('group', { name: 'Time' }).getByRole('button', { name: 'Aligned' }).click();
  await expect(page).not.toHaveURL(/time=raw/);
  await expect(page.getByRole('columnheader', { name: 'Time (UTC, aligned)' })).toBeVisible();

  // `/` takes a pasted request id straight to its request.
  await openView(page, 'Timeline');
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Jump to a request id, an entity or text' })).toBeFocused();
  await page.keyboard.type(first.request ?? expected.requestIds[0]!);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/view=request/);
  await expect(page.getByRole('img', { name: /^Waterfall of request/ })).toBeVisible();
});
