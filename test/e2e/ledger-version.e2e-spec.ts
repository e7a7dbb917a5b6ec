import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { LEDGER_SOURCES } from '../../libs/programmes/ledger-sources.js';
import { ownerDataSource } from '../support/databases.js';
import { givenAward, givenProgramme } from '../support/grant-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

/** A new value of a column of each kind the ledger's sources have, for a statement that changes it. */
const CHANGED: Record<string, string> = {
  budget_ore: 'budget_ore + 1',
  min_application_ore: 'min_application_ore + 1',
  amount_ore: 'amount_ore - 1',
  status: `CASE status WHEN 'active' THEN 'cancelled' ELSE 'active' END`,
  case_number: `case_number || '-X'`,
  municipality_code: `CASE municipality_code WHEN '101' THEN '147' ELSE '101' END`,
  programme_id: 'programme_id',
  delta_ore: 'delta_ore + 1',
  reason: `reason || ' (rettet)'`,
  created_by: 'created_by',
  created_at: `created_at + interval '1 second'`,
  requested_ore: 'requested_ore + 1',
  themes: `array_append(themes, 'ny')`,
  name: `name || ' '`,
  // An instalment's status moves along its life cycle (its table's checks hold a ready one to its time).
  'instalment.status': `CASE status WHEN 'planned' THEN 'cancelled' ELSE 'planned' END`,
  // To another award (a fresh number there, as an award numbers its instalments once); moved back below.
  'instalment.award_id': `(SELECT a.id FROM award a WHERE a.id <> instalment.award_id LIMIT 1), sequence = sequence + 100`,
  'budget_release.award_id': `(SELECT a.id FROM award a WHERE a.id <> budget_release.award_id LIMIT 1)`,
  'repayment.award_id': `(SELECT a.id FROM award a WHERE a.id <> repayment.award_id LIMIT 1)`,
  // A claim is waived and opened again (its table's checks hold a waived one to its time and reason).
  'repayment.status': `CASE status WHEN 'open' THEN 'waived' ELSE 'open' END, waived_at = CASE status WHEN 'open' THEN now() END,
                       waive_reason = CASE status WHEN 'open' THEN 'Test' END`,
};

/**
 * The ledger is served from a cache keyed by `programme.ledger_version`; it is correct only while every
 * column the ledger shows (LEDGER_SOURCES) moves that version when it changes, whoever changes it. Each
 * column is changed here by SQL, as another process or an operator could, and the version must move.
 */
