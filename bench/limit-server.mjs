// The physical limit for this machine: the same SQL each endpoint runs (including the per-request
// user and session lookup), behind a bare node:http server and a pg pool, with no framework at all.
import http from 'node:http';
import pg from 'pg';

pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) });
const port = Number(process.env.PORT ?? 3900);

const AUTH = `SELECT u.id, u.email, u.name, u.role, u.municipality_code FROM app_user u JOIN auth_session s ON s.user_id = u.id
               WHERE u.id = $1 AND s.id = $2 AND u.active AND s.revoked_at IS NULL AND s.expires_at > now()`;
const APPLICATION_COLUMNS = `id, programme_id, municipality_code, co_applicant_codes, participant_codes, created_by, status, title, purpose, activities, themes,
  requested_ore, planned_start, planned_end, case_number, submitted_at, receipt, assignee_id, assigned_at, created_at, updated_at, version`;
/** As the API names a page of cases' people (their contacts, assignee and creator), in one query. */
const CASE_PEOPLE = `SELECT c.application_id, c.municipality_code, c.user_id, u.name, u.active AND u.role = 'project_lead' AND u.municipality_code = c.municipality_code AS active
    FROM case_contact c JOIN app_user u ON u.id = c.user_id WHERE c.application_id = ANY($1)
  UNION ALL SELECT NULL, NULL, u.id, u.name, u.active FROM app_user u WHERE u.id = ANY($2)`;
/** As the API reads what a report submission is checked against, after the report's lock. */
const SUBMISSION_CHECKS = `SELECT aw.status, aw.amount_ore, aw.start_date::text AS start_date,
    (SELECT json_agg(json_build_object('kind', r.kind, 'sequence', r.sequence, 'dueDate', r.due_date::text)) FROM progress_report r WHERE r.award_id = aw.id) AS reports,
    (SELECT s.spent_to_date_ore FROM report_submission s JOIN progress_report r ON r.id = s.report_id
      WHERE r.award_id = aw.id AND s.review_outcome = 'approve' ORDER BY s.reviewed_at DESC LIMIT 1) AS previous_spent
  FROM award aw WHERE aw.id = $1`;
/** As the API reads the names an audit-event page's answers need. */
const AUDIT_NAMES = `SELECT 'person' AS kind, id::text AS id, name, NULL::text AS report_kind, NULL::int AS sequence FROM app_user WHERE id = ANY($1::uuid[])
  UNION ALL SELECT 'report', id::text, NULL, kind, sequence FROM progress_report WHERE id = ANY($2::uuid[])
  UNION ALL SELECT 'kommune', code, official_name, NULL, NULL FROM municipality WHERE code = ANY($3::text[])`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** As the API finds who is told of a case's outcome. */
const RECIPIENTS = `SELECT DISTINCT person AS user_id FROM application a, unnest(a.participant_codes) AS p(code),
    unnest(coalesce(
      (SELECT ARRAY[u.id] FROM case_contact c JOIN app_user u ON u.id = c.user_id
        WHERE c.application_id = a.id AND c.municipality_code = p.code AND u.active AND u.role = 'project_lead' AND u.municipality_code = p.code),
      (SELECT array_agg(u.id) FROM app_user u WHERE u.role = 'project_lead' AND u.active AND u.municipality_code = p.code))) AS person
  WHERE a.id = $1 ORDER BY 1`;
/** As the API files an outcome: an outbox row and an inbox item per recipient. */
const CASE_MESSAGE = `WITH outbox AS (
    INSERT INTO reminder (kind, recipient_id, subject_type, subject_id, award_id, due_date, send_at, status)
    SELECT 'decision_made', recipient, 'application', $2, $3, current_date, now(), 'scheduled' FROM unnest($1::uuid[]) AS recipient
    ON CONFLICT ON CONSTRAINT reminder_once DO NOTHING RETURNING id, recipient_id, send_at),
  inbox AS (INSERT INTO notification (user_id, kind, title, body, subject_type, subject_id, reminder_id, case_id, link)
    SELECT recipient_id, 'decision_made', $4, $5, 'application', $2, id, $2, $6 FROM outbox RETURNING reminder_id)
  SELECT outbox.id, outbox.send_at FROM outbox JOIN inbox ON inbox.reminder_id = outbox.id`;

