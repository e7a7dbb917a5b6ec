import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import yazl from 'yazl';
import { ApplicationsService } from '../applications/applications.service.js';
import { UsersService } from '../auth/users.service.js';
import type { AppConfigService } from '../core/config/config.module.js';
import type { AuthUser } from '../core/access/auth-user.js';
import { NotFoundDomainException } from '../core/errors/domain.exception.js';
import { Clock } from '../core/time/clock.js';
import { renderLetter } from '../letters/letter-pdf.js';
import { LettersService, type RenderedLetter } from '../letters/letters.service.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import {
  aktListeCsv,
  aktListeLetter,
  type CaseAct,
  CaseFileNames,
  DOCUMENT_KIND_NAMES,
  reportFileName,
  type ReportSubmissionRecord,
  reportSubmissionLetter,
  zipEntryName,
} from './case-file.js';
import type { CaseDocument } from './document.entity.js';
import { DocumentsService } from './documents.service.js';

/** Everything the case file holds, read before the download starts (so a refusal is still a problem answer). */
export interface PreparedCaseFile {
  filename: string;
  documents: CaseDocument[];
  generated: Array<{ name: string; bytes: Buffer }>;
}

/**
 * The case file for aktindsigt: a zip of the case's documents (streamed from the store one at a time,
 * never held whole), the receipt and the decision letter, each report submission as a PDF, and the
 * akt-liste as CSV and PDF. `redact` leaves out personal details of people outside the requester's
 * own kommune in the files generated here.
 */
@Injectable()
export class CaseFileService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ApplicationsService) private readonly applications: ApplicationsService,
    @Inject(DocumentsService) private readonly documents: DocumentsService,
    @Inject(LettersService) private readonly letters: LettersService,
    @Inject(UsersService) private readonly users: UsersService,
    @Inject(MunicipalitiesService) private readonly municipalities: MunicipalitiesService,
    @Inject(ConfigService) private readonly config: AppConfigService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  async prepare(applicationId: string, actor: AuthUser, redact: boolean): Promise<PreparedCaseFile> {
    const application = await this.applications.get(applicationId, actor);
    const caseNumber = application.caseNumber ?? 'kladde';
    const organisation = {
      name: this.config.get('ORGANISATION_NAME', { infer: true }),
      addressLines: this.config
        .get('ORGANISATION_ADDRESS', { infer: true })
        .split(';')
        .map((line) => line.trim())
        .filter(Boolean),
    };
    const documents = (await this.documents.listForCase(applicationId, actor)).filter((document) => document.journalNo !== null);
    const acts: Array<{ journal_no: string; serial: number; kind: string; title: string; registered_at: Date }> = await this.dataSource.query(
      'SELECT journal_no, serial, kind, title, registered_at FROM case_act WHERE application_id = $1 ORDER BY serial',
      [applicationId],
    );
    const submissions: Array<{
      kind: 'status' | 'final';
      sequence: number;
      submission_no: number;
      narrative: string;
      spent_to_date_ore: string;
      milestones: string[];
      deviations: string | null;
      next_steps: string | null;
      submitted_by: string;
      submitted_at: Date;
      review_outcome: 'approve' | 'return' | null;
      review_comment: string | null;
      reviewed_by: string | null;
      reviewed_at: Date | null;
    }> = await this.dataSource.query(
      `SELECT r.kind, r.sequence, s.submission_no, s.narrative, s.spent_to_date_ore, s.milestones, s.deviations, s.next_steps, s.submitted_by,
              s.submitted_at, s.review_outcome, s.review_comment, s.reviewed_by, s.reviewed_at
         FROM report_submission s JOIN progress_report r ON r.id = s.report_id
        WHERE r.application_id = $1 ORDER BY s.submitted_at, s.id`,
      [applicationId],
    );
    const people = await this.users.people([
      ...documents.map((document) => document.uploadedBy),
      ...submissions.flatMap((submission) => [submission.submitted_by, submission.reviewed_by]),
    ]);
    const names = new CaseFileNames(
      redact,
      actor.role === 'project_lead' ? actor.municipalityCode : null,
      await this.municipalities.officialNames(),
      organisation.name,
    );

    const aktListe: CaseAct[] = [
      ...documents.map((document) => ({
        serial: document.journalSerial!,
        journalNo: document.journalNo!,
        registeredAt: document.uploadedAt,
        title: document.filename,
        kind: DOCUMENT_KIND_NAMES[document.kind] ?? document.kind,
        sender: names.sender(people.get(document.uploadedBy)),
      })),
      ...acts.map((act) => ({
        serial: act.serial,
        journalNo: act.journal_no,
        registeredAt: act.registered_at,
        title: act.title,
        kind: DOCUMENT_KIND_NAMES[act.kind] ?? act.kind,
        sender: names.ministry,
      })),
    ].sort((a, b) => a.serial - b.serial);

    const generated: Array<{ name: string; bytes: Buffer }> = [];
    const letter = async (make: () => Promise<RenderedLetter>) => {
      try {
        const rendered = await make();
        generated.push({ name: zipEntryName(rendered.filename), bytes: rendered.pdf });
      } catch (error) {
        // Before submission there is no receipt, before a decision no letter: the case file has what there is.
        if (!(error instanceof NotFoundDomainException)) throw error;
      }
    };
    // The submitter is a project lead of the lead kommune; the decider is the ministry's.
    const submitterHidden = names.hides({ name: '', municipalityCode: application.municipalityCode });
    await letter(() => this.letters.receipt(applicationId, actor, { hideSubmitter: submitterHidden }));
    await letter(() => this.letters.decision(applicationId, actor, { hidePeople: redact }));
    for (const row of submissions) {
      const record: ReportSubmissionRecord = {
        reportKind: row.kind,
        reportSequence: row.sequence,
        submissionNo: row.submission_no,
        narrative: row.narrative,
        spentToDateOre: BigInt(row.spent_to_date_ore),
        milestones: row.milestones,
        deviations: row.deviations,
        nextSteps: row.next_steps,
        submittedAt: row.submitted_at,
        submittedBy: people.get(row.submitted_by),
        reviewOutcome: row.review_outcome,
        reviewComment: row.review_comment,
        reviewedAt: row.reviewed_at,
        reviewedBy: row.reviewed_by ? people.get(row.reviewed_by) : undefined,
      };
      generated.push({ name: reportFileName(record), bytes: await renderLetter(reportSubmissionLetter({ caseNumber, organisation }, record, names)) });
    }
    const now = this.clock.now();
    generated.push({ name: 'akt-liste.csv', bytes: Buffer.from(aktListeCsv(aktListe), 'utf8') });
    generated.push({
      name: 'akt-liste.pdf',
      bytes: await renderLetter(aktListeLetter({ caseNumber, title: application.title, organisation, now, redacted: redact }, aktListe)),
    });
    return { filename: `sagsakter-${caseNumber}.zip`, documents, generated };
  }

  /** Writes the zip to the response: the documents streamed one after another from the store, stored as they are (mostly compressed already). */
  async write(output: ServerResponse, prepared: PreparedCaseFile): Promise<void> {
    const zip = new yazl.ZipFile();
    const mtime = this.clock.now();
    for (const document of prepared.documents) {
      zip.addReadStream(this.documents.contentOf(document), `dokumenter/${zipEntryName(`${document.journalNo}-${document.filename}`)}`, {
        mtime,
        compress: false,
      });
    }
    for (const file of prepared.generated) zip.addBuffer(file.bytes, file.name, { mtime });
    zip.end();
    await pipeline(zip.outputStream, output);
  }
}
