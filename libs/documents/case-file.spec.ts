import { aktListeCsv, CaseFileNames, zipEntryName } from './case-file.js';

const KOMMUNER = new Map([
  ['751', 'Aarhus Kommune'],
  ['101', 'Københavns Kommune'],
]);
const aarhusLead = { name: 'Mette Hansen', municipalityCode: '751' };
const caseworker = { name: 'Søren Jensen', municipalityCode: null };

describe('CaseFileNames', () => {
  it('names everyone in full when personal data is not left out', () => {
    const names = new CaseFileNames(false, null, KOMMUNER, 'Socialstyrelsen');
    expect(names.sender(aarhusLead)).toBe('Mette Hansen (Aarhus Kommune)');
    expect(names.sender(caseworker)).toBe('Søren Jensen (Socialstyrelsen)');
  });

  it('leaves out people outside the requester’s own kommune, showing their organisation', () => {
    const copenhagen = new CaseFileNames(true, '101', KOMMUNER, 'Socialstyrelsen');
    expect(copenhagen.sender(aarhusLead)).toBe('Aarhus Kommune');
    expect(copenhagen.sender(caseworker)).toBe('Socialstyrelsen');
    const aarhus = new CaseFileNames(true, '751', KOMMUNER, 'Socialstyrelsen');
    expect(aarhus.sender(aarhusLead)).toBe('Mette Hansen (Aarhus Kommune)');
  });

  it('leaves out everyone for a requester from the ministry, who has no kommune', () => {
    const ministry = new CaseFileNames(true, null, KOMMUNER, 'Socialstyrelsen');
    expect(ministry.sender(aarhusLead)).toBe('Aarhus Kommune');
    expect(ministry.sender(caseworker)).toBe('Socialstyrelsen');
  });
});

describe('aktListeCsv', () => {
  it('writes one row per act with a Danish date, `;`-separated, escaping a title a spreadsheet would run', () => {
    const csv = aktListeCsv([
      {
        journalNo: 'ÆLD-2020-0007-001',
        registeredAt: new Date('2020-10-19T09:30:00Z'),
        title: '=HYPERLINK("x")',
        kind: 'Kvittering',
        sender: 'Socialstyrelsen',
      },
    ]);
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')).toEqual([
      'Journalnr.;Dato;Titel;Art;Afsender',
      `ÆLD-2020-0007-001;19. oktober 2020;"'=HYPERLINK(""x"")";Kvittering;Socialstyrelsen`,
      '',
    ]);
  });
});

describe('zipEntryName', () => {
  it('keeps a name from making folders or escaping the archive', () => {
    expect(zipEntryName('../../x/y:z.pdf')).toBe('.._.._x_y_z.pdf');
  });
});
