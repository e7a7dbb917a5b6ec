import { approvalRefusal, approvalRefusalReason } from './instalment.rules.js';

describe('who may approve an instalment for payment', () => {
  const decider = { id: 'decider', role: 'caseworker' as const };
  const colleague = { id: 'colleague', role: 'caseworker' as const };
  const ready = { status: 'ready' as const, triggeredBy: decider.id };

  it('lets another caseworker approve a ready instalment', () => {
    expect(approvalRefusal(ready, colleague)).toBeNull();
    expect(approvalRefusalReason(null, 'award')).toBeNull();
  });

  it('refuses the caseworker who made its trigger happen, saying why', () => {
    expect(approvalRefusal(ready, decider)).toBe('four-eyes');
    expect(approvalRefusalReason('four-eyes', 'award')).toMatch(/^Du traf afgørelsen om tilsagnet.*firøjneprincippet/);
    expect(approvalRefusalReason('four-eyes', 'status_report_approved')).toMatch(/^Du godkendte statusrapporten/);
  });

  it('refuses administrators and project leads', () => {
    expect(approvalRefusal(ready, { id: 'a', role: 'admin' })).toBe('not-a-caseworker');
    expect(approvalRefusal(ready, { id: 'l', role: 'project_lead' })).toBe('not-a-caseworker');
  });

  it('approves nothing that is not ready', () => {
    for (const status of ['planned', 'approved', 'paid', 'cancelled'] as const)
      expect(approvalRefusal({ status, triggeredBy: null }, colleague)).toBe('not-ready');
  });
});