/** As the API files any other outcome (kind, subject type): the same two inserts. */
const OUTCOME_MESSAGE = `WITH outbox AS (
    INSERT INTO reminder (kind, recipient_id, subject_type, subject_id, award_id, due_date, send_at, status)
    SELECT $7, recipient, $8, $2, $3, current_date, now(), 'scheduled' FROM unnest($1::uuid[]) AS recipient
    ON CONFLICT ON CONSTRAINT reminder_once DO NOTHING RETURNING id, recipient_id, send_at),
  inbox AS (INSERT INTO notification (user_id, kind, title, body, subject_type, subject_id, reminder_id, case_id, link)
    SELECT recipient_id, $7, $4, $5, $8, $2, id, $9, $6 FROM outbox RETURNING reminder_id)
  SELECT outbox.id, outbox.send_at FROM outbox JOIN inbox ON inbox.reminder_id = outbox.id`;
/**
 * As the API plans the reminder that ready instalments wait for approval: for the case's assignee, else
 * every other active caseworker, in one statement (the due date is the API's five working days; here a week).
 */
const APPROVAL_WAITING = `INSERT INTO reminder (kind, recipient_id, subject_type, subject_id, award_id, due_date, send_at, status)
  SELECT 'instalment_approval_waiting', recipient, 'instalment', instalment, $2, current_date + 7, current_date + 8, 'scheduled'
    FROM unnest($3::uuid[]) AS i(instalment),
         unnest(coalesce(
           (SELECT ARRAY[u.id] FROM application a JOIN app_user u ON u.id = a.assignee_id AND u.active AND u.role = 'caseworker' WHERE a.id = $1),
           ARRAY(SELECT u.id FROM app_user u WHERE u.role = 'caseworker' AND u.active AND u.id IS DISTINCT FROM $4::uuid ORDER BY u.id))) AS r(recipient)
  ON CONFLICT ON CONSTRAINT reminder_once DO UPDATE SET status = 'scheduled', send_at = EXCLUDED.send_at, updated_at = now() WHERE reminder.status = 'cancelled'`;
/** As the API cancels the reminders of instalments approved or cancelled. */
const CANCEL_APPROVAL_WAITING = `UPDATE reminder SET status = 'cancelled', updated_at = now()
  WHERE subject_type = 'instalment' AND subject_id = ANY($1::uuid[]) AND status = 'scheduled' AND kind = 'instalment_approval_waiting' RETURNING id`;

async function withPeople(client, rows) {
  const people = [...new Set(rows.flatMap((row) => [row.assignee_id, row.created_by]).filter(Boolean))];
  await client.query(CASE_PEOPLE, [rows.map((row) => row.id), people]);
  return rows;
}

function claims(request) {
  const token = request.headers.authorization?.slice(7) ?? '';
  return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString() || '{}');
}

async function body(request) {
  let text = '';
  for await (const chunk of request) text += chunk;
  return text ? JSON.parse(text) : {};
}

const ledgers = new Map();
const failures = new Set();

