import { expect, test } from '@playwright/test';
import { ACCOUNTS, apiAs, expectKeyboardComplete, givenAwardedCase, lookAt, programmeBody, signedIn, uniqueCode } from './support.js';

const CRITERIA = [{ key: 'formaal', title: 'Understøtter puljens formål', description: 'Omsorg og nærvær i hverdagen' }];
const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1');

/**
 * The money after the award, in browsers: an award of 1.000.000 kr. (at the programme's threshold for an
 * auditor's statement) with its reports approved and its ready instalments paid is set up through the
 * API. The project lead files the final accounts, is told at the fields what is missing (the total, then
 * the auditor's statement, which they upload on the case); a caseworker finds them in the worklist and
 * returns them with a comment; the lead reads it and files again; the caseworker approves, having been
 * told what the approval will do; the settlement shows a repayment claim (more was paid than spent); the
 * claim is settled from the worklist's repayment queue; the close-out checklist says what is open and
 * then the case is closed. Every page: axe and screenshots.
 */
test('final accounts are filed, returned, filed again and approved; the claim is settled and the case closed', async ({ browser, request }) => {
  const admin = await apiAs(request, ACCOUNTS.admin);
  const lead = await apiAs(request, ACCOUNTS.lead);
  const assessor = await apiAs(request, ACCOUNTS.assessor);
  const decider = await apiAs(request, ACCOUNTS.decider);
  const programme = await admin.call(
    'post',
    '/programmes',
    programmeBody({ name: `Slutregnskabspulje ${uniqueCode()}`, budgetOre: 500_000_000, criteria: CRITERIA, auditorStatementThresholdOre: 100_000_000 }),
  );
  const { applicationId, awardId, caseNumber } = await givenAwardedCase({ lead, assessor, decider }, CRITERIA, {
    programmeId: programme.id,
    title: 'Nærvær på plejecentrene i Aarhus',
    purpose: 'Beboerne på plejecentrene skal have mere tid med faste medarbejdere og flere fælles aktiviteter.',
    themes: ['livskvalitet'],
    activities: ['Faste kontaktpersoner', 'Fælles aktiviteter om eftermiddagen'],
    requestedOre: 100_000_000,
    budgetLines: [
      { label: 'Løn til aktivitetsmedarbejdere', amountOre: 70_000_000 },
      { label: 'Kurser og materialer', amountOre: 30_000_000 },
    ],
    plannedStart: '2026-01-01',
    plannedEnd: '2026-11-30',
  });
  // The reports, submitted and approved (the award is then completed); each ready instalment approved and paid.
  for (const report of await lead.call('get', `/awards/${awardId}/reports`)) {
    await lead.call('post', `/reports/${report.id}/submit`, {
      narrative: 'Aktiviteterne er gennemført som planlagt.',
      milestones: ['Faste kontaktpersoner'],
      spentToDateOre: 30_000_000,
      deviations: 'Ingen.',
      nextSteps: 'Aktiviteterne fortsætter i driften.',
    });
    await decider.call('post', `/reports/${report.id}/review`, { outcome: 'approve', comment: 'Godkendt.' });
  }
  let paidOre = 0;
  for (const instalment of await lead.call('get', `/awards/${awardId}/payments`)) {
    if (instalment.status !== 'ready') continue;
    await assessor.call('post', `/instalments/${instalment.id}/approve`);
    await admin.call('post', `/payments/${instalment.id}/paid`, { paidOn: '2026-11-02', reference: `NAV-${instalment.sequence}` });
    paidOre += instalment.amountOre;
  }
  expect(paidOre).toBeGreaterThan(30_000_000);
  const claimOre = paidOre - 30_000_000;
  const kr = (ore: number) => `${new Intl.NumberFormat('da-DK').format(ore / 100)} kr.`;

  // The lead: the form, prefilled with the application's budget lines; sent empty, it says what is missing at the field.
  const leadPage = await signedIn(browser, ACCOUNTS.lead, 'Mine sager');
  await leadPage.goto(`/sager/${applicationId}#slutregnskab`);
  const form = leadPage.getByTestId('slutregnskab-form');
  await expect(form.getByLabel('Betegnelse').first()).toHaveValue('Løn til aktivitetsmedarbejdere');
  await expect(form.getByLabel('Budget', { exact: true }).nth(1)).toHaveValue('300.000');
  await expect(form.getByRole('group', { name: 'Revisorerklæring' })).toContainText('kræver en revisorerklæring for tilsagn på 1.000.000 kr. eller derover');
  await expectKeyboardComplete(leadPage, 'fa-01-slutregnskab-form');
  await form.getByRole('button', { name: 'Indsend slutregnskabet' }).click();
  await expect(leadPage.locator('#felt-spentOre-error')).toContainText('skal udfyldes');
  await expect(form.getByRole('alert')).toContainText('Forbrug i alt: skal udfyldes');
  await lookAt(leadPage, 'fa-01-slutregnskab-mangler');

  // Filled in, but without the auditor's statement: the API's Danish error at that field.
  await form.getByLabel('Forbrug i alt').fill('300.000');
  await form.getByLabel('Forbrug', { exact: true }).nth(0).fill('250.000');
  await form.getByLabel('Forbrug', { exact: true }).nth(1).fill('50.000');
  await expect(leadPage.getByTestId('linjesum')).toHaveText('Linjerne summer til 300.000 kr.');
  await form.getByRole('button', { name: 'Indsend slutregnskabet' }).click();
  await expect(leadPage.locator('#felt-auditorStatementDocumentId-error')).toContainText('skal angive tilsagnets revisorerklæring');
  await lookAt(leadPage, 'fa-02-slutregnskab-revisorerklaering-mangler');

  // Uploaded on the case's documents, chosen, filed.
  await leadPage.getByLabel('Dokumenttype').selectOption('auditor_statement');
  await leadPage.locator('#felt-file').setInputFiles({ name: 'revisorerklaering.pdf', mimeType: 'application/pdf', buffer: PDF });
  await leadPage.getByRole('button', { name: 'Upload dokumentet' }).click();
  await form.getByLabel('revisorerklaering.pdf').check();
  await form.getByLabel('Bemærkninger (valgfri)').fill('Kurserne blev billigere end budgetteret.');
  await form.getByRole('button', { name: 'Indsend slutregnskabet' }).click();
  await expect(leadPage.getByTestId('slutregnskab-status')).toContainText('venter på ministeriets gennemgang');
  await expect(leadPage.getByRole('heading', { level: 2, name: 'Slutregnskab' })).toBeFocused();
  await lookAt(leadPage, 'fa-03-slutregnskab-indsendt');

  // The caseworker finds them in the worklist, and returns them with a comment.
  const caseworker = await signedIn(browser, ACCOUNTS.assessor, 'Arbejdsliste');
  await caseworker.goto(`/?koe=slutregnskaber&pulje=${programme.id}`);
  await expect(caseworker.getByTestId('antal-slutregnskaber')).toHaveText('1');
  await expect(caseworker.getByTestId('arbejdsliste')).toContainText('300.000 kr.');
  await lookAt(caseworker, 'fa-04-slutregnskaber-koe');
  await caseworker.getByRole('link', { name: caseNumber }).click();
  await expect(caseworker.getByRole('heading', { level: 2, name: 'Slutregnskab' })).toBeFocused();
  await expect(caseworker.getByTestId('budgetlinjer-1')).toContainText('250.000 kr. under budget');
  const review = caseworker.getByTestId('gennemgang-form');
  await review.getByRole('button', { name: 'Gem gennemgangen' }).click();
  await expect(caseworker.locator('#felt-outcome-error')).toContainText('vælg');
  await review.getByLabel('Send slutregnskabet retur til kommunen').check();
  await review.getByLabel('Kommentar til kommunen').fill('Fordel lønnen på de to plejecentre, så vi kan se forbruget pr. center.');
  await expectKeyboardComplete(caseworker, 'fa-05-slutregnskab-gennemgang');
  await lookAt(caseworker, 'fa-05-slutregnskab-gennemgang');
  await review.getByRole('button', { name: 'Send retur' }).click();
  await expect(caseworker.getByTestId('slutregnskab-status')).toContainText('sendt retur');

  // The lead reads the comment and files again, the lines split as asked.
  await leadPage.reload();
  await expect(leadPage.getByTestId('retur-kommentar')).toContainText('Fordel lønnen på de to plejecentre');
  await expect(form.getByLabel('Forbrug i alt')).toHaveValue('300.000');
  await form.getByLabel('Betegnelse').first().fill('Løn, plejecenter Nord');
  await form.getByLabel('Forbrug', { exact: true }).nth(0).fill('150.000');
  await form.getByLabel('Budget', { exact: true }).nth(0).fill('400.000');
  await form.getByRole('button', { name: 'Tilføj en budgetlinje' }).click();
  await form.getByLabel('Betegnelse').nth(2).fill('Løn, plejecenter Syd');
  await form.getByLabel('Budget', { exact: true }).nth(2).fill('300.000');
  await form.getByLabel('Forbrug', { exact: true }).nth(2).fill('100.000');
  await lookAt(leadPage, 'fa-06-slutregnskab-igen');
  await form.getByRole('button', { name: 'Indsend slutregnskabet' }).click();
  await expect(leadPage.getByTestId('slutregnskab-status')).toContainText('venter på ministeriets gennemgang');
  await expect(leadPage.getByTestId('tidligere-slutregnskaber')).toContainText('Slutregnskab nr. 1');

  // The caseworker approves, told first what the approval does.
  await caseworker.reload();
  await review.getByLabel('Godkend slutregnskabet').check();
  await expect(caseworker.getByTestId('godkendelsens-virkning')).toContainText(`Der er udbetalt ${kr(claimOre)} for meget`);
  await review.getByLabel('Kommentar til kommunen').fill('Slutregnskabet er i orden.');
  await lookAt(caseworker, 'fa-07-slutregnskab-godkend');
  await review.getByRole('button', { name: 'Godkend' }).click();
  await expect(caseworker.getByTestId('slutregnskab-status')).toContainText('Slutregnskabet er godkendt');
  await expect(caseworker.getByTestId('tilbagebetalingskrav')).toContainText(kr(claimOre));
  await expect(caseworker.getByTestId('afslutning-mangler')).toContainText('Tilbagebetalingskravet');
  await lookAt(caseworker, 'fa-08-afregning-og-afslutning');

  // The lead sees the settlement: the approved spending and the claim with its due date.
  await leadPage.reload();
  await expect(leadPage.getByTestId('afregning')).toContainText('300.000 kr.');
  await expect(leadPage.getByTestId('tilbagebetalingskrav')).toContainText(kr(claimOre));
  await expect(leadPage.getByTestId('krav-status')).toHaveText('Åbent');
  await lookAt(leadPage, 'fa-09-afregning-kommunen');

  // The claim, settled from the worklist's repayment queue.
  await caseworker.goto(`/?koe=tilbagebetalinger&pulje=${programme.id}`);
  await expect(caseworker.getByTestId('antal-tilbagebetalinger')).toHaveText('1');
  await expect(caseworker.getByTestId('arbejdsliste')).toContainText(kr(claimOre));
  await lookAt(caseworker, 'fa-10-tilbagebetalinger-koe');
  await caseworker.getByRole('button', { name: 'Registrér indbetaling' }).click();
  await expect(caseworker.getByLabel('Indbetalingsreference')).toBeFocused();
  await caseworker.getByLabel('Indbetalingsreference').fill('NAV-TB-2026-1');
  await expectKeyboardComplete(caseworker, 'fa-11-indbetaling');
  await lookAt(caseworker, 'fa-11-indbetaling');
  await caseworker.getByRole('button', { name: 'Registrér indbetalingen' }).click();
  await expect(caseworker.getByTestId('antal-tilbagebetalinger')).toHaveText('0');
  await expect(caseworker.getByTestId('tom-liste')).toBeVisible();

  // Nothing is open: the case is closed, after a confirmation.
  await caseworker.goto(`/sager/${applicationId}#afslutning`);
  await expect(caseworker.getByTestId('afslutning-mangler')).toHaveText('Intet mangler: sagen kan lukkes.');
  await caseworker.getByRole('button', { name: 'Luk sagen' }).click();
  await expect(caseworker.getByTestId('luk-bekraeft')).toContainText('Vil du lukke sagen?');
  await lookAt(caseworker, 'fa-12-luk-sagen');
  await caseworker.getByRole('button', { name: 'Ja, luk sagen' }).click();
  await expect(caseworker.getByTestId('afslutning-status')).toContainText('Sagen er lukket');
  await lookAt(caseworker, 'fa-13-sagen-lukket');
  await leadPage.reload();
  await expect(leadPage.getByTestId('afslutning-status')).toContainText('Sagen er lukket');
  await expect(leadPage.getByTestId('slutregnskab-form')).toHaveCount(0);
  await leadPage.context().close();
  await caseworker.context().close();
});
