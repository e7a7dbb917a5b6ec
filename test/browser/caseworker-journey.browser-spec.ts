import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { extractText } from 'unpdf';
import { ACCOUNTS, apiAs, expectKeyboardComplete, lookAt, programmeBody, signedIn, uniqueCode } from './support.js';

const CRITERIA = [
  { key: 'formaal', title: 'Understøtter puljens formål', description: 'Omsorg og nærvær i hverdagen' },
  { key: 'forankring', title: 'Forankring og ressourcer', description: 'Ledelsesforankring og bemanding' },
];

/** The people's browsers keep what they download: the decision letter is read from its PDF. */
const DOWNLOADS = { acceptDownloads: true };

/**
 * The ministry's side of a case, in browsers against the system as `npm start` runs it: caseworker 1
 * finds a new application in the worklist, takes it and assesses it (saved as it goes); caseworker 1
 * cannot decide it and the page says why; caseworker 2 finds it under "Til afgørelse", previews the
 * letter, has a boilerplate rationale for a partial award refused and then a real one accepted; the
 * project lead sees the decision; a report is returned and then approved; an extension is approved
 * for fewer months than asked and the award's end moves on the page; a request for aktindsigt is
 * registered on the case, found in the worklist's queue past its deadline, and answered. Every page:
 * axe and screenshots.
 */
