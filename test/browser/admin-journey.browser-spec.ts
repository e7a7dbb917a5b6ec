import { type Browser, expect, type Page, test } from '@playwright/test';
import { ACCOUNTS, apiAs, DEMO_PASSWORD, expectKeyboardComplete, lookAt, uniqueCode } from './support.js';

async function signIn(page: Page, email: string, password = DEMO_PASSWORD) {
  await page.goto('/log-ind');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Log ind' }).click();
}

/**
 * Moves to a path inside the app, as its own links do (no page load). Every page load refreshes the
 * session, and sign-ins and refreshes share a limit of 20 a minute per address, which a journey
 * loading page after page from one address would reach.
 */
async function navigate(page: Page, path: string) {
  await page.evaluate(`window.history.pushState({}, '', ${JSON.stringify(path)}); window.dispatchEvent(new PopStateEvent('popstate'))`);
}

/** A browser of its own (its own cookies), as the journey's other people sign in with. */
async function otherBrowser(browser: Browser) {
  const { baseURL, locale, timezoneId, viewport } = test.info().project.use;
  const context = await browser.newContext({ baseURL, locale, timezoneId, viewport });
  return { context, page: await context.newPage() };
}

/**
 * The administrator's pages, in a browser against the system as `npm start` runs it: a programme
 * created (its field errors first) and its budget adjusted; its ledger's figures and chart moving after
 * a decision made through the API; the 2020 pool's deviations in Danish, with its CSV and PDF; the audit
 * trail finding the case and the chain verified; a user created, signing in, deactivated and refused;
 * the reminders; and a caseworker kept out. Every page is checked with axe and photographed at two widths.
 */
