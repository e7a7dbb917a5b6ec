import { describeTransitions } from '../../test/support/transitions.js';
import { isOverdue, nextReportStatus } from './report.lifecycle.js';

describeTransitions('the report life cycle', nextReportStatus, {
  due: { submit: 'submitted', approve: 409, return: 409 },
  submitted: { submit: 409, approve: 'approved', return: 'returned' },
  returned: { submit: 'submitted', approve: 409, return: 409 },
  approved: { submit: 409, approve: 409, return: 409 },
});

describe('overdue', () => {
  it('is past due and not submitted', () => {
    expect(isOverdue({ status: 'due', dueDate: '2022-01-01' }, '2022-01-02')).toBe(true);
    expect(isOverdue({ status: 'returned', dueDate: '2022-01-01' }, '2022-01-02')).toBe(true);
    expect(isOverdue({ status: 'due', dueDate: '2022-01-01' }, '2022-01-01')).toBe(false);
    expect(isOverdue({ status: 'submitted', dueDate: '2022-01-01' }, '2022-06-01')).toBe(false);
    expect(isOverdue({ status: 'approved', dueDate: '2022-01-01' }, '2022-06-01')).toBe(false);
  });
});
