import { AxeBuilder } from '@axe-core/playwright';
import { type APIRequestContext, type Browser, type BrowserContextOptions, expect, type Page, test } from '@playwright/test';
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

/** A caller of the API as one of the test's people ({@link apiAs}). */
export type ApiCaller = Awaited<ReturnType<typeof apiAs>>;

/** A person of the test in a browser of their own (`options` added to its context's), signed in, on their front page. */
export async function signedIn(browser: Browser, email: string, frontPage: string, options: BrowserContextOptions = {}): Promise<Page> {
  const { baseURL, locale, timezoneId, viewport } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId, viewport, ...options });
  const page = await context.newPage();
  await page.goto('/log-ind');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 1, name: frontPage })).toBeVisible();
  return page;
}

/**
 * A programme for the API to create: open to applications from 2025 to 2099, decided as they come
 * (rolling), on one theme (Livskvalitet), from 500.000 kr. an application; `fields` name it and give
 * its budget and criteria, and may set any other field.
 */
export function programmeBody(
  fields: { name: string; budgetOre: number; criteria: ReadonlyArray<{ key: string; title: string; description: string }> } & Record<string, unknown>,
) {
  return {
    code: uniqueCode(),
    minApplicationOre: 50_000_000,
    applicationOpensAt: '2025-01-01T00:00',
    applicationClosesAt: '2099-12-31T12:00',
    decisionMode: 'rolling',
    themes: [{ key: 'livskvalitet', name: 'Livskvalitet' }],
    legalBasis: 'Aktstykke om puljen (browsertest)',
    appealGuidance: 'Afgørelsen kan ikke påklages til anden administrativ myndighed.',
    ...fields,
  };
}

/**
 * An application made and submitted by `lead` through the API, assessed by `assessor` (4 on every
 * criterion, recommending what it asks) and awarded in full by `decider` for its planned period.
 */
export async function givenAwardedCase(
  people: { lead: ApiCaller; assessor: ApiCaller; decider: ApiCaller },
  criteria: ReadonlyArray<{ key: string; title: string }>,
  application: { requestedOre: number; plannedStart: string; plannedEnd: string } & Record<string, unknown>,
): Promise<{ applicationId: string; awardId: string; caseNumber: string }> {
  const { lead, assessor, decider } = people;
  const draft = await lead.call('post', '/applications', application);
  const { caseNumber } = await lead.call('post', `/applications/${draft.id}/submit`);
  await assessor.call('put', `/applications/${draft.id}/assessment`, {
    ratings: criteria.map((criterion) => ({ criterionKey: criterion.key, rating: 4, rationale: `Projektet lever op til: ${criterion.title}.` })),
    summary: 'Et velbeskrevet projekt.',
    recommendation: 'award',
    recommendedOre: application.requestedOre,
  });
  await assessor.call('post', `/applications/${draft.id}/assessment/complete`);
  await decider.call('post', `/applications/${draft.id}/decision`, {
    outcome: 'award',
    amountOre: application.requestedOre,
    startDate: application.plannedStart,
    endDate: application.plannedEnd,
  });
  const { awardId } = await lead.call('get', `/applications/${draft.id}/decision`);
  return { applicationId: draft.id as string, awardId: awardId as string, caseNumber: caseNumber as string };
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