test('caseworkers assess, decide under four eyes, review a report and decide an extension', async ({ browser, request }) => {
  const admin = await apiAs(request, ACCOUNTS.admin);
  const lead = await apiAs(request, ACCOUNTS.lead);
  const programme = await admin.call(
    'post',
    '/programmes',
    programmeBody({
      name: `Sagsbehandlerpulje ${uniqueCode()}`,
      // 2.500.000 kr.: less than the 3.000.000 kr. applied for, so the decision page has a budget to explain.
      budgetOre: 250_000_000,
      applicationOpensAt: '2026-01-01T00:00',
      criteria: CRITERIA,
    }),
  );
  const draft = await lead.call('post', '/applications', {
    programmeId: programme.id,
    title: 'Faste teams i hjemmeplejen i Aarhus',
    purpose: 'Borgerne i hjemmeplejen skal mødes af faste medarbejdere, der har tid til nærvær og samtale.',
    themes: ['livskvalitet'],
    activities: ['Faste teams i to distrikter', 'Supervision af teamlederne'],
    requestedOre: 300_000_000,
    plannedStart: '2026-01-01',
    plannedEnd: '2027-12-31',
  });
  const submitted = await lead.call('post', `/applications/${draft.id}/submit`);
  const caseNumber: string = submitted.caseNumber;
  const applicationId: string = draft.id;

  // Caseworker 1: the worklist, narrowed to the programme and searched by the case number.
  const assessor = await signedIn(browser, ACCOUNTS.assessor, 'Arbejdsliste', DOWNLOADS);
  await expect(assessor.getByTestId('antal-vurdering')).toHaveText(/^\d+$/);
  await assessor.getByLabel('Pulje').selectOption(programme.id);
  await assessor.getByLabel('Søg').fill(caseNumber);
  await assessor.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(assessor).toHaveURL(/q=/);
  await expect(assessor.getByTestId('antal-vurdering')).toHaveText('1');
  await expect(assessor.getByTestId('arbejdsliste')).toContainText('Faste teams i hjemmeplejen i Aarhus');
  await lookAt(assessor, 'cw-01-arbejdsliste');
  await expectKeyboardComplete(assessor, 'cw-01-arbejdsliste');
  await assessor.getByRole('link', { name: caseNumber }).click();
  await expect(assessor.getByRole('heading', { level: 1 })).toContainText(caseNumber);
  await assessor.getByRole('button', { name: 'Tildel mig sagen' }).click();
  await expect(assessor.getByTestId('tildelt')).toContainText('dig');
  await expect(assessor.getByTestId('sagsforloeb')).toContainText('Ansøgning indsendt');
  await lookAt(assessor, 'cw-02-sag');
  await expectKeyboardComplete(assessor, 'cw-02-sag');

  // The assessment: "afslut" first says what is missing; then filled in, saved as it goes, completed.
  await assessor.getByRole('link', { name: 'Start vurderingen' }).click();
  await expect(assessor.getByRole('heading', { level: 1, name: 'Vurdering' })).toBeVisible();
  await assessor.getByRole('button', { name: 'Afslut vurdering' }).click();
  const missing = assessor.getByRole('alert');
  await expect(missing).toContainText('Point for »Understøtter puljens formål«');
  await expect(missing).toContainText('Resumé');
  await lookAt(assessor, 'cw-03-vurdering-mangler');
  for (const criterion of CRITERIA) {
    await assessor
      .getByRole('group', { name: `Point for »${criterion.title}«` })
      .getByLabel('4')
      .check();
    await assessor.getByLabel(`Begrundelse for »${criterion.title}«`).fill(`Projektet lever godt op til kriteriet »${criterion.title}« med en konkret plan.`);
  }
  await assessor.getByLabel('Resumé').fill('Et velbeskrevet projekt med klar forankring; beløbet til supervision er sat for højt.');
  await assessor.getByLabel('Bevilling').check();
  await assessor.getByLabel('Indstillet beløb i kroner').fill('2.000.000');
  await expect(assessor.getByTestId('gem-status')).toContainText('Gemt kl.', { timeout: 15_000 });
  const saved = await (await apiAs(request, ACCOUNTS.assessor)).call('get', `/applications/${applicationId}/assessment`);
  expect(saved).toMatchObject({ recommendation: 'award', recommendedOre: 200_000_000, completedAt: null });
  expect(saved.ratings).toHaveLength(2);
  await lookAt(assessor, 'cw-04-vurdering');
  await expectKeyboardComplete(assessor, 'cw-04-vurdering');
  await assessor.getByRole('button', { name: 'Afslut vurdering' }).click();
  await expect(assessor.getByTestId('vurdering-afsluttet')).toBeVisible();

  // Caseworker 1 may not decide their own assessment, and the page says why.
  await assessor.goto(`/sager/${applicationId}/afgoerelse`);
  await expect(assessor.getByTestId('firoejne')).toContainText('firøjneprincippet');
  await expect(assessor.getByRole('button', { name: /Træf afgørelse/ })).toHaveCount(0);
  await lookAt(assessor, 'cw-05-afgoerelse-firoejne');

  // Caseworker 2 finds it under "Til afgørelse".
  const decider = await signedIn(browser, ACCOUNTS.decider, 'Arbejdsliste', DOWNLOADS);
  await decider.getByRole('link', { name: /Til afgørelse/ }).click();
  await decider.getByLabel('Pulje').selectOption(programme.id);
  await decider.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(decider.getByTestId('antal-afgoerelse')).toHaveText('1');
  await decider.getByRole('link', { name: caseNumber }).click();
  await decider.getByRole('link', { name: 'Træf afgørelse' }).click();
  await expect(decider.getByRole('heading', { level: 1, name: 'Afgørelse' })).toBeVisible();
  await expect(decider.getByTestId('tilbage-i-puljen')).toHaveText('2.500.000 kr.');
  await decider.getByLabel('Bevilling af en del af beløbet').check();
  await decider.getByLabel('Bevilget beløb i kroner').fill('2.000.000');
  await expect(decider.getByTestId('klagevejledning')).toContainText('kan ikke påklages');
  await expect(decider.getByTestId('paragraf-24')).toContainText('hovedhensyn');

  // An amount above what is left is explained before anything is sent.
  await decider.getByLabel('Bevilget beløb i kroner').fill('2.999.999');
  await expect(decider.getByTestId('budget-rakker-ikke')).toContainText('overskride budgettet med 499.999 kr.');
  await lookAt(decider, 'cw-06-afgoerelse-budget');

  // Boilerplate is refused at the field.
  await decider.getByLabel('Bevilget beløb i kroner').fill('2.000.000');
  await expect(decider.getByTestId('budget-rakker-ikke')).toHaveCount(0);
  await decider.getByLabel('Begrundelse').fill('Ansøgningen imødekommes delvist. Der henvises til vurderingen.');
  await decider.getByRole('button', { name: 'Træf afgørelse og send brevet' }).click();
  await expect(decider.getByRole('alert').first()).toContainText('Begrundelse');
  await expect(decider.locator('#felt-rationale-error')).toContainText('hovedhensyn');
  await lookAt(decider, 'cw-07-afgoerelse-standardtekst');

  // The letter, previewed before it is sent; nothing is sent by that.
  const rationale =
    'Projektet får tilsagn til de faste teams, som vurderingen finder velbeskrevne og forankrede. Udgiften til ekstern supervision på 1.000.000 kr. dækkes ikke, fordi puljen prioriterer direkte borgerrettede aktiviteter.';
  await decider.getByLabel('Begrundelse').fill(rationale);
  const [download] = await Promise.all([decider.waitForEvent('download'), decider.getByRole('button', { name: 'Se brevet før afsendelse (PDF)' }).click()]);
  // Kept beside the screenshots, to be looked at as they are (pdftoppm -png).
  await download.saveAs('test-results/screenshots/cw-udkast-til-brev.pdf');
  const { text } = await extractText(new Uint8Array(readFileSync('test-results/screenshots/cw-udkast-til-brev.pdf')), { mergePages: true });
  expect(text).toContain('UDKAST');
  expect(text.replace(/\s+/g, ' ')).toContain('2.000.000 kr.');
  await expect(decider.getByTestId('udkast-hentet')).toBeVisible();
  expect((await admin.call('get', `/applications/${applicationId}`)).status).toBe('assessed');
  await lookAt(decider, 'cw-08-afgoerelse');
  await expectKeyboardComplete(decider, 'cw-08-afgoerelse');
  await decider.getByRole('button', { name: 'Træf afgørelse og send brevet' }).click();
  await expect(decider.getByRole('heading', { level: 1 })).toContainText(caseNumber);
  await expect(decider.getByTestId('afgoerelse-sendt')).toContainText('sendt');
  await expect(decider.getByTestId('afgoerelse-udfald')).toContainText('2.000.000 kr.');
  await expect(decider.getByTestId('sagsforloeb')).toContainText('Vurdering afsluttet');
  await lookAt(decider, 'cw-09-sag-afgjort');

  // The case file, as handed over on a request for access: a zip with the documents and the akt-liste.
  const [caseFile] = await Promise.all([decider.waitForEvent('download'), decider.getByRole('button', { name: 'Hent sagens akter (zip)' }).click()]);
  await caseFile.saveAs('test-results/screenshots/cw-sagens-akter.zip');
  const entries = execFileSync('unzip', ['-Z1', 'test-results/screenshots/cw-sagens-akter.zip'], { encoding: 'utf8' });
  expect(entries).toContain('akt-liste.csv');
  expect(entries).toContain('akt-liste.pdf');
  expect(entries).toMatch(/kvittering/);

  // The project lead sees the decision on their case.
  const leadPage = await signedIn(browser, ACCOUNTS.lead, 'Mine sager', DOWNLOADS);
  await leadPage.goto(`/sager/${applicationId}`);
  await expect(leadPage.getByTestId('afgoerelse-udfald')).toContainText('2.000.000 kr.');
  await expect(leadPage.getByTestId('begrundelse')).toContainText('ekstern supervision');

  // The money: the award made the first instalment (50 %) payable. The decider may not approve it (four
  // eyes); the assessor finds it in the worklist's queue, approves it and records the payment; the
  // kommune sees it paid.
  await expect(decider.getByTestId('rater')).toContainText('1.000.000 kr.');
  await expect(decider.getByTestId('rate-1-firoejne')).toBeVisible();
  await assessor.goto(`/?koe=udbetalinger&pulje=${programme.id}`);
  await expect(assessor.getByTestId('antal-udbetalinger')).toHaveText('1');
  await expect(assessor.getByTestId('arbejdsliste')).toContainText('1.000.000 kr.');
  await lookAt(assessor, 'cw-13-udbetalinger-koe');
  await assessor.getByRole('link', { name: caseNumber }).click();
  await expect(assessor.getByRole('heading', { level: 2, name: 'Udbetalinger' })).toBeFocused();
  await assessor.getByRole('button', { name: 'Godkend rate 1' }).click();
  await expect(assessor.getByTestId('rater')).toContainText('Godkendt til udbetaling af Demo Sagsbehandler 1');
  await expect(assessor.getByRole('heading', { level: 2, name: 'Udbetalinger' })).toBeFocused();
  // The administrator records the payment (segregation of duties): the caseworker is told it waits for it.
  await expect(assessor.getByTestId('rater')).toContainText('Afventer betaling fra økonomisystemet');
  await expect(assessor.getByRole('button', { name: /Registrér udbetaling/ })).toHaveCount(0);
  await expectKeyboardComplete(assessor, 'cw-14-udbetaling');
  const { awardId: paidAward } = await lead.call('get', `/applications/${applicationId}/decision`);
  const [rate1] = await admin.call('get', `/awards/${paidAward}/payments`);
  await admin.call('post', `/payments/${rate1.id}/paid`, { paidOn: '2026-12-01', reference: 'NAV-2026-000123' });
  await assessor.reload();
  await expect(assessor.getByTestId('rater')).toContainText('ref. NAV-2026-000123');
  await lookAt(assessor, 'cw-14-udbetaling');
  await leadPage.reload();
  await expect(leadPage.getByTestId('rater')).toContainText('Udbetalt');
  await expect(leadPage.getByTestId('udbetalinger-i-alt')).toContainText('1.000.000 kr.');
  await expect(leadPage.getByRole('button', { name: /Godkend rate/ })).toHaveCount(0);
  await lookAt(leadPage, 'cw-15-udbetalinger-kommunen');
  await leadPage.context().close();

  // A report: submitted by the kommune, returned with a comment, resubmitted, approved.
  const { awardId } = await lead.call('get', `/applications/${applicationId}/decision`);
  const [statusReport] = await lead.call('get', `/awards/${awardId}/reports`);
  const report = {
    narrative: 'To faste teams er i gang, og borgerne møder færre forskellige medarbejdere.',
    milestones: ['Første team i drift'],
    spentToDateOre: 40_000_000,
  };
  await lead.call('post', `/reports/${statusReport.id}/submit`, report);
  await decider.getByRole('link', { name: 'Arbejdsliste' }).first().click();
  await decider.getByRole('link', { name: /Rapporter til gennemgang/ }).click();
  await decider.getByLabel('Pulje').selectOption(programme.id);
  await decider.getByRole('button', { name: 'Vis', exact: true }).click();
  await decider.getByRole('link', { name: caseNumber }).click();
  await expect(decider.getByRole('heading', { level: 1, name: 'Statusrapport 1' })).toBeVisible();
  await expect(decider.getByTestId('tidslinje')).toContainText('Projektstart');
  await decider.getByLabel('Send rapporten retur til kommunen').check();
  await decider.getByLabel('Kommentar til kommunen').fill('Skriv forbruget fordelt på de to teams.');
  await lookAt(decider, 'cw-10-rapport-gennemgang');
  await expectKeyboardComplete(decider, 'cw-10-rapport-gennemgang');
  await decider.getByRole('button', { name: 'Send retur' }).click();
  await expect(decider.getByTestId('sendt-retur')).toBeVisible();
  await lead.call('post', `/reports/${statusReport.id}/submit`, {
    ...report,
    narrative: `${report.narrative} Team nord har brugt 250.000 kr., team syd 150.000 kr.`,
  });
  await decider.reload();
  await decider.getByLabel('Godkend rapporten').check();
  await decider.getByLabel('Kommentar til kommunen').fill('Tak for den uddybende rapport.');
  await decider.getByRole('button', { name: 'Godkend' }).click();
  await expect(decider.getByTestId('godkendt')).toBeVisible();
  // The approved status report made the second instalment (40 %) payable; its approver may not approve it.
  await decider.goto(`/sager/${applicationId}`);
  await expect(decider.getByTestId('rater')).toContainText('800.000 kr.');
  await expect(decider.getByTestId('rate-2-firoejne')).toBeVisible();

  // An extension of three months asked for; two approved; the award's end moves on the page.
  await lead.call('post', `/awards/${awardId}/extension-requests`, {
    months: 3,
    reason: 'covid19',
    justification: 'Smitteudbruddet på plejecentret udskød afprøvningen af de faste teams i tre måneder.',
  });
  await decider.goto(`/sager/${applicationId}/forlaengelse`);
  await expect(decider.getByTestId('nuvaerende-slutdato')).toHaveText('31. december 2027');
  await decider.getByLabel('Godkend forlængelsen (helt eller delvist)').check();
  await decider.getByLabel('Antal måneder, der godkendes').selectOption({ label: '2 måneder' });
  await expect(decider.getByTestId('ny-slutdato')).toContainText('29. februar 2028');
  await expect(decider.getByTestId('tidslinje')).toContainText('Ny slutdato, hvis 2 måneder godkendes');
  await decider
    .getByLabel('Begrundelse')
    .fill('To måneder dækker den periode, hvor plejecentret var lukket for besøg; den tredje måned er ikke begrundet i smitteudbruddet.');
  await lookAt(decider, 'cw-11-forlaengelse');
  await expectKeyboardComplete(decider, 'cw-11-forlaengelse');
  await decider.getByRole('button', { name: 'Træf afgørelse' }).click();
  await expect(decider.getByTestId('forlaengelse-afgjort')).toContainText('29. februar 2028');
  await expect(decider.getByTestId('nuvaerende-slutdato')).toHaveText('29. februar 2028');
  await expect(decider.getByTestId('tidslinje')).toContainText('Oprindelig slutdato');
  await lookAt(decider, 'cw-12-forlaengelse-afgjort');

  // Aktindsigt: a journalist's request, registered on the case (received before Easter, so its
  // deadline skips the holidays), found in the worklist's queue with its deadline, and answered.
  await decider.goto(`/sager/${applicationId}`);
  await decider.getByRole('button', { name: 'Registrér anmodning om aktindsigt' }).click();
  await expect(decider.getByLabel('Anmoder', { exact: true })).toBeFocused();
  await decider.getByLabel('Modtaget').fill('2026-03-31');
  await expectKeyboardComplete(decider, 'cw-16-aktindsigt-registrer');
  await decider.getByRole('button', { name: 'Registrér anmodningen' }).click();
  await expect(decider.getByTestId('aktindsigt-form').getByRole('alert')).toContainText('Anmoder');
  await expect(decider.getByTestId('aktindsigt-form').getByRole('alert')).toContainText('Art');
  await lookAt(decider, 'cw-16-aktindsigt-registrer-fejl');
  await decider.getByLabel('Anmoder', { exact: true }).fill('Jens Journalist');
  await decider.getByLabel('Anmoderens e-mail (valgfri)').fill('jens@avisen.dk');
  await decider.getByRole('radio', { name: /^Aktindsigt/ }).check();
  await decider.getByRole('button', { name: 'Registrér anmodningen' }).click();
  await expect(decider.getByTestId('aktindsigt-registreret')).toBeVisible();
  await expect(decider.getByTestId('aktindsigt')).toContainText('Aktindsigt for Jens Journalist');
  await expect(decider.getByTestId('aktindsigt')).toContainText('Frist 14. april 2026 (overskredet)');

  await decider.goto('/');
  await decider.getByRole('link', { name: /Aktindsigt/ }).click();
  await decider.getByLabel('Pulje').selectOption(programme.id);
  await decider.getByRole('button', { name: 'Vis', exact: true }).click();
  await expect(decider.getByTestId('antal-aktindsigt')).toHaveText('1');
  await expect(decider.getByTestId('overskredne-aktindsigt')).toContainText('heraf 1 over fristen');
  await expect(decider.getByTestId('arbejdsliste')).toContainText('Jens Journalist');
  await expect(decider.getByTestId('arbejdsliste')).toContainText('14. april 2026 (overskredet)');
  await lookAt(decider, 'cw-17-aktindsigt-koe');
  await decider.getByRole('link', { name: caseNumber }).click();
  await expect(decider.getByRole('heading', { level: 2, name: 'Aktindsigt' })).toBeFocused();
  await decider.getByRole('button', { name: 'Registrér svar' }).click();
  await decider.getByLabel('Hvordan anmodningen er besvaret').fill('Aktindsigt givet i ansøgning og afgørelse; kontaktpersoners oplysninger undtaget.');
  await decider.getByRole('button', { name: 'Registrér som besvaret' }).click();
  await expect(decider.getByTestId('aktindsigt-status')).toHaveText('Besvaret');
  await expect(decider.getByTestId('aktindsigt')).toContainText('kontaktpersoners oplysninger undtaget');
  await lookAt(decider, 'cw-18-aktindsigt-besvaret');
  await decider.goto(`/?koe=aktindsigt&pulje=${programme.id}`);
  await expect(decider.getByTestId('antal-aktindsigt')).toHaveText('0');
  await expect(decider.getByTestId('tom-liste')).toBeVisible();
  await decider.context().close();
  await assessor.context().close();
});

/** A project lead is not shown the caseworker's pages: the page says so rather than failing. */
test('a project lead cannot open the decision page', async ({ browser }) => {
  const lead = await signedIn(browser, ACCOUNTS.lead, 'Mine sager', DOWNLOADS);
  await lead.goto('/sager/00000000-0000-4000-8000-000000000000/afgoerelse');
  await expect(lead.getByRole('heading', { level: 1, name: 'Ingen adgang' })).toBeVisible();
  await expect(lead.getByTestId('ingen-adgang')).toContainText('sagsbehandlere');
  await lead.context().close();
});
