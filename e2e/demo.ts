/** The demo incident, as the journeys open it: from the home page's button, with the generator's own profile. */
import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { DEFAULT_DEMO_SEED, generateDemo } from '../lib/domain/demo';

export const demo = generateDemo({ seed: DEFAULT_DEMO_SEED });

/** Puts the generator's profile back, so a journey that edits it leaves the demo as shipped. */
export async function restoreDemoProfile(request: APIRequestContext, incidentId: string): Promise<void> {
  const response = await request.put(`/api/incidents/${incidentId}/profile`, { data: demo.profile });
  expect(response.ok()).toBe(true);
}

/** Opens (creating on first use) the demo incident; returns its id. */
export async function openDemo(page: Page): Promise<string> {
  await page.goto('/');
  await page.getByRole('button', { name: 'Open the demo incident' }).click();
  await expect(page).toHaveURL(/\/incidents\/[0-9A-Za-z]+$/, { timeout: 60_000 });
  return new URL(page.url()).pathname.split('/').pop() ?? '';
}

export function locatorText(locator: { line: number } | { index: number } | { spanId: string }): string {
  if ('line' in locator) return `line ${locator.line}`;
  if ('index' in locator) return `#${locator.index}`;
  return `span ${locator.spanId}`;
}
