/**
 * Journey: share the demo incident's investigation read-only (issue 5). Create a link in the
 * Share dialog, open it in a fresh browser context (no cookies): the timeline and the findings
 * are there, nothing that would change the incident is; the share path reaches no other
 * incident; revoked in the dialog, the link answers 404.
 *
 * The e2e server runs as an open workspace (playwright.config.ts): sign-in, sessions and the
 * cross-site refusal are covered by lib/server/http/access-api.test.ts instead.
 */
import { expect, test } from '@playwright/test';
import type { EventPageDto } from '../lib/schemas/event';
import type { IncidentDto } from '../lib/schemas/incident';
import { openDemo } from './demo';
import { openView } from './views';

test('share the demo investigation read-only, then revoke the link', async ({ page, browser, request }) => {
  await openDemo(page);
  await expect(page.getByRole('article', { name: 'First divergence' })).toBeVisible({ timeout: 30_000 });

  // Create an investigation link; it is shown once, with a copy button, and listed as active.
  await page.getByRole('button', { name: 'Share', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this incident' });
  const label = `review ${Date.now()}`;
  await dialog.getByLabel('Label').fill(label);
  await dialog.getByRole('radio', { name: 'Investigation' }).check();
  await dialog.getByRole('spinbutton', { name: /Expires after/ }).fill('2');
  await dialog.getByRole('combobox', { name: 'Expiry unit' }).selectOption('days');
  await dialog.getByRole('button', { name: 'Create link' }).click();
  const linkField = dialog.getByRole('textbox', { name: 'New share link' });
  await expect(linkField).toBeVisible();
  const link = await linkField.inputValue();
  expect(link).toMatch(/\/share\/[A-Za-z0-9_-]{43}$/);
  await expect(dialog.getByRole('button', { name: 'Copy' })).toBeVisible();
  const row = dialog.getByRole('row').filter({ hasText: label });
  await expect(row).toContainText('Investigation');
  await expect(row).toContainText('active');
  const token = link.split('/').pop()!;

  // Another incident with evidence of its own, which the link must not reach.
  const other = (await (await request.post('/api/incidents', { data: { name: 'not shared' } })).json()) as IncidentDto;
  const uploaded = await request.post(`/api/incidents/${other.id}/sources?name=other.jsonl`, {
    data: JSON.stringify({ ts: '2026-11-20T10:00:00Z', service: 'other', message: 'OTHER-INCIDENT-SECRET' }),
  });
  expect(uploaded.status()).toBe(201);
  const otherEvents = (await (await request.get(`/api/incidents/${other.id}/events`)).json()) as EventPageDto;
  const otherEventId = otherEvents.events[0]!.id;

  // A fresh browser context: no cookies, nothing but the link.
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  try {
    const shared = await context.newPage();
    const opened = await shared.goto(link);
    expect(opened?.status()).toBe(200);
    await expect(shared.getByRole('note')).toContainText('Shared read-only view');
    const plot = shared.locator('[aria-roledescription="timeline"]');
    await expect(plot).toBeVisible({ timeout: 30_000 });
    await expect(plot).toHaveAttribute('data-loading', 'false');
    expect(Number(await plot.getAttribute('data-visible'))).toBeGreaterThan(0);
    // Read-only: no upload bar, no profile editor, no share management.
    await expect(shared.getByRole('heading', { name: 'Add evidence' })).toHaveCount(0);
    await expect(shared.getByRole('button', { name: 'Analysis profile' })).toHaveCount(0);
    await expect(shared.getByRole('button', { name: 'Share', exact: true })).toHaveCount(0);
    await openView(shared, 'Findings');
    await expect(shared.getByRole('table', { name: 'Findings in time order' }).getByRole('row').nth(1)).toBeVisible();
    await openView(shared, 'Sources');
    await expect(shared.getByRole('table', { name: 'Sources' })).toBeVisible();
    await expect(shared.getByRole('link', { name: /download/i })).toHaveCount(0);

    // The share path reaches nothing else: another incident's page or event, raw bytes, a change.
    expect((await shared.goto(new URL(`/share/${other.id}`, link).toString()))?.status()).toBe(404);
    const api = context.request;
    const origin = new URL(link).origin;
    const otherEvent = await api.get(`${origin}/api/incidents/share~${token}/events/${otherEventId}`);
    expect(otherEvent.status()).toBe(404);
    expect(await otherEvent.text()).not.toContain('OTHER-INCIDENT-SECRET');
    expect((await api.get(`${origin}/api/incidents/share~${token}/shares`)).status()).toBe(404);
    expect((await api.post(`${origin}/api/incidents/share~${token}/sources?name=x.log`, { data: 'x', headers: { origin } })).status()).toBe(404);

    // Revoked in the dialog: the link answers 404, page and API alike.
    await row.getByRole('button', { name: /^Revoke/ }).click();
    await expect(row).toContainText('revoked');
    await expect(row.getByRole('button', { name: /^Revoke/ })).toHaveCount(0);
    expect((await shared.goto(link))?.status()).toBe(404);
    await expect(shared.getByText('This link does not exist, has expired or was revoked.')).toBeVisible();
    expect((await api.get(`${origin}/api/incidents/share~${token}/investigation`)).status()).toBe(404);
  } finally {
    await context.close();
  }
});
