/** The incident page's view tabs, by their visible names (Timeline, Findings, Request, Entity, Events, Sources). */
import { expect, type Page } from '@playwright/test';

export async function openView(page: Page, name: 'Timeline' | 'Findings' | 'Request' | 'Entity' | 'Events' | 'Sources'): Promise<void> {
  const tab = page.getByRole('navigation', { name: 'Investigation views' }).getByRole('button', { name: new RegExp(`^${name}`) });
  await tab.click();
  await expect(tab).toHaveAttribute('aria-current', 'page');
}
