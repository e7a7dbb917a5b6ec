import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { Application } from '../applications/application.entity.js';
import { ApplicationsService } from '../applications/applications.service.js';
import type { AppConfigService } from '../core/config/config.module.js';
import type { Actor } from '../core/context/request-context.js';
import type { AuthUser } from '../core/access/auth-user.js';
import type { DecisionBody } from '../decisions/dto/decision.dto.js';
import { NotFoundDomainException } from '../core/errors/domain.exception.js';
import { DecisionsService } from '../decisions/decisions.service.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import type { Programme } from '../programmes/programme.entity.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import { type Letter, renderLetter } from './letter-pdf.js';
import { DanishCalendar } from '../core/time/danish-calendar.js';
import { asDraft, decisionLetter, type LetterCase, type LetterDecision, type LetterProgramme, type Organisation, receiptLetter } from './letters.js';

export interface RenderedLetter {
  pdf: Buffer;
  /** A file name for the download: `tilsagnsbrev-ÆLD-2020-0007.pdf`. */
  filename: string;
}

/**
 * The case's letters, generated from the database on every request, the same way every time: the
 * receipt from the submitted application, the decision letter from the decision as it was made.
 */
@Injectable()
export class LettersService {
  constructor(
    @Inject(ApplicationsService) private readonly applications: ApplicationsService,
    @Inject(DecisionsService) private readonly decisions: DecisionsService,
    @Inject(ProgrammesService) private readonly programmes: ProgrammesService,
    @Inject(MunicipalitiesService) private readonly municipalities: MunicipalitiesService,
    @Inject(ConfigService) private readonly config: AppConfigService,
    @Inject(DanishCalendar) private readonly calendar: DanishCalendar,
  ) {}

  /** `hideSubmitter`: without the name of who submitted it (a case file with personal data left out). */
  async receipt(applicationId: string, actor: Actor, { hideSubmitter = false } = {}): Promise<RenderedLetter> {
    const application = await this.applications.get(applicationId, actor);
    if (!application.caseNumber || !application.submittedAt) throw new NotFoundDomainException('Kvitteringen for ansøgningen', applicationId);
    const programme = await this.programmes.get(application.programmeId);
    const letterCase = await this.letterCase(application, programme);
    const letter = receiptLetter(this.organisation(), letterProgramme(programme), hideSubmitter ? { ...letterCase, submittedByName: null } : letterCase);
    return { pdf: await renderLetter(letter), filename: `kvittering-${application.caseNumber}.pdf` };
  }

  /** `hidePeople`: without the names of who submitted and who decided (a case file with personal data left out). */
  async decision(applicationId: string, actor: Actor, { hidePeople = false } = {}): Promise<RenderedLetter> {
    const { application, decision, award, decidedByName } = await this.decisions.read(applicationId, actor);
    const programme = await this.programmes.get(application.programmeId);
    const letter = await this.decisionLetter(
      application,
      programme,
      {
        outcome: decision.outcome,
        fullGrant: decision.fullGrant,
        rationale: decision.rationale,
        amountOre: decision.amountOre,
        startDate: award?.startDate ?? null,
        endDate: award?.originalEndDate ?? null,
        legalBasis: decision.legalBasis,
        appealGuidance: decision.appealGuidance,
        decidedAt: decision.decidedAt,
        decidedByName: hidePeople ? null : decidedByName,
      },
      hidePeople,
    );
    return { pdf: await renderLetter(letter), filename: `${letterFile(decision.outcome)}-${application.caseNumber}.pdf` };
  }

  /**
   * The decision letter a decision would send if the caseworker made it now, marked as a draft: the
   * decision is checked by every rule of deciding (the same refusals), and nothing is written.
   */
  async decisionPreview(applicationId: string, body: DecisionBody, actor: AuthUser): Promise<RenderedLetter> {
    const checked = await this.decisions.preview(applicationId, body, actor);
    const award = checked.outcome === 'award';
    const letter = await this.decisionLetter(checked.application, checked.programme, {
      outcome: checked.outcome,
      fullGrant: checked.fullGrant,
      rationale: checked.rationale,
      amountOre: checked.amountOre,
      startDate: award ? checked.startDate : null,
      endDate: award ? checked.endDate : null,
      legalBasis: checked.programme.legalBasis,
      appealGuidance: checked.programme.appealGuidance,
      decidedAt: checked.now,
      decidedByName: actor.name,
    });
    return { pdf: await renderLetter(asDraft(letter)), filename: `udkast-${letterFile(checked.outcome)}-${checked.application.caseNumber}.pdf` };
  }

  private async decisionLetter(application: Application, programme: Programme, decision: LetterDecision, hideSubmitter = false): Promise<Letter> {
    const letterCase = await this.letterCase(application, programme);
    return decisionLetter(
      this.organisation(),
      letterProgramme(programme),
      hideSubmitter ? { ...letterCase, submittedByName: null } : letterCase,
      decision,
      this.calendar,
    );
  }

  private organisation(): Organisation {
    return {
      name: this.config.get('ORGANISATION_NAME', { infer: true }),
      addressLines: this.config
        .get('ORGANISATION_ADDRESS', { infer: true })
        .split(';')
        .map((line) => line.trim())
        .filter(Boolean),
    };
  }

  private async letterCase(application: Application, programme: Programme): Promise<LetterCase> {
    const names = await this.municipalities.officialNames();
    const themes = new Map(programme.themes.map((theme) => [theme.key, theme.name]));
    return {
      caseNumber: application.caseNumber!,
      title: application.title,
      purpose: application.purpose,
      activities: application.activities,
      leadKommune: names.get(application.municipalityCode) ?? application.municipalityCode,
      coApplicantKommuner: application.coApplicantCodes.map((code) => names.get(code) ?? code),
      requestedOre: application.requestedOre,
      plannedStart: application.plannedStart,
      plannedEnd: application.plannedEnd,
      themeNames: application.themes.map((key) => themes.get(key) ?? key),
      receivedAt: application.submittedAt!,
      submittedByName: await this.applications.submitterName(application.id),
    };
  }
}

/** The letter's kind in a file name: `tilsagnsbrev`, `afgoerelsesbrev`. */
const letterFile = (outcome: 'award' | 'reject') => (outcome === 'award' ? 'tilsagnsbrev' : 'afgoerelsesbrev');

function letterProgramme(programme: Programme): LetterProgramme {
  return {
    name: programme.name,
    applicationClosesAt: programme.applicationClosesAt,
    maxCovidExtensionMonths: programme.maxCovidExtensionMonths,
    statusReportIntervalMonths: programme.statusReportIntervalMonths,
    finalReportDueMonths: programme.finalReportDueMonths,
    awardConditions: programme.awardConditions,
  };
}
