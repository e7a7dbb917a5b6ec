// Generates a realistic dataset straight into Postgres with set-based SQL (not through the API), so a
// large one takes seconds, not hours. The audit trail is hash-chained exactly as the system writes it.
import { createHmac, randomUUID } from 'node:crypto';

export const LARGE = {
  name: 'large',
  programmes: 50,
  applications: 200_000,
  awards: 60_000,
  reportsPerAward: 5,
  auditEvents: 2_000_000,
  pendingDecisions: 4_000,
  filedFinalAccounts: 4_000,
};
export const SMALL = {
  name: 'small',
  programmes: 50,
  applications: 10_000,
  awards: 3_000,
  reportsPerAward: 5,
  auditEvents: 100_000,
  pendingDecisions: 4_000,
  filedFinalAccounts: 1_000,
};

const GENESIS = '0'.repeat(64);
/** The same canonical JSON and keyed hash (HMAC-SHA256) as libs/audit/audit-chain.ts, so the generated chain verifies. */
function canonical(value) {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonical(v ?? null)).join(',')}]`;
  if (typeof value === 'object') {
    return `{${Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

const TITLES = [
  'Mere værdig hjemmepleje',
  'Selvstyrende teams i hjemmeplejen',
  'Pårørende som ressource',
  'Mod ensomhed på plejecentrene',
  'Måltidet som fællesskab',
  'Værdig død og nærvær',
  'Færre dokumentationskrav, mere tid',
  'Velfærdsteknologi til borgeren',
  'Borgerrejser i ældreplejen',
  'Bestyrelser på plejehjem',
  'Nærvær i nattevagten',
  'Demensvenlig hverdag',
];
const PURPOSES = [
  'Projektets formål er at udvikle en hjemmepleje, hvor den enkelte borger føler sig set og mødt med nærvær.',
  'Projektet vil reducere unødvendige dokumentationskrav, så medarbejderne får mere tid til omsorg.',
  'Formålet er at styrke samarbejdet med pårørende gennem et virtuelt mestringskursus.',
  'Projektet afprøver fællesspisning og aktiviteter, der bekæmper ensomhed blandt ældre.',
  'Formålet er at give borgeren overblik over aftaler og mulighed for selv at aflyse og bestille hjælp.',
];

export async function generate(client, size, log, passwordHash, auditKey) {
  const started = Date.now();
  const step = async (what, sql, params = []) => {
    const t = Date.now();
    await client.query(sql, params);
    log(`  ${what} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  };

  await step(
    'users',
    `
    INSERT INTO app_user (email, name, role, municipality_code, password_hash)
    SELECT 'admin@tilskud.bench', 'Bench Admin', 'admin', NULL, $1
    UNION ALL SELECT 'caseworker' || i || '@tilskud.bench', 'Bench Caseworker ' || i, 'caseworker', NULL, $1 FROM generate_series(1, 10) i
    UNION ALL SELECT 'lead' || code || '@tilskud.bench', 'Bench Lead ' || name, 'project_lead', code, $1 FROM municipality`,
    [passwordHash],
  );

  await step(
    `${size.programmes} programmes`,
    `
    INSERT INTO programme (code, name, budget_ore, min_application_ore, application_opens_at, application_closes_at,
                           max_covid_extension_months, status_report_interval_months, final_report_due_months, themes, criteria,
                           legal_basis, appeal_guidance, last_case_number, decision_mode)
    SELECT 'B' || chr(65 + i / 26) || chr(65 + i % 26) || '-2026', 'Benchpulje ' || i, 900000000000000, 500000000,
           '2026-01-01', '2099-01-01', 6, 12, 3,
           '[{"key":"livskvalitet","name":"Livskvalitet"},{"key":"paaroerende","name":"Pårørende"},{"key":"ensomhed","name":"Ensomhed"}]',
           '[{"key":"formaal","title":"Formål","description":"."},{"key":"ny-praksis","title":"Ny praksis","description":"."}]',
           'Benchmark', 'Benchmark', 0, 'rolling'
      FROM generate_series(0, $1 - 1) i`,
    [size.programmes],
  );

  // Applications: spread over programmes and the 98 kommuner; a share awarded, the rest in every other state.
  await step(
    `${size.applications} applications`,
    `
    WITH p AS (SELECT id, code, row_number() OVER (ORDER BY code) - 1 AS n FROM programme),
         k AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS n FROM municipality),
         lead AS (SELECT municipality_code, id FROM app_user WHERE role = 'project_lead')
    INSERT INTO application (id, programme_id, municipality_code, co_applicant_codes, created_by, status, title, purpose, activities, themes,
                             requested_ore, planned_start, planned_end, case_number, submitted_at, created_at)
    SELECT gen_random_uuid(), p.id, k.code, '{}', lead.id,
           CASE WHEN i <= $2 THEN 'awarded' WHEN i <= $2 + $3 THEN 'assessed'
                ELSE (ARRAY['draft','submitted','in_assessment','rejected','withdrawn'])[1 + i % 5] END,
           ($4::text[])[1 + i % array_length($4::text[], 1)] || ' ' || i,
           ($5::text[])[1 + (i / 7) % array_length($5::text[], 1)],
           '["Aktivitet et","Aktivitet to"]', ARRAY[(ARRAY['livskvalitet','paaroerende','ensomhed'])[1 + i % 3]],
           (500000000 + (i % 1000) * 1000000)::bigint, DATE '2026-01-01', DATE '2027-12-31',
           CASE WHEN i <= $2 + $3 OR i % 5 <> 0 THEN p.code || '-' || lpad(i::text, 7, '0') END,
           CASE WHEN i <= $2 + $3 OR i % 5 <> 0 THEN timestamptz '2026-03-01' + (i || ' seconds')::interval END,
           timestamptz '2026-01-01' + (i * 97 || ' seconds')::interval
      FROM generate_series(1, $1) i
      JOIN p ON p.n = i % $6
      JOIN k ON k.n = (i / 3) % 98
      JOIN lead ON lead.municipality_code = k.code`,
    [size.applications, size.awards, size.pendingDecisions, TITLES, PURPOSES, size.programmes],
  );

  const caseworker = (await client.query(`SELECT id FROM app_user WHERE email = 'caseworker1@tilskud.bench'`)).rows[0].id;
  const assessor = (await client.query(`SELECT id FROM app_user WHERE email = 'caseworker2@tilskud.bench'`)).rows[0].id;
  await step(
    'assessments',
    `
    INSERT INTO assessment (application_id, assessor_id, ratings, summary, recommendation, recommended_ore, completed_at)
    SELECT id, $1, '[{"criterionKey":"formaal","rating":4,"rationale":"God."},{"criterionKey":"ny-praksis","rating":3,"rationale":"Rimelig."}]',
           'Benchmark', 'award', requested_ore, timestamptz '2026-04-01'
      FROM application WHERE status IN ('awarded', 'assessed')`,
    [assessor],
  );
  await step(
    `${size.awards} awards and decisions`,
    `
    WITH awarded AS (SELECT * FROM application WHERE status = 'awarded'),
         d AS (INSERT INTO decision (application_id, outcome, rationale, amount_ore, full_grant, legal_basis, appeal_guidance, decided_by, decided_at)
               SELECT id, 'award', 'Projektet bevilges fuldt ud.', requested_ore, true, 'Benchmark', 'Benchmark', $1, timestamptz '2026-05-01' FROM awarded)
    INSERT INTO award (application_id, programme_id, municipality_code, participant_codes, case_number, amount_ore, start_date, end_date,
                       original_end_date, status, decided_by, decided_at, created_at)
    SELECT id, programme_id, municipality_code, participant_codes, case_number, requested_ore, DATE '2026-01-01', DATE '2027-12-31',
           DATE '2027-12-31', 'active', $1, timestamptz '2026-05-01', created_at
      FROM awarded`,
    [caseworker],
  );
  // Each award's three instalments by the default plan (50/40/10; the last takes the øre the others'
  // rounding left): the first ready since the award, triggered by its decider, for the payment approvals.
  await step(
    `${size.awards * 3} instalments`,
    `
    INSERT INTO instalment (award_id, application_id, programme_id, municipality_code, participant_codes, case_number, sequence, trigger,
                            report_sequence, share_pct, amount_ore, status, ready_at, triggered_by)
    SELECT a.id, a.application_id, a.programme_id, a.municipality_code, a.participant_codes, a.case_number, s.sequence, s.trigger,
           s.report_sequence, s.share_pct,
           CASE WHEN s.sequence = 3 THEN a.amount_ore - a.amount_ore * 50 / 100 - a.amount_ore * 40 / 100 ELSE a.amount_ore * s.share_pct / 100 END,
           CASE WHEN s.sequence = 1 THEN 'ready' ELSE 'planned' END,
           CASE WHEN s.sequence = 1 THEN a.decided_at END,
           CASE WHEN s.sequence = 1 THEN a.decided_by END
      FROM award a
     CROSS JOIN (VALUES (1, 'award', NULL::int, 50), (2, 'status_report_approved', 1, 40), (3, 'final_accounts_approved', NULL, 10))
                AS s (sequence, trigger, report_sequence, share_pct)`,
  );
  // Final accounts filed and waiting for review, for the final-accounts reviews: on awards whose first
  // instalment is paid (so none is approved and unpaid, which would hold the settlement back, and none
  // of them is in the payment approvals' queue), 95 % of the award spent: the review keeps the second
  // instalment, reduces the held-back one to 5 % and makes it ready, and releases 5 % to the budget.
  const admin = (await client.query(`SELECT id FROM app_user WHERE role = 'admin'`)).rows[0].id;
  const approver = (await client.query(`SELECT id FROM app_user WHERE email = 'caseworker4@tilskud.bench'`)).rows[0].id;
  await step(
    `${size.filedFinalAccounts} filed final accounts`,
    `
    WITH chosen AS (SELECT * FROM award ORDER BY hashtext(id::text), id LIMIT $1),
         paid AS (UPDATE instalment i SET status = 'paid', approved_by = $2, approved_at = timestamptz '2026-05-02', paid_on = DATE '2026-05-10',
                         payment_reference = 'BENCH-' || i.sequence, paid_by = $3, paid_at = timestamptz '2026-05-10', version = i.version + 1
                    FROM chosen c WHERE i.award_id = c.id AND i.sequence = 1)
    INSERT INTO final_account (award_id, application_id, programme_id, municipality_code, participant_codes, case_number, filing_no, spent_ore,
                               budget_lines, status, filed_by, filed_at)
    SELECT c.id, c.application_id, c.programme_id, c.municipality_code, c.participant_codes, c.case_number, 1, c.amount_ore * 95 / 100,
           jsonb_build_array(jsonb_build_object('label', 'Løn', 'budgetOre', c.amount_ore::text, 'spentOre', (c.amount_ore * 95 / 100)::text)),
           'submitted', (SELECT u.id FROM app_user u WHERE u.role = 'project_lead' AND u.municipality_code = c.municipality_code), timestamptz '2027-12-31'
      FROM chosen c`,
    [size.filedFinalAccounts, approver, admin],
  );
  await step(
    `${size.awards * size.reportsPerAward} reports`,
    `
    INSERT INTO progress_report (award_id, application_id, programme_id, municipality_code, participant_codes, kind, sequence, due_date, status)
    SELECT a.id, a.application_id, a.programme_id, a.municipality_code, a.participant_codes, CASE WHEN s = $1 THEN 'final' ELSE 'status' END,
           CASE WHEN s = $1 THEN 1 ELSE s END, DATE '2026-07-01' + ((s * 90 + (hashtext(a.id::text) & 63)) || ' days')::interval,
           CASE WHEN s = 1 AND hashtext(a.id::text) % 3 = 0 THEN 'approved' ELSE 'due' END
      FROM award a CROSS JOIN generate_series(1, $1) s`,
    [size.reportsPerAward],
  );

  // The audit trail: hash-chained in Node, inserted in batches.
  const t = Date.now();
  const actions = ['application.created', 'application.submitted', 'assessment.started', 'application.awarded', 'report.submitted', 'auth.login_succeeded'];
  const entityIds = (await client.query(`SELECT id FROM application ORDER BY id LIMIT 5000`)).rows.map((row) => row.id);
  let prevHash = GENESIS;
  const batch = 20_000;
  const base = Date.parse('2026-01-01T00:00:00Z');
  for (let from = 1; from <= size.auditEvents; from += batch) {
    const columns = { id: [], seq: [], at: [], actor: [], action: [], entity: [], after: [], request: [], prev: [], hash: [] };
    for (let seq = from; seq < Math.min(from + batch, size.auditEvents + 1); seq += 1) {
      const fields = {
        seq,
        occurredAt: new Date(base + seq * 1000).toISOString(),
        actorId: caseworker,
        actorRole: 'caseworker',
        action: actions[seq % actions.length],
        entityType: 'application',
        entityId: entityIds[seq % entityIds.length],
        before: null,
        after: { status: 'submitted', note: `Hændelse ${seq}` },
        requestId: `bench-${seq}`,
        prevHash,
      };
      const hash = createHmac('sha256', auditKey).update(canonical(fields)).digest('hex');
      columns.id.push(randomUUID());
      columns.seq.push(seq);
      columns.at.push(fields.occurredAt);
      columns.actor.push(caseworker);
      columns.action.push(fields.action);
      columns.entity.push(fields.entityId);
      columns.after.push(JSON.stringify(fields.after));
      columns.request.push(fields.requestId);
      columns.prev.push(prevHash);
      columns.hash.push(hash);
      prevHash = hash;
    }
    await client.query(
      `INSERT INTO audit_event (id, seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id, before, after, request_id, prev_hash, hash)
       SELECT id, seq, at, actor, 'caseworker', action, 'application', entity, NULL, after::jsonb, request, prev, hash
         FROM unnest($1::uuid[], $2::bigint[], $3::timestamptz[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[])
           AS t(id, seq, at, actor, action, entity, after, request, prev, hash)`,
      [columns.id, columns.seq, columns.at, columns.actor, columns.action, columns.entity, columns.after, columns.request, columns.prev, columns.hash],
    );
  }
  log(`  ${size.auditEvents} audit events (${((Date.now() - t) / 1000).toFixed(1)} s)`);
  await step('last case numbers', `UPDATE programme SET last_case_number = 9999999`);
  await step('analyze', 'ANALYZE');
  log(`  dataset ${size.name} ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}
