import { ratingProblems, unratedCriteria } from './assessment.rules.js';

const criteria = ['formaal', 'nyskabelse', 'forankring'];
const rate = (criterionKey: string, rationale = 'Begrundelse for vurderingen') => ({ criterionKey, rating: 4, rationale });

describe('assessment rules', () => {
  it('accept ratings of the programme’s criteria', () => {
    expect(ratingProblems([rate('formaal'), rate('nyskabelse')], criteria)).toEqual([]);
  });

  it('refuse a criterion the programme does not have, and one rated twice', () => {
    expect(ratingProblems([rate('formaal'), rate('pris'), rate('formaal')], criteria).map((p) => [p.field, p.message])).toEqual([
      ['ratings[1].criterionKey', 'er ikke et af puljens kriterier (formaal, nyskabelse, forankring)'],
      ['ratings[2].criterionKey', 'er vurderet to gange'],
    ]);
  });

  it('name the criteria still unrated, in the programme’s order', () => {
    expect(unratedCriteria([rate('nyskabelse')], criteria)).toEqual(['formaal', 'forankring']);
    expect(
      unratedCriteria(
        criteria.map((key) => rate(key)),
        criteria,
      ),
    ).toEqual([]);
  });

  it('count a rating without a rationale as unrated', () => {
    expect(unratedCriteria([rate('formaal', '   '), rate('nyskabelse'), rate('forankring')], criteria)).toEqual(['formaal']);
  });
});
