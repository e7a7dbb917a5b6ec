import { caseLabel, reportName } from '../reminders/reminder-messages.js';

export interface ReviewNews {
  caseNumber: string | null;
  projectTitle: string;
  municipalityName: string;
  reportKind: 'status' | 'final';
  sequence: number;
  outcome: 'approve' | 'return';
  comment: string;
  reviewer: string;
  /** Approving the final report completed the award. */
  completesAward: boolean;
}

/** What the case's contacts are told when a caseworker has reviewed their report. */
export function reviewMessage(news: ReviewNews): { title: string; body: string } {
  const report = reportName(news.reportKind, news.sequence);
  const reportInSentence = reportName(news.reportKind, news.sequence, true);
  const project = caseLabel({ caseNumber: news.caseNumber ?? '', projectTitle: news.projectTitle, municipalityName: news.municipalityName });
  if (news.outcome === 'return') {
    return {
      title: `${report} for ${news.caseNumber} er sendt retur`,
      body:
        `${news.reviewer} har sendt ${reportInSentence} for ${project} retur med denne kommentar:\n\n${news.comment}\n\n` +
        `Ret rapporten, og indsend den igen i Tilskud.`,
    };
  }
  return {
    title: `${report} for ${news.caseNumber} er godkendt`,
    body:
      `${news.reviewer} har godkendt ${reportInSentence} for ${project}.` +
      (news.completesAward ? ' Projektet er dermed afsluttet.' : '') +
      `\n\nKommentar:\n${news.comment}`,
  };
}
