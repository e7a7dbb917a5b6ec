import { ANALYZE_AFTER_WRITES, needsFreshStatistics } from './reminder-reconciler.js';

describe('needsFreshStatistics', () => {
  it('renews the statistics after a pass that wrote many reminders, however they divide', () => {
    expect(needsFreshStatistics({ created: ANALYZE_AFTER_WRITES, revived: 0, cancelled: 0 })).toBe(true);
    expect(needsFreshStatistics({ created: ANALYZE_AFTER_WRITES / 2, revived: 0, cancelled: ANALYZE_AFTER_WRITES / 2 })).toBe(true);
  });

  it('leaves them to autovacuum after an everyday pass', () => {
    expect(needsFreshStatistics({ created: 40, revived: 2, cancelled: 7 })).toBe(false);
    expect(needsFreshStatistics({ created: ANALYZE_AFTER_WRITES - 1, revived: 0, cancelled: 0 })).toBe(false);
  });
});
