import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, expect, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';

/** The demo accounts every fresh installation has (seeds/demo-accounts.ts). */
export const DEMO_PASSWORD = 'demo-kun-til-afproevning';
export const ACCOUNTS = {
  admin: 'admin@tilskud.demo',
  assessor: 'sagsbehandler1@tilskud.demo',
  decider: 'sagsbehandler2@tilskud.demo',
  /** Aarhus Kommune (751). */
  lead: 'projektleder.aarhus@tilskud.demo',
  /** Aalborg Kommune (851): another kommune. */
  otherLead: 'projektleder.aalborg@tilskud.demo',
} as const;

/** A caller of the API itself, for what the test's other people do (a caseworker deciding, say). */
export async function apiAs(request: APIRequestContext, email: string) {
  const signedIn = await request.post('/api/v1/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(signedIn.status(), `sign-in of ${email}`).toBe(200);
  const { accessToken } = (await signedIn.json()) as { accessToken: string };
  const headers = { authorization: `Bearer ${accessToken}` };
  const call = async (method: 'get' | 'post' | 'put' | 'patch', path: string, data?: unknown, expected = [200, 201]) => {
    const response = await request[method](`/api/v1${path}`, { headers, ...(data === undefined ? {} : { data }) });
    expect(expected, `${method.toUpperCase()} ${path}: ${await response.text()}`).toContain(response.status());
    return response.status() === 204 ? undefined : await response.json();
  };
  return { call };
}

/**
 * The page's look at desktop and phone width, written under test-results/screenshots/ to be looked at,
 * and its accessibility: axe-core finds no serious or critical violation of WCAG 2.1 A/AA.
 */
export async function lookAt(page: Page, name: string): Promise<void> {
  await expect(page.locator('h1')).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`);
  expect(serious, `axe on ${name}`).toEqual([]);
  mkdirSync('test-results/screenshots', { recursive: true });
  const size = page.viewportSize() ?? { width: 1280, height: 900 };
  await page.screenshot({ path: `test-results/screenshots/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `test-results/screenshots/${name}-phone.png`, fullPage: true });
  await page.setViewportSize(size);
}

/**
 * Every control the page offers that a person could reach (visible, not disabled), marked with its
 * index. A group of radio buttons is one stop, as the keyboard has it (Tab enters the group, the arrow
 * keys choose within it): its buttons share an index. (Run in the page as text: the backend's
 * TypeScript has no DOM types.)
 */
const MARK_CONTROLS = `(() => {
  document.querySelectorAll('[data-control]').forEach((element) => element.removeAttribute('data-control'));
  const controls = Array.from(document.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled])'))
    .filter((element) => element.offsetWidth > 0 && element.offsetHeight > 0 && !element.closest('[hidden]'));
  const groups = new Map();
  let count = 0;
  for (const element of controls) {
    const group = element.type === 'radio' && element.name ? element.name : null;
    if (group !== null && groups.has(group)) {
      element.setAttribute('data-control', groups.get(group));
      continue;
    }
    const index = String(count++);
    if (group !== null) groups.set(group, index);
    element.setAttribute('data-control', index);
  }
  return count;
})()`;
const FOCUSED_CONTROL = `document.activeElement ? document.activeElement.getAttribute('data-control') : null`;
const unreached = (seen: string[]) => `Array.from(document.querySelectorAll('[data-control]'))
  .filter((element, index, all) => all.findIndex((other) => other.getAttribute('data-control') === element.getAttribute('data-control')) === index)
  .filter((element) => !${JSON.stringify(seen)}.includes(element.getAttribute('data-control')))
  .map((element) => element.tagName.toLowerCase() + ' "' + (element.textContent || element.getAttribute('aria-label') || element.id).trim().slice(0, 40) + '"')`;

/** Tabs from the top of the page through to its end: every control is reached by the keyboard alone. */
export async function expectKeyboardComplete(page: Page, name: string) {
  const count = (await page.evaluate(MARK_CONTROLS)) as number;
  const reached = new Set<string>();
  await page.evaluate('document.activeElement && document.activeElement.blur()');
  for (let press = 0; press < count * 3 + 20 && reached.size < count; press += 1) {
    await page.keyboard.press('Tab');
    const marked = (await page.evaluate(FOCUSED_CONTROL)) as string | null;
    if (marked !== null) reached.add(marked);
  }
  expect(await page.evaluate(unreached([...reached])), `controls the keyboard cannot reach on ${name}`).toEqual([]);
}

/** A programme code no other run has used: capital letters, a dash and a year. */
export const uniqueCode = () => `${Array.from({ length: 8 }, () => String.fromCharCode(65 + Math.floor(Math.random() * 26))).join('')}-2026`;
