import { decisionMessage, letterName } from './decision-messages.js';

const news = {
  organisation: 'Sundheds- og Ældreministeriet',
  caseNumber: 'ÆLD-2020-0007',
  title: 'Tryghed i eget hjem',
  municipalityName: 'Københavns Kommune',
  requestedOre: 1_101_426_000n,
  startDate: '2021-01-01',
  endDate: '2022-06-30',
};

describe('what a decision tells the case’s contacts', () => {
  it('a full grant: the amount, the period, and where the grant letter is', () => {
    const message = decisionMessage({ ...news, outcome: 'award', fullGrant: true, amountOre: 1_101_426_000n });
    expect(message.title).toBe('Tilsagn til ÆLD-2020-0007 «Tryghed i eget hjem»');
    expect(message.body).toBe(
      'Sundheds- og Ældreministeriet har givet tilsagn om 11.014.260 kr. til projektet «Tryghed i eget hjem» (ÆLD-2020-0007, Københavns Kommune) ' +
        'for perioden 1. januar 2021 til 30. juni 2022. Tilsagnsbrevet med vilkårene og fristerne for rapportering kan hentes som PDF i Tilskud.',
    );
  });

  it('a partial grant: what was asked for, and that the reasons and the appeal guidance are in the letter', () => {
    const message = decisionMessage({ ...news, outcome: 'award', fullGrant: false, amountOre: 502_040_000n });
    expect(message.title).toBe('Delvist tilsagn til ÆLD-2020-0007 «Tryghed i eget hjem»');
    expect(message.body).toContain('tilsagn om 5.020.400 kr.');
    expect(message.body).toContain(
      'Der var søgt om 11.014.260 kr.; begrundelsen for det lavere beløb, vilkårene og klagevejledningen står i tilsagns- og afgørelsesbrevet',
    );
    expect(message.body).not.toContain('kr..');
  });

  it('a rejection: no amount, the reasons and the appeal guidance in the decision letter', () => {
    const message = decisionMessage({ ...news, outcome: 'reject', fullGrant: false, amountOre: null });
    expect(message.title).toBe('Afslag på ansøgning ÆLD-2020-0007 «Tryghed i eget hjem»');
    expect(message.body).toContain('afslag på ansøgningen om tilskud til projektet «Tryghed i eget hjem» (ÆLD-2020-0007, Københavns Kommune)');
    expect(message.body).toContain('Begrundelsen og klagevejledningen står i afgørelsesbrevet');
  });

  it('names the letter as the kommune knows it', () => {
    expect(letterName({ outcome: 'award', fullGrant: true })).toBe('tilsagnsbrevet');
    expect(letterName({ outcome: 'award', fullGrant: false })).toBe('tilsagns- og afgørelsesbrevet');
    expect(letterName({ outcome: 'reject', fullGrant: false })).toBe('afgørelsesbrevet');
  });
});
