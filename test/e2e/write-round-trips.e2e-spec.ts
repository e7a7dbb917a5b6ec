import pg from 'pg';
import { givenAssessed, givenAward, givenProgramme, reportBody } from '../support/grant-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

/**
 * The round trips to Postgres of the audited writes the bench drives, counted at the pg driver while
 * one request runs: every one is a wait in the request, and those inside the transaction hold its row
 * locks (the programme's, for a decision) while they travel.
 */
describe('round trips per audited write', () => {
  // The count is exact: a change that adds a round trip to these paths should say so here.
  let api: TestApp;
  let people: { lead: SignedInUser; assessor: SignedInUser; decider: SignedInUser };
  let programmeId: string;

  beforeAll(async () => {
    api = await createTestApp();
    const admin = await signedInAs(api, 'admin');
    people = {
      lead: await signedInAs(api, 'project_lead', '482'),
      assessor: await signedInAs(api, 'caseworker'),
      decider: await signedInAs(api, 'caseworker'),
    };
    programmeId = (await givenProgramme(api, admin)).id;
  });
  afterAll(() => api.close());

  async function statementsDuring(request: () => Promise<unknown>): Promise<string[]> {
    const original = pg.Client.prototype.query;
    const statements: string[] = [];
    pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
      const first = args[0] as string | { text: string };
      statements.push((typeof first === 'string' ? first : first.text).replace(/\s+/g, ' ').slice(0, 120));
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      await request();
    } finally {
      pg.Client.prototype.query = original;
    }
    return statements;
  }

  it('decides an award', async () => {
    const application = await givenAssessed(api, people, programmeId);
    const statements = await statementsDuring(() =>
      api.http
        .post(`/api/v1/applications/${application.id}/decision`)
        .set(people.decider.bearer)
        .send({
          outcome: 'award',
          amountOre: application.requestedOre,
          rationale: 'Projektet bevilges fuldt ud.',
          startDate: '2021-01-01',
          endDate: '2022-06-30',
        })
        .expect(201),
    );
    // Sign-in check; in the transaction: the application (locked), its programme with the decision's barriers,
    // the decision, the award, its reports, its instalments, the ready one's reminder that it waits for
    // approval, the application's status, the journal, the outbox with its recipients chosen in the same statement, the programme's lock, its ledger and the audit
    // events; after it, the answer's names.
    expect(statements.filter((statement) => /^SELECT "Application"/.test(statement))).toEqual([]);
    expect(statements.filter((statement) => /"programme"|"Programme"/.test(statement))).toHaveLength(1);
    // The programme's lock (which serialises the decisions on its budget) is taken last: after it only
    // the ledger, the audit events and the commit, so it is held for three round trips, not the whole
    // decision.
    const lock = statements.findIndex((statement) => /FOR NO KEY UPDATE/.test(statement));
    expect(statements.slice(lock + 1, statements.indexOf('COMMIT') + 1)).toEqual([
      expect.stringMatching(/^SELECT p\.id, p\.budget_ore/),
      'SELECT audit_enqueue($1, $2, $3, $4)',
      'COMMIT',
    ]);
    expect(statements).toHaveLength(16);
  });

  it('submits a report', async () => {
    const award = await givenAward(api, people, programmeId);
    const [report] = (await api.http.get(`/api/v1/awards/${award.id}/reports`).set(people.lead.bearer).expect(200)).body;
    const statements = await statementsDuring(() =>
      api.http.post(`/api/v1/reports/${report.id}/submit`).set(people.lead.bearer).send(reportBody()).expect(200),
    );
    // Sign-in check; in the transaction: the report (locked); its award, the award's schedule and the
    // spending last approved, in one read; the submission filed and the report moved on, in one
    // statement; the audit events. After it, the answer's names. No row is read again before it is written.
    expect(
      statements.filter((statement, index) => /^UPDATE "progress_report"/.test(statement) && /^SELECT "ProgressReport"/.test(statements[index - 1])),
    ).toEqual([]);
    expect(statements.slice(statements.indexOf('START TRANSACTION'), statements.indexOf('COMMIT') + 1)).toEqual([
      'START TRANSACTION',
      expect.stringMatching(/^SELECT "report"/),
      expect.stringMatching(/^SELECT aw\.status/),
      expect.stringMatching(/^WITH filed AS/),
      'SELECT audit_enqueue($1, $2, $3, $4)',
      'COMMIT',
    ]);
    expect(statements).toHaveLength(8);
  });
});
