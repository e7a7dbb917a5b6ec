import type { INestApplicationContext } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { Application } from '../libs/applications/application.entity.js';
import { type ApplicationStatus, nextApplicationStatus } from '../libs/applications/application.lifecycle.js';
import { caseNumber } from '../libs/applications/application.rules.js';
import { ApplicationVersion } from '../libs/applications/application-version.entity.js';
import { Assessment } from '../libs/assessments/assessment.entity.js';
import { type Audited, audited, AuditService } from '../libs/audit/audit.service.js';
import { User } from '../libs/auth/user.entity.js';
import { UsersService } from '../libs/auth/users.service.js';
import { Award } from '../libs/awards/award.entity.js';
import { AwardsService } from '../libs/awards/awards.service.js';
import { Decision } from '../libs/decisions/decision.entity.js';
import type { Actor } from '../libs/core/context/request-context.js';
import { kroner, type Ore } from '../libs/core/money/money.js';
import { formatKroner } from '../libs/core/format/danish.js';
import { Clock } from '../libs/core/time/clock.js';
import { fromCopenhagenWallClock, parseInstant } from '../libs/core/time/copenhagen.js';
import type { Deviation } from '../libs/programmes/ledger.js';
import { Programme } from '../libs/programmes/programme.entity.js';
import { ProgrammesService } from '../libs/programmes/programmes.service.js';
import { ReminderJobs } from '../libs/reminders/reminder-jobs.js';
import { POOL_2020, POOL_2020_ASSUMED, POOL_2020_ASSUMED_PERIOD, POOL_2020_ASSUMPTIONS, POOL_2020_CLOSED_REASON } from './data/pool-2020-programme.js';
import { PUBLISHED_CRITERIA, PUBLISHED_PROJECTS, type PublishedProject } from './data/pool-2020-projects.js';

/** Who the imported decisions are recorded as made by: the ministry, through this import. It cannot sign in. */
export const IMPORT_USER_EMAIL = 'historisk-import@tilskud.demo';

export interface ImportReport {
  programmeCreated: boolean;
  imported: number;
  alreadyThere: number;
  /** Awards of an earlier import (active, with a report schedule) closed as historical by this run. */
  madeHistorical: number;
  awardedOre: Ore;
  budgetOre: Ore;
  deviations: Deviation[];
  assumptions: string[];
}

/** `2020-12-18` at 00:00 in Copenhagen. */
const startOfDay = (date: string) => {
  const [year, month, day] = date.split('-').map(Number);
  return fromCopenhagenWallClock(year, month, day);
};

/** The rationale as the overview prints it: one bullet per statement. */
export const publishedRationale = (project: PublishedProject) => project.rationale.map((bullet) => `• ${bullet.text}`).join('\n\n');

/**
 * Loads the real 2020 pool as a historical import: the programme through its service, and each of the 31
 * projects as an application that was submitted, assessed (with the published rationale per criterion)
 * and awarded, through the same life cycle, entities and audit trail as live cases. The live rules that
 * cannot apply in hindsight (the window, the budget guard, four-eyes) are not applied; where the
 * published data breaks a rule, the ledger and this report show it.
 *
 * The projects ended years ago and their follow-up is not registered here, so each award is closed as
 * historical with that reason, and gets no report schedule: reports the system never had would be
 * overdue in every worklist and remind people of work done long ago. Every value the sources do not
 * give is flagged under `assumed` on the record it belongs to (POOL_2020_ASSUMED).
 *
 * Idempotent: a project whose case number exists is left alone, so a second run changes nothing; except
 * that an award of an earlier import that is still active (from before imports were historical) is
 * closed, its never-submitted reports dropped and its assumptions flagged, once.
 */