test('an administrator runs programmes, reads the books, audits and manages users', async ({ page, request, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, ACCOUNTS.admin);
  await expect(page.getByRole('heading', { level: 1, name: 'Puljer' })).toBeVisible();
  await expect(page.getByTestId('puljer')).toContainText('ÆLD-2020');
  await lookAt(page, 'admin-01-puljer');

  // A programme: refused first, with the API's errors at the fields, then created.
  await page.getByRole('link', { name: 'Opret pulje' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Opret pulje' })).toBeVisible();
  await page.getByLabel('Kode').fill('pulje 2026');
  await page.getByRole('button', { name: 'Opret pulje' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'Der er problemer' });
  await expect(summary).toBeFocused();
  await expect(summary).toContainText('Kode: skal være store bogstaver');
  await expect(summary).toContainText('Budget: skal udfyldes');
  await expect(page.locator('#felt-code-error')).toContainText('skal være store bogstaver');
  await lookAt(page, 'admin-02-opret-pulje-fejl');

  const code = uniqueCode();
  const name = `Administratorpulje ${code}`;
  await page.getByLabel('Kode').fill(code);
  await page.getByLabel('Navn', { exact: true }).fill(name);
  await page.getByLabel('Afgørelser').selectOption('rolling');
  await page.getByLabel('Budget i kroner').fill('5.000.000');
  await page.getByLabel('Mindste ansøgte beløb i kroner').fill('100.000');
  await page.getByLabel('Ansøgningsvinduet åbner').fill('2026-01-01T00:00');
  await page.getByLabel('Ansøgningsfrist').fill('2099-12-31T12:00');
  await page.getByLabel('Længste forlængelse på grund af COVID-19 i måneder').fill('4');
  await page.getByLabel('Navn på tema 1').fill('Livskvalitet');
  await expect(page.getByLabel('Nøgle for tema 1')).toHaveValue('livskvalitet');
  await page.getByRole('button', { name: 'Tilføj tema' }).click();
  await expect(page.getByLabel('Navn på tema 2')).toBeFocused();
  await page.getByLabel('Navn på tema 2').fill('Bekæmpelse af ensomhed');
  await page.getByLabel('Titel på kriterium 1').fill('Understøtter puljens formål');
  await page.getByLabel('Beskrivelse af kriterium 1').fill('Projektet styrker omsorg og nærvær.');
  await page.getByRole('button', { name: 'Tilføj kriterium' }).click();
  await page.getByLabel('Titel på kriterium 2').fill('Forankring');
  await page.getByLabel('Beskrivelse af kriterium 2').fill('Ledelsen står bag projektet.');
  await page.getByLabel('Hjemmel (valgfrit)').fill('Aktstykke om puljen (browsertest)');
  await page.getByLabel('Klagevejledning (valgfrit)').fill('Afgørelsen kan ikke påklages til anden administrativ myndighed.');
  await page.getByRole('button', { name: 'Opret pulje' }).click();
  await expect(page.getByTestId('pulje-oprettet')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  const programmeId = /puljer\/([0-9a-f-]{36})/.exec(page.url())![1];

  // Its budget adjusted: a reason is needed; then 1.000.000 kr. more.
  await page.getByLabel('Beløb i kroner').fill('1.000.000');
  await page.getByRole('button', { name: 'Gem budgetregulering' }).click();
  await expect(page.locator('#felt-reason-error')).toBeVisible();
  await page.getByLabel('Begrundelse').fill('Restbeløb fra en tidligere pulje overført efter aftale.');
  await page.getByRole('button', { name: 'Gem budgetregulering' }).click();
  await expect(page.getByTestId('reguleret')).toContainText('Budgettet er forhøjet med 1.000.000 kr.');
  await expect(page.getByTestId('reguleringer')).toContainText('Restbeløb fra en tidligere pulje');
  await expect(page.getByTestId('budget')).toContainText('6.000.000 kr.');
  // A change of the programme itself, saved with its version.
  await page.getByLabel('Beskrivelse (valgfrit)').fill('Til projekter, der styrker nærværet i ældreplejen.');
  await page.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(page.getByTestId('pulje-gemt')).toBeVisible();
  await lookAt(page, 'admin-03-pulje');

  // The ledger before any award.
  await page.getByRole('link', { name: 'Se puljens regnskab' }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Regnskab for ${name}` })).toBeVisible();
  await expect(page.getByTestId('regnskab-tal')).toContainText('6.000.000 kr.');
  await expect(page.getByTestId('graf-budget')).toHaveAttribute(
    'aria-label',
    /Bevilget 0 kr\. af et budget med reguleringer på 6\.000\.000 kr\.; 6\.000\.000 kr\. tilbage/,
  );
  await expect(page.getByTestId('afvigelser')).toContainText('Ingen afvigelser');

  // A decision made through the API moves the figures and the chart.
  const lead = await apiAs(request, ACCOUNTS.lead);
  const assessor = await apiAs(request, ACCOUNTS.assessor);
  const decider = await apiAs(request, ACCOUNTS.decider);
  const draft = await lead.call('post', '/applications', {
    programmeId,
    title: 'Nærvær om aftenen',
    purpose: 'Borgerne på plejecentrene skal have faste aftenvagter, der har tid til at tale med dem og deres pårørende.',
    activities: ['Faste aftenteams på to plejecentre'],
    themes: ['livskvalitet'],
    requestedOre: 250_000_000,
    plannedStart: '2027-01-01',
    plannedEnd: '2027-12-31',
  });
  const submitted = await lead.call('post', `/applications/${draft.id}/submit`);
  const caseNumber = submitted.caseNumber as string;
  await assessor.call('put', `/applications/${draft.id}/assessment`, {
    ratings: [
      { criterionKey: 'understoetter-puljens-formaal', rating: 4, rationale: 'Projektet styrker nærværet om aftenen.' },
      { criterionKey: 'forankring', rating: 4, rationale: 'Ledelsen har afsat tid til projektet.' },
    ],
    summary: 'Et velbeskrevet projekt.',
    recommendation: 'award',
    recommendedOre: 250_000_000,
  });
  await assessor.call('post', `/applications/${draft.id}/assessment/complete`);
  await decider.call('post', `/applications/${draft.id}/decision`, {
    outcome: 'award',
    amountOre: 250_000_000,
    startDate: '2027-01-01',
    endDate: '2027-12-31',
  });
  // Its first instalment (50 %) approved by another caseworker; the administrator records the payment
  // on the case page, and the ledger shows it paid.
  const { awardId } = await lead.call('get', `/applications/${draft.id}/decision`);
  const [first] = await assessor.call('get', `/awards/${awardId}/payments`);
  await assessor.call('post', `/payments/${first.id}/approve`);
  const ledgerUrl = page.url();
  await page.goto(`/sager/${draft.id}`);
  await expect(page.getByRole('button', { name: /Godkend rate/ })).toHaveCount(0);
  await page.getByRole('button', { name: 'Registrér udbetaling af rate 1' }).click();
  await expect(page.getByLabel('Betalingsreference')).toBeFocused();
  // Sent without its reference: the error summary at the form's top links to the field (which has an
  // id of its own, one form per instalment), and the link takes the keyboard there.
  await page.getByRole('button', { name: 'Registrér udbetalingen' }).click();
  await page
    .getByRole('alert')
    .getByRole('link', { name: /^Betalingsreference:/ })
    .first()
    .click();
  await expect(page.getByLabel('Betalingsreference')).toBeFocused();
  await page.getByLabel('Betalingsreference').fill('NAV-BROWSER-1');
  await page.getByLabel('Udbetalt den').fill('2026-12-01');
  await expectKeyboardComplete(page, 'admin-04-udbetaling');
  await page.getByRole('button', { name: 'Registrér udbetalingen' }).click();
  await expect(page.getByTestId('rater')).toContainText('ref. NAV-BROWSER-1');
  await lookAt(page, 'admin-04-udbetaling');
  await page.goto(ledgerUrl);
  await expect(page.getByTestId('graf-budget')).toHaveAttribute(
    'aria-label',
    /Bevilget 2\.500\.000 kr\. af et budget med reguleringer på 6\.000\.000 kr\.; 3\.500\.000 kr\. tilbage/,
  );
  await expect(page.getByTestId('regnskab-tal')).toContainText('3.500.000 kr.');
  await expect(page.getByTestId('regnskab-udbetalt')).toContainText('1.250.000 kr.');
  await expect(page.getByRole('button', { name: 'Hent betalingsfil (CSV)' })).toBeVisible();
  await expect(page.getByTestId('graf-udbetalt')).toHaveAttribute('aria-label', /Af 2\.500\.000 kr\. bevilget er 1\.250\.000 kr\. udbetalt/);
  await expect(page.getByTestId('pr-kommune')).toContainText('Aarhus');
  await expect(page.getByTestId('pr-tema')).toContainText('Livskvalitet');
  await expect(page.getByTestId('tilsagn')).toContainText(caseNumber);
  await expect(page.getByTestId('graf-kommuner')).toBeVisible();
  await lookAt(page, 'admin-04-regnskab');

  // The 2020 pool: both deviations from its rules, in Danish, and its files.
  await page.getByRole('link', { name: 'Puljer', exact: true }).first().click();
  await page.getByRole('link', { name: 'Se regnskab for ÆLD-2020' }).click();
  const deviations = page.getByTestId('afvigelser');
  await expect(deviations).toContainText('2 afvigelser fra puljens regler');
  await expect(deviations).toContainText('Der er givet tilsagn for 246.000.000 kr., 1.000.000 kr. mere end budgettet med reguleringer (245.000.000 kr.)');
  await expect(deviations).toContainText('Brønderslev Kommune');
  await expect(deviations).toContainText('under puljens mindstebeløb på 5.000.000 kr.');
  await expect(page.getByTestId('tilsagn').getByRole('row')).toHaveCount(32);
  await lookAt(page, 'admin-05-regnskab-2020');
  const csv = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent tilsagn som CSV' }).click();
  expect((await csv).suggestedFilename()).toBe('tilsagn-ÆLD-2020.csv');
  const pdf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Hent den offentliggjorte oversigt (PDF)' }).click();
  expect((await pdf).suggestedFilename()).toBe('tilsagnsoversigt-ÆLD-2020.pdf');

  // The audit trail finds the case's events, and the chain is intact.
  await page.getByRole('link', { name: 'Revisionsspor' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Revisionsspor' })).toBeVisible();
  await page.getByLabel('Sag', { exact: true }).fill('INGEN-2020-9999');
  await page.getByRole('button', { name: 'Søg' }).click();
  await expect(page.locator('#felt-caseNumber-error')).toContainText('ingen sag har det sagsnummer');
  await page.getByLabel('Sag', { exact: true }).fill(caseNumber);
  await page.getByRole('button', { name: 'Søg' }).click();
  await expect(page.getByTestId('haendelse').first()).toBeVisible();
  const events = page.getByTestId('haendelse');
  await expect(events.filter({ hasText: 'application.submitted' })).toHaveCount(1);
  await expect(events.filter({ hasText: 'application.awarded' })).toHaveCount(1);
  // Each in words, the API's own sentence, with who did it.
  await expect(events.filter({ hasText: 'application.awarded' }).getByRole('heading')).toHaveText('Tilsagn givet: 2.500.000 kr.');
  await expect(events.filter({ hasText: 'application.awarded' })).toContainText('Demo Sagsbehandler 2 (sagsbehandler)');
  await expect(events.filter({ hasText: 'application.submitted' }).getByRole('heading')).toHaveText('Ansøgning indsendt');
  await page.getByRole('button', { name: 'Kontrollér kæden' }).click();
  await expect(page.getByTestId('kontrol-resultat')).toContainText('Kæden er intakt');
  await expect(page.getByTestId('kontrol-resultat')).toContainText(/\d+ hændelser er kontrolleret/);
  await lookAt(page, 'admin-06-revisionsspor');

  // A user: created, signs in, is deactivated, and can no longer sign in.
  await page.getByRole('link', { name: 'Brugere' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Brugere' })).toBeVisible();
  await page.getByRole('button', { name: 'Opret bruger' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Der er problemer' })).toBeVisible();
  const email = `ny.projektleder.${code.toLowerCase()}@odder.dk`;
  const password = 'en lang og hemmelig sætning';
  await page.getByLabel('Navn', { exact: true }).fill('Nina Nielsen');
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Projektleder' });
  await page.getByLabel('Kommune', { exact: true }).selectOption({ label: 'Odder Kommune' });
  await page.getByLabel('Adgangskode').fill(password);
  await page.getByRole('button', { name: 'Opret bruger' }).click();
  await expect(page.getByTestId('bruger-oprettet')).toContainText('Nina Nielsen er oprettet');
  const row = page.getByTestId('brugere').getByRole('row').filter({ hasText: email });
  await expect(row).toContainText('Projektleder, Odder Kommune');
  await expect(row).toContainText('Aldrig');

  const nina = await otherBrowser(browser);
  await signIn(nina.page, email, password);
  await expect(nina.page.getByRole('heading', { level: 1, name: 'Mine sager' })).toBeVisible();
  await page.reload();
  await page.getByLabel('Søg på navn eller e-mail').fill(email);
  await expect(page.getByTestId('brugere').getByRole('row')).toHaveCount(2);
  await expect(row).not.toContainText('Aldrig');
  await row.getByRole('button', { name: 'Deaktivér Nina Nielsen' }).click();
  await expect(page.getByTestId('bruger-handling')).toContainText('Nina Nielsen er deaktiveret');
  await expect(page.getByTestId(`status-${email}`)).toContainText('Deaktiveret');
  await lookAt(page, 'admin-07-brugere');
  await signIn(nina.page, email, password);
  await expect(nina.page.getByRole('alert')).toBeVisible();
  await expect(nina.page.getByRole('heading', { level: 1, name: 'Mine sager' })).toBeHidden();
  await nina.context.close();

  // The reminders the decision planned.
  await page.getByRole('link', { name: 'Påmindelser' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Påmindelser og leverancer' })).toBeVisible();
  await expect(page.getByTestId('paamindelser')).toBeVisible();
  await page.getByLabel('Status').selectOption({ label: 'Planlagt' });
  await expect(page.getByTestId('paamindelser').getByRole('row').nth(1)).toContainText('Planlagt');
  await lookAt(page, 'admin-08-paamindelser');

  // A caseworker is kept out of the administrator's pages.
  const caseworker = await otherBrowser(browser);
  await signIn(caseworker.page, ACCOUNTS.assessor);
  await expect(caseworker.page.getByRole('heading', { level: 1, name: 'Arbejdsliste' })).toBeVisible();
  await expect(caseworker.page.getByRole('link', { name: 'Revisionsspor' })).toHaveCount(0);
  await caseworker.page.goto('/puljer');
  for (const path of ['/puljer', `/puljer/${programmeId}/regnskab`, '/revisionsspor', '/brugere', '/paamindelser']) {
    await navigate(caseworker.page, path);
    await expect(caseworker.page.getByTestId('ingen-adgang')).toContainText('Siden er for administratorer');
  }
  await lookAt(caseworker.page, 'admin-09-ingen-adgang');
  await caseworker.context.close();
});

/** Every administrator's page by keyboard alone: each control reached by Tab, and the main actions done with Enter. */
test('an administrator reaches and uses every control of the pages by keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, ACCOUNTS.admin);
  await expect(page.getByRole('heading', { level: 1, name: 'Puljer' })).toBeVisible();
  const href = await page.getByRole('link', { name: 'Pulje til at styrke omsorg og nærvær i ældreplejen' }).getAttribute('href');
  const pool2020 = /puljer\/([0-9a-f-]{36})/.exec(href!)![1];

  for (const [path, heading] of [
    ['/puljer', 'Puljer'],
    ['/puljer/ny', 'Opret pulje'],
    [`/puljer/${pool2020}`, 'Pulje til at styrke omsorg og nærvær i ældreplejen'],
    [`/puljer/${pool2020}/regnskab`, 'Regnskab for Pulje til at styrke omsorg og nærvær i ældreplejen'],
    ['/revisionsspor', 'Revisionsspor'],
    ['/brugere', 'Brugere'],
    ['/paamindelser', 'Påmindelser og leverancer'],
  ] as const) {
    await navigate(page, path);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByText('Henter')).toHaveCount(0);
    await expectKeyboardComplete(page, path);
  }

  // The chain verified with Enter; all events shown with Enter.
  await navigate(page, '/revisionsspor');
  await page.getByRole('button', { name: 'Kontrollér kæden' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('kontrol-resultat')).toContainText('Kæden er intakt');
  await page.getByRole('button', { name: 'Vis alle hændelser' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('haendelse').first()).toBeVisible();

  // A theme added with Enter puts focus in its field; its key follows its name.
  await navigate(page, '/puljer/ny');
  await page.getByRole('button', { name: 'Tilføj tema' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Navn på tema 2')).toBeFocused();
  await page.keyboard.type('Pårørende');
  await expect(page.getByLabel('Nøgle for tema 2')).toHaveValue('paaroerende');
  // An error summary's link takes focus to its field.
  await page.getByRole('button', { name: 'Opret pulje' }).focus();
  await page.keyboard.press('Enter');
  const link = page.getByRole('link', { name: /^Kode:/ });
  await expect(link).toBeVisible();
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Kode')).toBeFocused();
});
