import fc from 'fast-check';
import { appealGuidanceOf } from '../decisions/appeal-guidance.js';
import type { Letter, LetterBlock } from './letter-pdf.js';
import { asDraft, decisionLetter, DRAFT_MARK, receiptLetter } from './letters.js';
import { DanishCalendar } from '../core/time/danish-calendar.js';

const organisation = { name: 'Sundheds- og Ældreministeriet', addressLines: ['Holbergsgade 6', '1057 København K'] };
const programme = {
  name: 'Pulje til at styrke omsorg og nærvær i ældreplejen',
  applicationClosesAt: new Date('2020-10-19T10:00:00Z'),
  maxCovidExtensionMonths: 6,
  statusReportIntervalMonths: 12,
  finalReportDueMonths: 3,
  awardConditions: 'Projektet deltager i puljens netværksmøder.',
};
const application = {
  caseNumber: 'ÆLD-2020-0031',
  title: 'Tryghed i eget hjem',
  purpose: 'Mere tryghed for borgere i eget hjem.',
  activities: ['Faste teams'],
  leadKommune: 'Københavns Kommune',
  coApplicantKommuner: ['Aalborg Kommune', 'Aarhus Kommune'],
  requestedOre: 502_040_000n,
  plannedStart: '2021-01-01',
  plannedEnd: '2022-12-31',
  themeNames: ['Livskvalitet'],
  receivedAt: new Date('2020-10-19T09:58:12Z'),
  submittedByName: 'Mette Hansen',
};
const decision = {
  outcome: 'award' as const,
  fullGrant: true,
  rationale: 'Projektet bevilges fuldt ud.',
  amountOre: 502_040_000n,
  startDate: '2021-01-01',
  endDate: '2022-12-31',
  legalBasis: null,
  appealGuidance: null,
  decidedAt: new Date('2020-12-18T11:00:00Z'),
  decidedByName: 'Karen Sørensen',
};

const textOf = (letter: Letter) =>
  [
    letter.heading,
    ...letter.recipientLines,
    ...letter.sections.flatMap((section) => [
      section.heading ?? '',
      ...section.blocks.flatMap((block: LetterBlock) =>
        block.kind === 'paragraph' ? [block.text] : block.kind === 'list' ? block.items : block.rows.map((row) => row.join(': ')),
      ),
    ]),
  ].join('\n');

const calendar = new DanishCalendar();

describe('the decision letter', () => {
  it('a full grant: amount, period, every report with its date, the COVID-19 terms and the conditions; no appeal guidance', () => {
    const text = textOf(decisionLetter(organisation, programme, application, decision, calendar));
    expect(text).toContain('Tilsagn om tilskud');
    expect(text).toContain('tilsagn om et tilskud på 5.020.400 kr.');
    expect(text).toContain('på vegne af projektets kommuner: Københavns Kommune, Aalborg Kommune og Aarhus Kommune');
    // 1 January 2022 is Nytårsdag and a Saturday: the deadline is the Monday after.
    expect(text).toContain('Statusrapport nr. 1: senest 3. januar 2022');
    expect(text).toContain('Slutrapport: senest 31. marts 2023');
    expect(text).toContain('op til 6 måneder i alt');
    expect(text).toContain('Projektet deltager i puljens netværksmøder.');
    expect(text).not.toContain('Klagevejledning');
    expect(text).not.toContain('kr..');
  });

  it('a rejection states its main considerations and the appeal guidance, and no award terms', () => {
    const letter = decisionLetter(
      organisation,
      programme,
      application,
      {
        ...decision,
        outcome: 'reject',
        fullGrant: false,
        amountOre: null,
        startDate: null,
        endDate: null,
      },
      calendar,
    );
    const text = textOf(letter);
    expect(letter.heading).toBe('Afslag på ansøgning om tilskud');
    expect(text).toContain('forvaltningslovens § 24');
    expect(text).toContain('Klagevejledning');
    expect(text).toContain(appealGuidanceOf(null, organisation.name));
    expect(text).not.toContain('Rapportering');
    expect(letter.documentTitle).toBe('Afgørelsesbrev ÆLD-2020-0031 – Tryghed i eget hjem');
  });

  it('lists a status report for every interval before the end, and the final report after it (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 48 }), fc.integer({ min: 1, max: 24 }), (months, interval) => {
        const end = new Date(Date.UTC(2021, months, 1)).toISOString().slice(0, 10);
        const letter = decisionLetter(
          organisation,
          { ...programme, statusReportIntervalMonths: interval },
          application,
          { ...decision, endDate: end },
          calendar,
        );
        const reports = letter.sections.find((section) => section.heading === 'Rapportering')!.blocks.find((block) => block.kind === 'list')!;
        const items = (reports as { items: string[] }).items;
        expect(items.filter((item) => item.startsWith('Statusrapport'))).toHaveLength(Math.ceil(months / interval) - 1);
        expect(items[items.length - 1]).toMatch(/^Slutrapport: senest /);
      }),
    );
  });
});

describe('a draft of the decision letter', () => {
  it('is the letter itself, marked as a draft and titled as one, and nothing else changed', () => {
    const letter = decisionLetter(organisation, programme, application, decision, calendar);
    const draft = asDraft(letter);
    expect(draft.draft).toEqual({ mark: DRAFT_MARK, note: expect.stringContaining('ikke sendt') });
    expect(DRAFT_MARK).toBe('UDKAST – ikke afsendt');
    expect(draft.documentTitle).toBe(`UDKAST – ${letter.documentTitle}`);
    const { draft: _mark, documentTitle: _title, ...rest } = draft;
    const { documentTitle: _original, ...same } = letter;
    expect(rest).toEqual(same);
    expect(letter.draft).toBeUndefined();
  });
});

describe('the receipt', () => {
  it('names the case number, the Copenhagen time of receipt and what was applied for', () => {
    const letter = receiptLetter(organisation, programme, application);
    const text = textOf(letter);
    expect(text).toContain('Journalnummer: ÆLD-2020-0031');
    expect(text).toContain('Modtaget: 19. oktober 2020 kl. 11.58');
    expect(text).toContain('Ansøgningsfrist: 19. oktober 2020 kl. 12.00');
    expect(text).toContain('Medansøgere: Aalborg Kommune og Aarhus Kommune');
    expect(text).toContain('Ansøgt beløb: 5.020.400 kr.');
    expect(letter.issuedAt).toEqual(application.receivedAt);
  });
});

describe('the appeal guidance', () => {
  it('is the programme’s own where it has one, else the general guidance naming the organisation and the Ombudsman', () => {
    expect(appealGuidanceOf('  Kan påklages til Ankestyrelsen.  ', 'X')).toBe('Kan påklages til Ankestyrelsen.');
    expect(appealGuidanceOf(null, 'Sundheds- og Ældreministeriet')).toContain('bede Sundheds- og Ældreministeriet om at genoptage sagen');
    expect(appealGuidanceOf('   ', 'X')).toContain('Folketingets Ombudsmand');
  });
});
