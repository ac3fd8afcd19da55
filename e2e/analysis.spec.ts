/**
 * Journey: first run. The on-call engineer opens the demo incident from the home page, reads the
 * first divergence at the top of the incident, jumps to the event that triggered it, filters the
 * findings by kind, then tunes
 * the analysis profile: invalid JSON and an invalid profile are pointed out inline with their
 * line/column or path, a suggestion edits the text, and saving re-analyzes the incident.
 *
 * The expected first divergence comes from the demo generator itself (same seed as the server;
 * the server dates the stories relative to its clock, which moves times but not kinds, entities
 * or locators). The test puts the generator's profile back first and last, so a rerun against
 * the same database starts from the demo as shipped.
 */
import { expect, test } from '@playwright/test';
import { describeLocator } from '../lib/domain/event';
import { demo, locatorText, openDemo, restoreDemoProfile } from './demo';
import { openView } from './views';

const expected = demo.expectations.firstDivergence;
const KIND_LABELS: Record<string, string> = {
  conflict: 'conflict',
  stale_write: 'stale write',
  invariant: 'invariant',
  duplicate_effect: 'duplicate effect',
};

test('the demo incident: first divergence, its event, and the profile editor', async ({ page, request }) => {
  const incidentId = await openDemo(page);
  await restoreDemoProfile(request, incidentId);
  await page.reload();

  try {
    // The headline: the first divergence, its kind, entity and triggering record.
    const divergence = page.getByRole('article', { name: 'First divergence' });
    await expect(divergence).toBeVisible({ timeout: 30_000 });
    await expect(divergence).toContainText(KIND_LABELS[expected.kind] ?? expected.kind);
    await expect(divergence).toContainText(expected.entity ?? '');
    await expect(divergence.getByRole('time')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3} UTC$/);
    const trigger = `${expected.event.source} ${locatorText(expected.event.locator)}`;
    await expect(divergence).toContainText(`Triggered by ${trigger}`);
    // "Go to first divergence": the timeline at the trigger, its detail open beside it.
    await divergence.getByRole('button', { name: /^Go to first divergence/ }).click();
    await expect(page).toHaveURL(/view=timeline/);
    await expect(page).toHaveURL(/[?&]event=\d+/);
    const detail = page.getByRole('complementary', { name: /^Event #\d+/ });
    await expect(detail).toContainText(expected.event.source);
    await expect(detail).toContainText(describeLocator(expected.event.locator));

    // Each source says how its clock was aligned.
    await openView(page, 'Sources');
    const sources = page.getByRole('table', { name: 'Sources' });
    await expect(sources.getByRole('row', { name: expected.event.source }).getByText(/^(aligned · \d+|unaligned)$/)).toBeVisible();

    // The findings view, filtered by kind from the keyboard-reachable chips (kept in the URL).
    await openView(page, 'Findings');
    const findings = page.getByRole('table', { name: 'Findings in time order' });
    await page.getByRole('group', { name: 'Filter findings by kind' }).getByRole('button', { name: /^conflict \d+$/ }).click();
    await expect(page).toHaveURL(/kind=conflict/);
    await expect(findings.getByRole('row').filter({ hasText: 'invariant' })).toHaveCount(0);
    await expect(findings.getByRole('row').filter({ hasText: 'conflict' }).first()).toBeVisible();

    // The profile editor opens beside the evidence, addressable by URL.
    await page.getByRole('button', { name: 'Analysis profile' }).click();
    await expect(page).toHaveURL(/panel=profile/);
    const panel = page.getByRole('complementary', { name: 'Analysis profile' });
    const editor = panel.getByRole('textbox', { name: 'Profile JSON' });
    await expect(editor).toHaveValue(/"entities"/);
    const saved = await editor.inputValue();
    const issues = panel.locator('#profile-issues');

    // Invalid JSON: the syntax error with its line and column.
    await editor.fill('{\n  "toleranceMs": 500,\n}');
    await expect(issues).toContainText('JSON syntax, line 3, column 1');
    await expect(panel.getByRole('button', { name: 'Save profile' })).toBeDisabled();
    // A valid JSON document that is not a valid profile: the issue with its path.
    await editor.fill(JSON.stringify({ entities: [{ type: 'item', keys: ['item_id'], state: [] }] }, null, 2));
    await expect(issues).toContainText('entities.0.state: name at least one state field');
    await expect(editor).toHaveAttribute('aria-invalid', 'true');

    // Reset goes back to the saved profile; a suggestion merges into it.
    await panel.getByRole('button', { name: 'Reset' }).click();
    await expect(editor).toHaveValue(saved);
    await expect(issues).toContainText('Valid profile.');
    const suggestions = panel.getByRole('region', { name: 'Suggestions from the data' });
    await suggestions.getByText(/^Keys \(\d+\)$/).click();
    await suggestions.getByRole('button', { name: /^Apply/ }).first().click();
    await expect(editor).not.toHaveValue(saved);

    // Save a profile without the invariants: the report is recomputed, and its headline moves on.
    const findingsBefore = await page.getByText(/^\d+ findings?$/).innerText();
    await editor.fill(JSON.stringify({ ...demo.profile, invariants: [] }, null, 2));
    await expect(issues).toContainText('Valid profile.');
    await panel.getByRole('button', { name: 'Save profile' }).click();
    await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
    await expect(page.getByText(/^\d+ findings?$/)).not.toHaveText(findingsBefore);
    await expect(divergence).not.toContainText(`Triggered by ${trigger}`);
  } finally {
    await restoreDemoProfile(request, incidentId);
  }
});

test('a clock offset overridden from the sources table, then back to the estimate', async ({ page, request }) => {
  const incidentId = await openDemo(page);
  await restoreDemoProfile(request, incidentId);
  await page.reload();

  try {
    await openView(page, 'Sources');
    const sources = page.getByRole('table', { name: 'Sources' });
    const row = sources.getByRole('row', { name: 'reporting.log' });
    // The clock offset column (Name, Format, Status, Events, Unparsed, Time range, Services, Clock).
    const clockCell = row.getByRole('cell').nth(7);
    await expect(clockCell).toBeVisible({ timeout: 30_000 });
    await expect(clockCell).not.toContainText('override');
    const estimate = (await clockCell.getByText(/ ms$/).first().innerText()).trim();

    // Adjust, in the row's details: the form opens prefilled with the estimate, focused.
    await row.getByRole('button', { name: 'reporting.log' }).click();
    const adjust = sources.getByRole('button', { name: /^Adjust the clock offset of reporting\.log/ });
    await adjust.click();
    const form = sources.getByRole('form', { name: /^Clock offset of reporting\.log/ });
    const input = form.getByRole('spinbutton', { name: 'Offset (ms)' });
    await expect(input).toBeFocused();
    await expect(input).not.toHaveValue('');
    // No override yet: nothing to go back to.
    await expect(form.getByRole('button', { name: 'Use estimate' })).toHaveCount(0);

    // Escape cancels without saving; an invalid value is refused inline.
    await page.keyboard.press('Escape');
    await expect(form).toHaveCount(0);
    await expect(adjust).toBeFocused();
    await adjust.press('Enter');
    await input.fill('');
    await form.getByRole('button', { name: 'Save' }).click();
    await expect(form.getByRole('alert')).toContainText('Enter the offset as a number of milliseconds');

    // Ten minutes by hand: the override wins, and says so in the row and in the details.
    await input.fill('600000');
    await input.press('Enter');
    await expect(form).toHaveCount(0);
    await expect(clockCell).toContainText('+600,000 ms');
    await expect(clockCell.getByText('override', { exact: true })).toBeVisible();
    const details = sources.getByRole('definition').filter({ hasText: 'offset +600,000 ms' });
    await expect(details.getByText('override', { exact: true })).toBeVisible();
    const saved = await request.get(`/api/incidents/${incidentId}/profile`);
    expect(((await saved.json()) as { profile: { offsets: Record<string, number> } }).profile.offsets).toEqual({ 'reporting.log': 600000 });

    // "Use estimate" removes the override: the estimate is back, the badge gone.
    await adjust.click();
    await expect(input).toHaveValue('600000');
    await form.getByRole('button', { name: 'Use estimate' }).click();
    await expect(form).toHaveCount(0);
    await expect(clockCell).not.toContainText('override');
    await expect(clockCell.getByText(/ ms$/).first()).toHaveText(estimate);
  } finally {
    await restoreDemoProfile(request, incidentId);
  }
});