export async function seedPool2020(app: INestApplicationContext): Promise<ImportReport> {
  const dataSource = app.get<DataSource>(getDataSourceToken());
  const programmes = app.get(ProgrammesService);
  const importer = await ensureImportUser(app, dataSource);
  const actor: Actor = { id: importer.id, role: importer.role, municipalityCode: null };

  let programme = await dataSource.manager.findOneBy(Programme, { code: POOL_2020.code });
  const programmeCreated = !programme;
  if (!programme) {
    programme = await programmes.create(
      {
        code: POOL_2020.code,
        name: POOL_2020.name,
        budgetOre: Number(kroner(POOL_2020.budgetKroner)),
        minApplicationOre: Number(kroner(POOL_2020.minApplicationKroner)),
        applicationOpensAt: POOL_2020.applicationOpensAt,
        applicationClosesAt: POOL_2020.applicationClosesAt,
        maxCovidExtensionMonths: POOL_2020.maxCovidExtensionMonths,
        statusReportIntervalMonths: POOL_2020.statusReportIntervalMonths,
        finalReportDueMonths: POOL_2020.finalReportDueMonths,
        themes: [...POOL_2020.themes],
        criteria: PUBLISHED_CRITERIA,
        legalBasis: POOL_2020.legalBasis,
        appealGuidance: POOL_2020.appealGuidance,
        maxProjectMonths: 60,
      },
      importer.id,
    );
  }

  // Flagged once, on a new programme or one imported before assumptions were flagged.
  await dataSource.query(`UPDATE programme SET assumed = $2 WHERE id = $1 AND assumed = '{}'::jsonb`, [programme.id, POOL_2020_ASSUMED.programme]);

  let imported = 0;
  const madeHistorical: string[] = [];
  for (const project of PUBLISHED_PROJECTS) {
    const number = caseNumber(POOL_2020.code, project.order);
    const outcome = await app.get(AuditService).transaction((manager) => importProject(app, manager, programme!, project, number, actor));
    if (outcome === 'imported') imported += 1;
    else if (outcome) madeHistorical.push(outcome.awardId);
  }
  await dataSource.query('UPDATE programme SET last_case_number = GREATEST(last_case_number, $2) WHERE id = $1', [programme.id, PUBLISHED_PROJECTS.length]);
  // An earlier import's awards may have reminders planned; the worker cancels those of awards no longer active.
  for (const awardId of madeHistorical) await app.get(ReminderJobs).reconcileAward(awardId);

  const books = await programmes.ledger(programme.id);
  return {
    programmeCreated,
    imported,
    alreadyThere: PUBLISHED_PROJECTS.length - imported,
    madeHistorical: madeHistorical.length,
    awardedOre: books.ledger.committedOre,
    budgetOre: books.ledger.budgetOre + books.ledger.adjustmentsOre,
    deviations: books.deviations,
    assumptions: POOL_2020_ASSUMPTIONS,
  };
}

async function importProject(
  app: INestApplicationContext,
  manager: EntityManager,
  programme: Programme,
  project: PublishedProject,
  number: string,
  actor: Actor,
): Promise<Audited<'imported' | { awardId: string } | null>> {
  if (await manager.existsBy(Application, { caseNumber: number })) return makeEarlierImportHistorical(app, manager, number, actor);
  const submittedAt = parseInstant(POOL_2020.applicationClosesAt)!;
  const decidedAt = startOfDay(POOL_2020.awardedOn);
  const amountOre = kroner(project.awardedKroner);
  const rationale = publishedRationale(project);

  // The same life cycle as a live case, step by step.
  let status: ApplicationStatus = 'draft';
  for (const action of ['submit', 'assess', 'complete_assessment', 'award'] as const) status = nextApplicationStatus(status, action);

  const application = await manager.save(
    manager.create(Application, {
      programmeId: programme.id,
      municipalityCode: project.leadMunicipalityCode,
      coApplicantCodes: project.coApplicantCodes,
      createdBy: actor.id,
      status,
      title: project.title,
      purpose: project.purpose,
      activities: project.activities,
      themes: [],
      requestedOre: amountOre,
      plannedStart: POOL_2020_ASSUMED_PERIOD.startDate,
      plannedEnd: POOL_2020_ASSUMED_PERIOD.endDate,
      caseNumber: number,
      submittedAt,
      receipt: null,
      assumed: POOL_2020_ASSUMED.application,
    }),
  );
  await manager.insert(ApplicationVersion, {
    applicationId: application.id,
    versionNo: 1,
    content: { title: project.title, purpose: project.purpose, activities: project.activities, applicant: project.applicant, source: 'award-overview-2020' },
    submittedAt,
    submittedBy: actor.id,
  });

  const byCriterion = new Map<string, string[]>();
  for (const bullet of project.rationale) byCriterion.set(bullet.criterionKey, [...(byCriterion.get(bullet.criterionKey) ?? []), bullet.text]);
  await manager.insert(Assessment, {
    applicationId: application.id,
    assessorId: actor.id,
    ratings: [...byCriterion].map(([criterionKey, texts]) => ({ criterionKey, rating: null, rationale: texts.join('\n\n') })),
    summary: 'Begrundelsen som offentliggjort i tilsagnsoversigten af 18. december 2020 (historisk import).',
    recommendation: 'award',
    recommendedOre: amountOre,
    completedAt: decidedAt,
    assumed: POOL_2020_ASSUMED.assessment,
  });
  await manager.insert(Decision, {
    applicationId: application.id,
    outcome: 'award',
    rationale,
    amountOre,
    fullGrant: true,
    legalBasis: programme.legalBasis,
    appealGuidance: programme.appealGuidance,
    decidedBy: actor.id,
    decidedAt,
  });
  const awards = app.get(AwardsService);
  const created = await awards.create(manager, {
    applicationId: application.id,
    programmeId: programme.id,
    municipalityCode: project.leadMunicipalityCode,
    participantCodes: [project.leadMunicipalityCode, ...project.coApplicantCodes],
    caseNumber: number,
    amountOre,
    startDate: POOL_2020_ASSUMED_PERIOD.startDate,
    endDate: POOL_2020_ASSUMED_PERIOD.endDate,
    decidedBy: actor.id,
    decidedAt,
    assumed: POOL_2020_ASSUMED.award,
  });
  // No report schedule: the reports of a project that ended years ago are not known here (see above).
  const { award, event: closed } = await awards.closeHistorical(manager, created, { reason: POOL_2020_CLOSED_REASON, at: app.get(Clock).now() });
  return audited(
    'imported',
    {
      action: 'application.imported',
      entityType: 'application',
      entityId: application.id,
      actor,
      after: {
        source: 'Tilsagnsoversigt, Pulje til at styrke omsorg og nærvær i ældreplejen, 18. december 2020',
        caseNumber: number,
        applicant: project.applicant,
        awardId: award.id,
        amountOre,
        amount: formatKroner(amountOre),
      },
    },
    { ...closed, actor },
  );
}

