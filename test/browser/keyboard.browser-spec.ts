import { expect, test } from '@playwright/test';
import { ACCOUNTS, DEMO_PASSWORD } from './support.js';

/** The whole of signing in, finding one's cases and signing out, with the keyboard alone. */
test('a project lead signs in, moves about and signs out by keyboard alone', async ({ page }) => {
  await page.goto('/log-ind');
  // Tab until the e-mail field has focus: every control on the way is reachable, none traps focus.
  const emailFocused = () => page.getByLabel('E-mail').evaluate((field) => field === field.ownerDocument.activeElement);
  for (let i = 0; i < 15 && !(await emailFocused()); i += 1) await page.keyboard.press('Tab');
  await expect(page.getByLabel('E-mail')).toBeFocused();
  await page.keyboard.type(ACCOUNTS.lead);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Adgangskode')).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Mine sager' })).toBeVisible();

  // From the top of a page (a fresh load), the skip link is the first stop, and takes focus past the
  // header to the page's content. (After a move inside the app, focus is on the new page's heading.)
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine sager' })).toBeVisible();
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Gå til sidens indhold' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.locator('#main-content')).toBeFocused();

  // To the inbox through the menu, by keyboard; focus lands on the new page's heading.
  const inbox = page.getByRole('link', { name: /Notifikationer/ }).first();
  await inbox.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Notifikationer' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifikationer' })).toBeFocused();

  const signOut = page.getByRole('button', { name: 'Log ud' }).first();
  await signOut.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/log-ind/);
});
