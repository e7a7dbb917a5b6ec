import { DEFAULT_PAYMENT_PLAN, paymentPlanProblems } from './payment-plan.js';

describe('a payment plan', () => {
  it('accepts the default plan', () => {
    expect(paymentPlanProblems(DEFAULT_PAYMENT_PLAN)).toEqual([]);
  });

  it('names the sum when the shares do not make 100 %', () => {
    expect(
      paymentPlanProblems([
        { sharePct: 50, trigger: 'award' },
        { sharePct: 40, trigger: 'final_accounts_approved' },
      ]),
    ).toEqual([{ field: 'paymentPlan', message: 'raternes andele summer til 90 %, men skal summe til 100 %' }]);
  });

  it('wants a status report number with a status report trigger, and only there', () => {
    expect(
      paymentPlanProblems([
        { sharePct: 50, trigger: 'status_report_approved' },
        { sharePct: 50, trigger: 'award', sequence: 2 },
      ]).map((problem) => problem.field),
    ).toEqual(['paymentPlan[0].sequence', 'paymentPlan[1].sequence']);
  });

  it('refuses a trigger twice, an empty plan and shares outside 1–100', () => {
    expect(
      paymentPlanProblems([
        { sharePct: 50, trigger: 'award' },
        { sharePct: 50, trigger: 'award' },
      ]).map((problem) => problem.field),
    ).toEqual(['paymentPlan[1].trigger']);
    expect(paymentPlanProblems([])).toHaveLength(1);
    expect(
      paymentPlanProblems([
        { sharePct: 0, trigger: 'award' },
        { sharePct: 100.5, trigger: 'final_accounts_approved' },
      ]).map((p) => p.field),
    ).toEqual(['paymentPlan[0].sharePct', 'paymentPlan[1].sharePct', 'paymentPlan']);
  });

  it('takes two status reports as two instalments', () => {
    expect(
      paymentPlanProblems([
        { sharePct: 40, trigger: 'award' },
        { sharePct: 25, trigger: 'status_report_approved', sequence: 1 },
        { sharePct: 25, trigger: 'status_report_approved', sequence: 2 },
        { sharePct: 10, trigger: 'final_accounts_approved' },
      ]),
    ).toEqual([]);
  });
});