/**
 * An award imported before imports were historical: still active, with the report schedule every live
 * award gets. Closed now as the import closes it, its reports that nobody ever submitted dropped (they
 * were the import's guess, not a kommune's duty), and its assumed values flagged. Anything else (already
 * closed, or not decided by the import) is left alone.
 */
async function makeEarlierImportHistorical(
  app: INestApplicationContext,
  manager: EntityManager,
  number: string,
  actor: Actor,
): Promise<Audited<{ awardId: string } | null>> {
  const award = await manager.findOne(Award, { where: { caseNumber: number }, lock: { mode: 'for_no_key_update' } });
  if (!award || award.status !== 'active' || award.decidedBy !== actor.id) return audited(null);
  const [dropped]: [Array<{ id: string }>, number] = await manager.query(
    `DELETE FROM progress_report r
      WHERE r.award_id = $1 AND r.status = 'due' AND NOT EXISTS (SELECT 1 FROM report_submission s WHERE s.report_id = r.id)
      RETURNING r.id`,
    [award.id],
  );
  const flag = (table: string, key: string, id: string, assumed: object) =>
    manager.query(`UPDATE ${table} SET assumed = $2 WHERE ${key} = $1 AND assumed = '{}'::jsonb`, [id, assumed]);
  await flag('application', 'id', award.applicationId, POOL_2020_ASSUMED.application);
  await flag('assessment', 'application_id', award.applicationId, POOL_2020_ASSUMED.assessment);
  await flag('award', 'id', award.id, POOL_2020_ASSUMED.award);
  const { event } = await app.get(AwardsService).closeHistorical(manager, award, { reason: POOL_2020_CLOSED_REASON, at: app.get(Clock).now() });
  return audited({ awardId: award.id }, { ...event, actor, after: { ...(event.after as object), reportsDropped: dropped.map((report) => report.id) } });
}

async function ensureImportUser(app: INestApplicationContext, dataSource: DataSource): Promise<User> {
  const existing = await dataSource.manager.findOneBy(User, { email: IMPORT_USER_EMAIL });
  if (existing) return existing;
  const user = await app
    .get(UsersService)
    .create(
      { email: IMPORT_USER_EMAIL, name: 'Historisk import (Sundheds- og Ældreministeriet)', role: 'caseworker', password: randomBytes(24).toString('base64') },
      null,
    );
  // Recorded as the decider of the imported awards; it never signs in and is nobody's caseworker.
  await dataSource.query('UPDATE app_user SET active = false WHERE id = $1', [user.id]);
  return { ...user, active: false };
}

/** The report `npm start` prints after the import. */
export function describeImport(report: ImportReport): string {
  const lines = [
    `2020 pool: ${report.imported} project(s) imported, ${report.alreadyThere} already there${report.programmeCreated ? ' (programme created)' : ''}.`,
    `  Awarded ${formatKroner(report.awardedOre)} of a budget of ${formatKroner(report.budgetOre)}`,
    '  Historical: every award is closed (its follow-up is not registered here), with no reports due and no reminders.',
  ];
  if (report.madeHistorical > 0) lines.push(`  ${report.madeHistorical} award(s) of an earlier import closed as historical now.`);
  if (report.deviations.length) lines.push('  Where the published figures and the rules disagree (shown on the ledger, not corrected):');
  for (const deviation of report.deviations) lines.push(`    - ${deviation.caseNumber ? `${deviation.caseNumber}: ` : ''}${deviation.detail}`);
  lines.push(
    '  Assumed where the documents are silent (flagged under `assumed` in the API answers too):',
    ...report.assumptions.map((assumption) => `    - ${assumption}`),
  );
  return lines.join('\n');
}
