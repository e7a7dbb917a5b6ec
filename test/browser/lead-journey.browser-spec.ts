import { expect, type Page, test } from '@playwright/test';
import { ACCOUNTS, apiAs, DEMO_PASSWORD, expectKeyboardComplete, lookAt, uniqueCode } from './support.js';

const CRITERIA = [
  { key: 'formaal', title: 'Understøtter puljens formål', description: 'Omsorg og nærvær' },
  { key: 'forankring', title: 'Forankring og ressourcer', description: 'Ledelsesforankring' },
];

async function signIn(page: Page, email: string) {
  await page.goto('/log-ind');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Adgangskode').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Mine sager' })).toBeVisible();
}

/**
 * A kommune's project lead, the whole way, in a browser against the system as `npm start` runs it:
 * sign in → draft → a stale save → submit → receipt → the decision a caseworker made → a report
 * submitted, returned and resubmitted → an extension requested and withdrawn → the inbox → sign out;
 * another kommune finds nothing. Every page is checked with axe and photographed at two widths.
 */
test('a project lead applies, reads the decision, reports and asks for an extension', async ({ page, request, browser }) => {
  const admin = await apiAs(request, ACCOUNTS.admin);
  const programmeName = `Browserpulje ${uniqueCode()}`;
  const programme = await admin.call('post', '/programmes', {
    code: uniqueCode(),
    name: programmeName,
    budgetOre: 50_000_000_000,
    minApplicationOre: 100_000_000,
    applicationOpensAt: '2026-01-01T00:00',
    applicationClosesAt: '2099-12-31T12:00',
    decisionMode: 'rolling',
    themes: [
      { key: 'livskvalitet', name: 'Livskvalitet' },
      { key: 'ensomhed', name: 'Ensomhed' },
    ],
    criteria: CRITERIA,
    legalBasis: 'Aktstykke om puljen (browsertest)',
    appealGuidance: 'Afgørelsen kan ikke påklages til anden administrativ myndighed.',
  });

  // Sign in.
  await page.goto('/log-ind');
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');
  await lookAt(page, '01-log-ind');
  await page.getByLabel('E-mail').fill(ACCOUNTS.lead);
  await page.getByLabel('Adgangskode').fill('forkert adgangskode');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('alert')).toContainText(/adgangskode/i);
  await signIn(page, ACCOUNTS.lead);
  await lookAt(page, '02-mine-sager');

  // A draft.
  await page.getByRole('link', { name: 'Start en ny ansøgning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ny ansøgning' })).toBeVisible();
  await page.getByLabel('Pulje').selectOption(programme.id);
  await page.getByLabel('Projektets titel').fill('Nærvær i hjemmeplejen i Aarhus');
  await page.getByLabel('Formål').fill('Borgerne i hjemmeplejen skal mødes af faste medarbejdere, der har tid til nærvær.');
  await page.getByLabel('Livskvalitet').check();
  if (!(await page.getByLabel('Aktivitet 1').isVisible())) await page.getByRole('button', { name: 'Tilføj aktivitet' }).click();
  await page.getByLabel('Aktivitet 1').fill('Faste teams i to distrikter');
  await page.getByLabel('Ansøgt beløb i kroner').fill('2.500.000,50');
  await page.getByLabel('Projektstart').fill('2026-01-01');
  await page.getByLabel('Projektslut').fill('2027-12-31');
  // The applicant and the budget: a CVR number with its check digit, one line for the whole amount.
  await page.getByLabel('Kommunens CVR-nummer (valgfrit)').fill('55133018');
  await page.getByRole('button', { name: 'Tilføj budgetlinje' }).click();
  await page.getByLabel('Budgetlinje 1').fill('Faste teams i to distrikter');
  await page.getByLabel('Beløb, linje 1').fill('2.500.000,50');
  await expect(page.getByTestId('budget-sum')).toHaveText('I alt 2.500.000,50 kr.');
  await lookAt(page, '03-ny-ansoegning');
  await expectKeyboardComplete(page, '03-ny-ansoegning');
  await page.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(page).toHaveURL(/\/ansoegninger\/[0-9a-f-]{36}\/rediger$/);
  const applicationId = /ansoegninger\/([0-9a-f-]{36})/.exec(page.url())![1];

  // Someone else changes the draft meanwhile: the next save says so and offers the newest version.
  const lead = await apiAs(request, ACCOUNTS.lead);
  const draft = await lead.call('get', `/applications/${applicationId}`);
  expect(draft).toMatchObject({
    requestedOre: 250_000_050,
    status: 'draft',
    cvr: '55133018',
    budgetLines: [{ label: 'Faste teams i to distrikter', amountOre: 250_000_050 }],
  });
  await lead.call('patch', `/applications/${applicationId}`, { version: draft.version, title: 'Nærvær i hjemmeplejen i Aarhus Kommune' });
  await page.getByLabel('Projektets titel').fill('Nærvær i hjemmeplejen, ny titel');
  await page.getByRole('button', { name: 'Gem kladde' }).click();
  await expect(page.getByRole('heading', { name: 'Ændret af en anden' })).toBeVisible();
  await lookAt(page, '04-aendret-af-en-anden');
  await page.getByRole('button', { name: 'Hent nyeste udgave' }).click();
  await expect(page.getByLabel('Projektets titel')).toHaveValue('Nærvær i hjemmeplejen i Aarhus Kommune');

  // Summary, submission and the receipt.
  await page.getByRole('button', { name: 'Gem og gå til opsummering' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tjek din ansøgning, før du indsender' })).toBeVisible();
  // The budget attached to the draft; its journal number comes with the submission.
  await page.getByLabel('Dokumenttype').selectOption({ label: 'Budget' });
  await page.getByLabel('Fil').setInputFiles({
    name: 'budget.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% budget\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  });
  await page.getByRole('button', { name: 'Upload dokumentet' }).click();
  await expect(page.getByTestId('dokumentliste')).toContainText('budget.pdf');
  await expect(page.getByTestId('dokumentliste')).toContainText('Gives ved indsendelsen');
  await lookAt(page, '05-opsummering');
  await expectKeyboardComplete(page, '05-opsummering');
  await page.getByRole('button', { name: 'Indsend ansøgning' }).click();
  await expect(page.getByText('Ansøgningen er modtaget')).toBeVisible();
  const caseNumber = (await page.getByTestId('sagsnummer').textContent())!.trim();
  expect(caseNumber).toMatch(/^[A-ZÆØÅ]+-2026-\d{4}$/);
  await lookAt(page, '06-kvittering');

  // A caseworker assesses and another decides, through the API.
  const assessor = await apiAs(request, ACCOUNTS.assessor);
  const decider = await apiAs(request, ACCOUNTS.decider);
  await assessor.call('put', `/applications/${applicationId}/assessment`, {
    ratings: CRITERIA.map((criterion) => ({ criterionKey: criterion.key, rating: 4, rationale: `Projektet lever op til: ${criterion.title}.` })),
    summary: 'Et velbeskrevet projekt med klar forankring.',
    recommendation: 'award',
    recommendedOre: 250_000_050,
  });
  await assessor.call('post', `/applications/${applicationId}/assessment/complete`);
  await decider.call('post', `/applications/${applicationId}/decision`, {
    outcome: 'award',
    amountOre: 250_000_050,
    startDate: '2026-01-01',
    endDate: '2027-12-31',
  });

  // The lead reads the decision on the case.
  await page.goto(`/sager/${applicationId}`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(caseNumber);
  await expect(page.getByRole('heading', { name: 'Afgørelse' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Hent tilsagnsbrevet (PDF)' })).toBeVisible();
  await expect(page.getByTestId('dokumentliste')).toContainText(`${caseNumber}-001`);
  await lookAt(page, '07-sag');

  // A report: submitted, returned by a caseworker, resubmitted.
  await page.getByRole('link', { name: 'Rapporter' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rapporter' })).toBeVisible();
  await lookAt(page, '08-rapporter');
  await page
    .getByRole('link', { name: /Statusrapport/ })
    .first()
    .click();
  await page.getByLabel('Hvad er der sket i perioden').fill('To faste teams er i gang, og borgerne møder færre forskellige medarbejdere.');
  if (!(await page.getByLabel('Milepæl 1').isVisible())) await page.getByRole('button', { name: 'Tilføj milepæl' }).click();
  await page.getByLabel('Milepæl 1').fill('Første team i drift');
  await page.getByLabel('Forbrug til dato i kroner').fill('400.000');
  // An annex to the report, attached before it is sent.
  await page.getByLabel('Dokumenttype').selectOption({ label: 'Bilag til rapport' });
  await page.getByLabel('Fil').setInputFiles({
    name: 'evaluering.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n% evaluering\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  });
  await page.getByRole('button', { name: 'Upload dokumentet' }).click();
  await expect(page.getByTestId('dokumentliste')).toContainText('evaluering.pdf');
  await lookAt(page, '09-rapport');
  await page.getByRole('button', { name: 'Indsend rapport' }).click();
  await expect(page.getByRole('heading', { name: 'Indsendelser' })).toBeVisible();
  const { awardId } = await decider.call('get', `/applications/${applicationId}/decision`);
  const [statusReport] = await decider.call('get', `/awards/${awardId}/reports`);
  await decider.call('post', `/reports/${statusReport.id}/review`, { outcome: 'return', comment: 'Skriv forbruget fordelt på de to teams.' });
  await page.reload();
  await expect(page.getByTestId('sendt-retur')).toContainText('Skriv forbruget fordelt på de to teams.');
  await lookAt(page, '10-rapport-retur');
  await page.getByRole('button', { name: 'Indsend rapport' }).click();
  await expect
    .poll(async () => {
      const read = await decider.call('get', `/reports/${statusReport.id}`);
      return read.status ?? read.report?.status;
    })
    .toBe('submitted');

  // A COVID-19 extension: requested, then withdrawn while undecided.
  await page.goto(`/sager/${applicationId}/forlaengelse`);
  await expect(page.getByRole('heading', { level: 1, name: 'Forlængelse på grund af COVID-19' })).toBeVisible();
  await page.getByLabel('Antal måneder').selectOption({ label: '2 måneder' });
  await page.getByLabel('Begrundelse').fill('Smitteudbruddet på plejecentret udskød afprøvningen i to måneder.');
  await page.getByRole('button', { name: 'Send anmodning' }).click();
  const withdraw = page.getByRole('button', { name: 'Træk anmodningen om 2 måneder tilbage' });
  await expect(withdraw).toBeVisible();
  await lookAt(page, '11-forlaengelse');
  await withdraw.click();
  await expect(withdraw).toBeHidden();

  // The inbox has the receipt and the decision.
  await page
    .getByRole('link', { name: /Notifikationer/ })
    .first()
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Notifikationer' })).toBeVisible();
  await expect(page.getByText(caseNumber).first()).toBeVisible();
  await lookAt(page, '12-notifikationer');

  // Another kommune's project lead: the case does not exist for them.
  const { baseURL, locale, timezoneId, viewport } = test.info().project.use;
  const otherContext = await browser.newContext({ baseURL, locale, timezoneId, viewport });
  const other = await otherContext.newPage();
  await signIn(other, ACCOUNTS.otherLead);
  await other.goto(`/sager/${applicationId}`);
  await expect(other.getByRole('heading', { level: 1, name: 'Sagen findes ikke' })).toBeVisible();
  await lookAt(other, '13-sagen-findes-ikke');
  await otherContext.close();

  // Sign out.
  await page.getByRole('button', { name: 'Log ud' }).first().click();
  await expect(page).toHaveURL(/\/log-ind/);
  await page.goto(`/sager/${applicationId}`);
  await expect(page).toHaveURL(/\/log-ind/);
});