describe('the ledger version', () => {
  let api: TestApp;
  let admin: SignedInUser;
  let owner: DataSource;
  let programmeId: string;
  let otherProgrammeId: string;
  let someoneElse: string;
  let awardId: string;
  beforeAll(async () => {
    api = await createTestApp();
    admin = await signedInAs(api, 'admin');
    owner = await ownerDataSource();
    const people = {
      lead: await signedInAs(api, 'project_lead', '101'),
      assessor: await signedInAs(api, 'caseworker'),
      decider: await signedInAs(api, 'caseworker'),
    };
    programmeId = (await givenProgramme(api, admin)).id;
    otherProgrammeId = (await givenProgramme(api, admin)).id;
    someoneElse = people.assessor.user.id;
    awardId = (await givenAward(api, people, programmeId)).id;
    // An award elsewhere, for an instalment to be moved to.
    await givenAward(api, people, (await givenProgramme(api, admin)).id);
    // Final accounts approved below what was paid: a release and a claim, as the review writes them.
    const [account]: Array<{ id: string }> = await owner.query(
      `INSERT INTO final_account (award_id, application_id, programme_id, municipality_code, participant_codes, case_number, filing_no, spent_ore,
                                  budget_lines, status, filed_by, filed_at, reviewed_by, reviewed_at, review_comment)
       SELECT id, application_id, programme_id, municipality_code, participant_codes, case_number, 1, 100, '[]', 'approved', $2, now(), $2, now(), 'Godkendt'
         FROM award WHERE id = $1 RETURNING id`,
      [awardId, someoneElse],
    );
    await owner.query(
      `INSERT INTO budget_release (award_id, programme_id, amount_ore, reason, final_account_id, created_by) VALUES ($1, $2, 1000, 'final_accounts', $3, $4)`,
      [awardId, programmeId, account.id, someoneElse],
    );
    await owner.query(
      `INSERT INTO repayment (award_id, application_id, programme_id, municipality_code, participant_codes, case_number, final_account_id, amount_ore, due_date)
       SELECT id, application_id, programme_id, municipality_code, participant_codes, case_number, $2, 500, '2030-01-01' FROM award WHERE id = $1`,
      [awardId, account.id],
    );
    await api.http
      .post(`/api/v1/programmes/${programmeId}/budget-adjustments`)
      .set(admin.bearer)
      .send({ deltaOre: 1_000, reason: 'Overført restbeløb' })
      .expect(201);
  });
  afterAll(async () => {
    await owner.destroy();
    await api.close();
  });

  // First, while every line is there (the changes below cancel the award).
  it('lists, for every field of a ledger line, the source it is read from', async () => {
    const { body } = await api.http.get(`/api/v1/programmes/${programmeId}/ledger`).set(admin.bearer).expect(200);
    // The fields of the answer and where they come from: a new field must be placed here (and in LEDGER_SOURCES).
    const shown = {
      award: [
        'awardId',
        'caseNumber',
        'municipalityCode',
        'amountOre',
        'requestedOre',
        'status',
        'themes',
        'paidOre',
        'approvedUnpaidOre',
        'releasedOre',
        'repaymentsOpenOre',
        'repaidOre',
      ],
      adjustment: ['id', 'programmeId', 'deltaOre', 'reason', 'createdBy', 'createdAt'],
      byMunicipality: ['municipalityCode', 'name', 'awards', 'amountOre'],
    };
    expect(Object.keys(body.awards[0]).sort()).toEqual([...shown.award].sort());
    expect(Object.keys(body.adjustments[0]).sort()).toEqual([...shown.adjustment].sort());
    expect(Object.keys(body.byMunicipality[0]).sort()).toEqual([...shown.byMunicipality].sort());
  });

  const version = async () => BigInt((await owner.query('SELECT ledger_version FROM programme WHERE id = $1', [programmeId]))[0].ledger_version);

  /** The rows of a source table that this programme's ledger shows. */
  const rowsOf: Record<keyof typeof LEDGER_SOURCES, string> = {
    programme: `id = '$P'`,
    award: `programme_id = '$P'`,
    budget_adjustment: `programme_id = '$P'`,
    application: `id IN (SELECT application_id FROM award WHERE programme_id = '$P')`,
    municipality: `code IN (SELECT municipality_code FROM award WHERE programme_id = '$P')`,
    instalment: `programme_id = '$P'`,
    budget_release: `programme_id = '$P'`,
    repayment: `programme_id = '$P'`,
  };

  const cases = Object.entries(LEDGER_SOURCES).flatMap(([table, columns]) => columns.map((column) => [table, column] as [keyof typeof LEDGER_SOURCES, string]));

  it.each(cases)('moves when %s.%s changes', async (table, column) => {
    const before = await version();
    // Moving a row to another programme moves both ledgers; the row is moved back at once.
    const value =
      column === 'programme_id' ? `'${otherProgrammeId}'` : column === 'created_by' ? `'${someoneElse}'` : (CHANGED[`${table}.${column}`] ?? CHANGED[column]);
    expect(value).toBeDefined();
    await owner.query(`UPDATE ${table} SET ${column} = ${value} WHERE ${rowsOf[table].replaceAll('$P', programmeId)}`);
    if (column === 'programme_id') await owner.query(`UPDATE ${table} SET programme_id = $1 WHERE programme_id = $2`, [programmeId, otherProgrammeId]);
    if (table === 'instalment' && column === 'award_id') {
      await owner.query('UPDATE instalment SET award_id = $1, sequence = sequence - 100 WHERE programme_id = $2 AND sequence > 100', [awardId, programmeId]);
    }
    if ((table === 'budget_release' || table === 'repayment') && column === 'award_id') {
      await owner.query(`UPDATE ${table} SET award_id = $1 WHERE programme_id = $2`, [awardId, programmeId]);
    }
    expect(await version()).toBeGreaterThan(before);
  });

  it('moves at the commit: a change holds no lock on the programme row until then, and a rollback moves nothing', async () => {
    const before = await version();
    const runner = api.app.get<DataSource>(getDataSourceToken()).createQueryRunner();
    await runner.connect();
    try {
      await runner.startTransaction();
      await runner.query(`UPDATE award SET amount_ore = amount_ore + 1 WHERE programme_id = $1`, [programmeId]);
      // Another transaction may lock the programme row now (as a decision's budget check does): the
      // version is not moved, nor the row locked, before the commit.
      await owner.transaction(async (other) => {
        await other.query('SELECT 1 FROM programme WHERE id = $1 FOR NO KEY UPDATE NOWAIT', [programmeId]);
      });
      expect(await version()).toBe(before);
      await runner.rollbackTransaction();
      expect(await version()).toBe(before);
      await runner.startTransaction();
      await runner.query(`UPDATE award SET amount_ore = amount_ore - 1 WHERE programme_id = $1`, [programmeId]);
      await runner.query(`UPDATE award SET amount_ore = amount_ore + 1 WHERE programme_id = $1`, [programmeId]);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
    expect(await version()).toBeGreaterThan(before);
    expect(await owner.query('SELECT count(*)::int AS n FROM ledger_bump_pending')).toEqual([{ n: 0 }]);
  });

  it('does not move for a change the ledger does not show', async () => {
    const before = await version();
    await owner.query(`UPDATE award SET end_date = end_date + 1 WHERE programme_id = $1`, [programmeId]);
    await owner.query(`UPDATE application SET title = title || ' ' WHERE programme_id = $1`, [programmeId]);
    expect(await version()).toBe(before);
  });
});