const routes = [
  [
    /^\/api\/v1\/applications\?(.*)$/,
    'GET',
    async (client, match, user) => {
      const query = new URLSearchParams(match[1]);
      const where = [];
      const params = [];
      // A project lead's list walks application_participant, as the API's does.
      const lead = user.role === 'project_lead';
      if (lead) where.push(`p.municipality_code = $${params.push(user.municipality_code)}`);
      if (query.get('status')) where.push(`a.status = $${params.push(query.get('status'))}`);
      if (query.get('programmeId')) where.push(`a.programme_id = $${params.push(query.get('programmeId'))}`);
      // The API's search (migration 1765910000000): folded, each word also a prefix.
      if (query.get('q')) where.push(`a.search @@ search_query($${params.push(query.get('q'))})`);
      const columns = APPLICATION_COLUMNS.split(',')
        .map((column) => `a.${column.trim()}`)
        .join(', ');
      const { rows } = await client.query(
        `SELECT ${columns} FROM ${lead ? 'application_participant p JOIN application a ON a.id = p.application_id' : 'application a'}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY ${lead ? 'p.created_at DESC, p.application_id DESC' : 'a.created_at DESC, a.id DESC'} LIMIT 51`,
        params,
      );
      return { items: await withPeople(client, rows.slice(0, 50)), nextCursor: rows.length > 50 ? 'x' : null };
    },
  ],
  [
    /^\/api\/v1\/applications\/([0-9a-f-]{36})$/,
    'GET',
    async (client, match) =>
      (await withPeople(client, (await client.query(`SELECT ${APPLICATION_COLUMNS} FROM application WHERE id = $1`, [match[1]])).rows))[0],
  ],
  [
    /^\/api\/v1\/programmes\/([0-9a-f-]{36})\/ledger$/,
    'GET',
    async (client, match) => {
      // As the API does: the ledger is recomputed only when the programme's ledger version has moved on.
      const { ledger_version: version } = (await client.query('SELECT ledger_version FROM programme WHERE id = $1', [match[1]])).rows[0];
      const cached = ledgers.get(match[1]);
      if (cached?.version === version) return cached.ledger;
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      try {
        const programme = (await client.query('SELECT * FROM programme WHERE id = $1', [match[1]])).rows[0];
        const awards = (
          await client.query(
            `SELECT a.id, a.case_number, a.municipality_code, a.amount_ore, ap.requested_ore, a.status FROM award a JOIN application ap ON ap.id = a.application_id
          WHERE a.programme_id = $1 ORDER BY a.case_number`,
            [match[1]],
          )
        ).rows;
        const adjustments = (await client.query('SELECT * FROM budget_adjustment WHERE programme_id = $1 ORDER BY created_at', [match[1]])).rows;
        await client.query('COMMIT');
        const committed = awards.reduce((sum, award) => sum + BigInt(award.amount_ore), 0n);
        const ledger = JSON.stringify({
          programmeId: programme.id,
          budgetOre: Number(programme.budget_ore),
          committedOre: Number(committed),
          awards,
          adjustments,
        });
        ledgers.set(match[1], { version: programme.ledger_version, ledger });
        return ledger;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
  ],
  [
    /^\/api\/v1\/audit-events\?(.*)$/,
    'GET',
    async (client, match) => {
      const query = new URLSearchParams(match[1]);
      const { rows } = await client.query('SELECT * FROM audit_event WHERE action = $1 ORDER BY seq DESC LIMIT 51', [query.get('action')]);
      const items = rows.slice(0, 50);
      // As the API names each event's actor (and the people, reports and kommuner its sentence names), in one query.
      const ids = (values) => [...new Set(values.filter((value) => typeof value === 'string' && UUID.test(value)))];
      await client.query(AUDIT_NAMES, [
        ids(items.flatMap((event) => [event.actor_id, event.entity_type === 'user' ? event.entity_id : null])),
        ids(items.map((event) => (event.entity_type === 'report' ? event.entity_id : null))),
        [...new Set(items.map((event) => event.after?.municipalityCode).filter((code) => typeof code === 'string'))],
      ]);
      return { items, nextCursor: rows.length > 50 ? 'x' : null };
    },
  ],
  [
    /^\/api\/v1\/applications\/([0-9a-f-]{36})\/decision$/,
    'POST',
    async (client, match, user, request) => {
      const input = await body(request);
      await client.query('BEGIN');
      try {
        const application = (await client.query(`SELECT ${APPLICATION_COLUMNS} FROM application WHERE id = $1 FOR UPDATE`, [match[1]])).rows[0];
        if (application.status !== 'assessed') throw Object.assign(new Error('state'), { status: 409 });
        await client.query('SELECT * FROM assessment WHERE application_id = $1', [match[1]]);
        const programme = (await client.query('SELECT * FROM programme WHERE id = $1 FOR UPDATE', [application.programme_id])).rows[0];
        const adjustments = (
          await client.query('SELECT coalesce(sum(delta_ore), 0)::text AS total FROM budget_adjustment WHERE programme_id = $1', [programme.id])
        ).rows[0].total;
        const committed = (
          await client.query(`SELECT coalesce(sum(amount_ore), 0)::text AS total FROM award WHERE programme_id = $1 AND status <> 'cancelled'`, [programme.id])
        ).rows[0].total;
        if (BigInt(committed) + BigInt(input.amountOre) > BigInt(programme.budget_ore) + BigInt(adjustments))
          throw Object.assign(new Error('budget'), { status: 409 });
        await client.query(
          `INSERT INTO decision (application_id, outcome, rationale, amount_ore, full_grant, decided_by, decided_at) VALUES ($1, 'award', $2, $3, true, $4, now())`,
          [match[1], input.rationale, input.amountOre, user.id],
        );
        const award = (
          await client.query(
            `INSERT INTO award (application_id, programme_id, municipality_code, participant_codes, case_number, amount_ore, start_date, end_date, original_end_date, status, decided_by, decided_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, 'active', $9, now()) RETURNING id`,
            [
              match[1],
              programme.id,
              application.municipality_code,
              application.participant_codes,
              application.case_number,
              input.amountOre,
              application.planned_start,
              application.planned_end,
              user.id,
            ],
          )
        ).rows[0];
        await client.query(
          `INSERT INTO progress_report (award_id, application_id, programme_id, municipality_code, participant_codes, kind, sequence, due_date, status)
         SELECT $1::uuid, $7::uuid, $2::uuid, $3::char(3), $4::text[], 'status', 1, $5::date + interval '12 months', 'due'
         UNION ALL SELECT $1, $7, $2, $3, $4, 'final', 1, $6::date + interval '3 months', 'due'`,
          [award.id, programme.id, application.municipality_code, application.participant_codes, application.planned_start, application.planned_end, match[1]],
        );
        // The award's instalments by the default plan, the first ready at once (as the API makes them), and its reminder.
        const ready = await client.query(
          `INSERT INTO instalment (award_id, application_id, programme_id, municipality_code, participant_codes, case_number, sequence, trigger,
                                   report_sequence, share_pct, amount_ore, status, ready_at, triggered_by)
           SELECT $1::uuid, $2::uuid, $3::uuid, $4::char(3), $5::text[], $6::text, s.sequence, s.trigger, s.report_sequence, s.share_pct,
                  CASE WHEN s.sequence = 3 THEN $7::bigint - $7::bigint * 50 / 100 - $7::bigint * 40 / 100 ELSE $7::bigint * s.share_pct / 100 END,
                  CASE WHEN s.sequence = 1 THEN 'ready' ELSE 'planned' END, CASE WHEN s.sequence = 1 THEN now() END, CASE WHEN s.sequence = 1 THEN $8::uuid END
             FROM (VALUES (1, 'award', NULL::int, 50), (2, 'status_report_approved', 1, 40), (3, 'final_accounts_approved', NULL, 10))
                  AS s (sequence, trigger, report_sequence, share_pct)
           RETURNING id, status`,
          [award.id, match[1], programme.id, application.municipality_code, application.participant_codes, application.case_number, input.amountOre, user.id],
        );
        await client.query(APPROVAL_WAITING, [match[1], award.id, ready.rows.filter((row) => row.status === 'ready').map((row) => row.id), user.id]);
        await client.query(`UPDATE application SET status = 'awarded', version = version + 1, updated_at = now() WHERE id = $1`, [match[1]]);
        // The decision letter is an act of the case, numbered in its journal (as the API registers it).
        await client.query(
          `WITH serial AS (INSERT INTO case_journal (application_id, last_serial) VALUES ($1, 1)
                            ON CONFLICT (application_id) DO UPDATE SET last_serial = case_journal.last_serial + 1 RETURNING last_serial)
           INSERT INTO case_act (application_id, serial, journal_no, kind, title, sender, registered_at)
           SELECT $1, last_serial, $2::text || '-' || lpad(last_serial::text, 3, '0'), 'decision', $3, NULL, now() FROM serial`,
          [match[1], application.case_number, `Tilsagnsbrev: afgørelse om ansøgning ${application.case_number}`],
        );
        const recipients = (await client.query(RECIPIENTS, [match[1]])).rows.map((row) => row.user_id);
        await client.query(CASE_MESSAGE, [
          recipients,
          match[1],
          award.id,
          `Tilsagn til ${application.case_number}`,
          'Tilsagnet kan hentes i Tilskud.',
          `/sager/${match[1]}/afgoerelse`,
        ]);
        await appendAudit(client, user, 'application.awarded', match[1]);
        await client.query('COMMIT');
        return { applicationId: match[1], status: 'awarded', award };
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
  ],
  [
    /^\/api\/v1\/reports\/([0-9a-f-]{36})\/submit$/,
    'POST',
    async (client, match, user, request) => {
      const input = await body(request);
      await client.query('BEGIN');
      try {
        const report = (
          await client.query('SELECT * FROM progress_report WHERE id = $1 AND $2 = ANY(participant_codes) FOR UPDATE', [match[1], user.municipality_code])
        ).rows[0];
        if (!report || (report.status !== 'due' && report.status !== 'returned')) throw Object.assign(new Error('state'), { status: 409 });
        // What the API checks, in the one statement it reads them with: the award active, the report's
        // period begun, the spending within the award and not below the last approved without deviations.
        const award = (await client.query(SUBMISSION_CHECKS, [report.award_id])).rows[0];
        const ordered = award.reports.sort((a, b) => (a.kind === b.kind ? a.sequence - b.sequence : a.kind === 'final' ? 1 : -1));
        const index = ordered.findIndex((other) => other.kind === report.kind && other.sequence === report.sequence);
        const periodStart = index > 0 ? ordered[index - 1].dueDate : award.start_date;
        const spent = BigInt(input.spentToDateOre);
        if (
          award.status !== 'active' ||
          new Date().toISOString().slice(0, 10) < periodStart ||
          spent > BigInt(award.amount_ore) ||
          (award.previous_spent !== null && spent < BigInt(award.previous_spent) && !input.deviations)
        )
          throw Object.assign(new Error('rule'), { status: 422 });
        // Filed, numbered and the report moved on in one statement, as the API does.
        await client.query(
          `WITH filed AS (
             INSERT INTO report_submission (report_id, submission_no, narrative, spent_to_date_ore, milestones, submitted_by, submitted_at)
             SELECT $1, count(*)::int + 1, $2, $3, $4, $5, now() FROM report_submission WHERE report_id = $1 RETURNING submission_no),
           moved AS (UPDATE progress_report SET status = 'submitted', submitted_at = now(), version = version + 1, updated_at = now() WHERE id = $1 RETURNING version)
           SELECT filed.submission_no, moved.version FROM filed, moved`,
          [match[1], input.narrative, input.spentToDateOre, JSON.stringify(input.milestones), user.id],
        );
        await appendAudit(client, user, 'report.submitted', match[1]);
        await client.query('COMMIT');
        return { id: match[1], status: 'submitted' };
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
  ],
  [
    /^\/api\/v1\/instalments\/([0-9a-f-]{36})\/approve$/,
    'POST',
    async (client, match, user) => {
      await client.query('BEGIN');
      try {
        const instalment = (await client.query('SELECT id, status, triggered_by FROM instalment WHERE id = $1 FOR UPDATE', [match[1]])).rows[0];
        if (!instalment || instalment.status !== 'ready') throw Object.assign(new Error('state'), { status: 409 });
        if (instalment.triggered_by === user.id) throw Object.assign(new Error('four-eyes'), { status: 403 });
        await client.query(`UPDATE instalment SET status = 'approved', approved_by = $2, approved_at = now(), version = version + 1 WHERE id = $1`, [
          match[1],
          user.id,
        ]);
        await client.query(CANCEL_APPROVAL_WAITING, [[match[1]]]);
        await appendAudit(client, user, 'instalment.approved', match[1]);
        await client.query('COMMIT');
        return { id: match[1], status: 'approved' };
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
  ],
  [
    /^\/api\/v1\/final-accounts\/([0-9a-f-]{36})\/review$/,
    'POST',
    async (client, match, user, request) => {
      const input = await body(request);
      await client.query('BEGIN');
      try {
        // As the API: the award locked first, then the filing, then the instalments.
        const { award_id: awardId } = (await client.query('SELECT award_id FROM final_account WHERE id = $1', [match[1]])).rows[0] ?? {};
        if (!awardId) throw Object.assign(new Error('not found'), { status: 404 });
        const award = (await client.query('SELECT * FROM award WHERE id = $1 FOR NO KEY UPDATE', [awardId])).rows[0];
        if (award.status === 'closed') throw Object.assign(new Error('closed'), { status: 409 });
        const account = (await client.query('SELECT * FROM final_account WHERE id = $1 FOR NO KEY UPDATE', [match[1]])).rows[0];
        if (account.status !== 'submitted') throw Object.assign(new Error('state'), { status: 409 });
        await client.query(
          `UPDATE final_account SET status = 'approved', reviewed_by = $2, reviewed_at = now(), review_comment = $3, version = version + 1 WHERE id = $1`,
          [match[1], user.id, input.comment],
        );
        await client.query(CASE_PEOPLE, [[award.application_id], []]);
        const recipients = (await client.query(RECIPIENTS, [award.application_id])).rows.map((row) => row.user_id);
        // The settlement (final-accounts.rules.ts): the unpaid instalments keep spent − paid in the plan's order.
        const instalments = (
          await client.query('SELECT id, sequence, amount_ore, status FROM instalment WHERE award_id = $1 ORDER BY sequence FOR NO KEY UPDATE', [awardId])
        ).rows;
        if (instalments.some((instalment) => instalment.status === 'approved')) throw Object.assign(new Error('awaiting payment'), { status: 409 });
        const waiver = BigInt(
          (await client.query('SELECT repayment_waiver_ore FROM programme WHERE id = $1', [award.programme_id])).rows[0].repayment_waiver_ore,
        );
        const spent = BigInt(account.spent_ore);
        const paid = instalments.filter((row) => row.status === 'paid').reduce((total, row) => total + BigInt(row.amount_ore), 0n);
        let left = spent > paid ? spent - paid : 0n;
        const cancel = [];
        for (const instalment of instalments.filter((row) => row.status === 'planned' || row.status === 'ready')) {
          const amount = BigInt(instalment.amount_ore);
          const kept = amount <= left ? amount : left;
          left -= kept;
          if (kept === 0n) cancel.push(instalment.id);
          else if (kept < amount)
            await client.query('UPDATE instalment SET amount_ore = $2, version = version + 1 WHERE id = $1', [instalment.id, kept.toString()]);
        }
        if (cancel.length > 0) {
          await client.query(CANCEL_APPROVAL_WAITING, [cancel]);
          await client.query(`UPDATE instalment SET status = 'cancelled', cancelled_at = now(), version = version + 1 WHERE id = ANY($1::uuid[])`, [cancel]);
        }
        const ready = await client.query(
          `UPDATE instalment SET status = 'ready', ready_at = now(), triggered_by = $2, version = version + 1
            WHERE award_id = $1 AND status = 'planned' AND trigger = 'final_accounts_approved' RETURNING id`,
          [awardId, user.id],
        );
        if (ready.rows.length > 0) {
          await client.query('SELECT * FROM instalment WHERE id = ANY($1::uuid[]) ORDER BY sequence', [ready.rows.map((row) => row.id)]);
          await client.query(APPROVAL_WAITING, [award.application_id, awardId, ready.rows.map((row) => row.id), user.id]);
        }
        const release = BigInt(award.amount_ore) - (spent > paid ? spent : paid);
        if (release > 0n) {
          await client.query(
            `INSERT INTO budget_release (award_id, programme_id, amount_ore, reason, final_account_id, created_by) VALUES ($1, $2, $3, 'final_accounts', $4, $5)`,
            [awardId, award.programme_id, release.toString(), match[1], user.id],
          );
        }
        const repayment = paid > spent ? paid - spent : 0n;
        if (repayment > 0n) {
          const waived = repayment < waiver;
          await client.query(
            `INSERT INTO repayment (award_id, application_id, programme_id, municipality_code, participant_codes, case_number, final_account_id, amount_ore,
                                    due_date, status, waived_automatically, waived_at, waive_reason)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, current_date + 30, $9, $10, CASE WHEN $10 THEN now() END, CASE WHEN $10 THEN 'Under puljens bagatelgrænse' END)`,
            [
              awardId,
              award.application_id,
              award.programme_id,
              award.municipality_code,
              award.participant_codes,
              award.case_number,
              match[1],
              repayment.toString(),
              waived ? 'waived' : 'open',
              waived,
            ],
          );
        }
        await client.query(OUTCOME_MESSAGE, [
          recipients,
          match[1],
          awardId,
          `Slutregnskabet for ${award.case_number} er godkendt`,
          'Slutregnskabet er godkendt.',
          `/sager/${award.application_id}`,
          'final_accounts_approved',
          'final_account',
          award.application_id,
        ]);
        await appendAudit(client, user, 'final_accounts.approved', match[1]);
        await client.query('COMMIT');
        return { id: match[1], status: 'approved' };
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    },
  ],
];

async function appendAudit(client, user, action, entityId) {
  await client.query('SELECT pg_advisory_xact_lock(7304117001)');
  const last = (await client.query('SELECT seq, hash FROM audit_event ORDER BY seq DESC LIMIT 1')).rows[0];
  await client.query(
    `INSERT INTO audit_event (id, seq, occurred_at, actor_id, actor_role, action, entity_type, entity_id, after, prev_hash, hash)
     VALUES (gen_random_uuid(), $1, now(), $2, $3, $4, 'bench', $5, '{}', $6, md5(random()::text) || md5(random()::text))`,
    [Number(last.seq) + 1, user.id, user.role, action, entityId, last.hash],
  );
}

http
  .createServer(async (request, response) => {
    const client = await pool.connect();
    try {
      const { sub, sid } = claims(request);
      const user = (await client.query(AUTH, [sub, sid])).rows[0];
      if (!user) throw Object.assign(new Error('auth'), { status: 401 });
      for (const [pattern, method, handle] of routes) {
        const match = pattern.exec(request.url);
        if (match && request.method === method) {
          const result = await handle(client, match, user, request);
          response.writeHead(request.method === 'POST' ? 201 : 200, { 'content-type': 'application/json' });
          return response.end(typeof result === 'string' ? result : JSON.stringify(result));
        }
      }
      response.writeHead(404).end();
    } catch (error) {
      // An unexpected failure is said once per message: a side that answers only errors measures nothing.
      if (!error.status && !failures.has(error.message)) {
        failures.add(error.message);
        console.error(`limit server: ${request.method} ${request.url}: ${error.message}`);
      }
      response.writeHead(error.status ?? 500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: error.message }));
    } finally {
      client.release();
    }
  })
  .listen(port, '127.0.0.1', () => console.log(`limit server on ${port}`));
