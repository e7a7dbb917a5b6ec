import { countOf, formatDate } from '../core/format/danish.js';
import type { CalendarDate } from '../core/time/calendar-date.js';
import { caseLabel } from '../reminders/reminder-messages.js';

export interface ExtensionNews {
  caseNumber: string | null;
  projectTitle: string;
  municipalityName: string;
  requestedMonths: number;
  /** Null: rejected. */
  approvedMonths: number | null;
  rationale: string;
  endDateBefore: CalendarDate;
  endDateAfter: CalendarDate;
}

const months = (count: number) => countOf(count, 'måned', 'måneder');

/** What the case's contacts are told when their COVID-19 extension request is decided. */
export function extensionDecisionMessage(news: ExtensionNews): { title: string; body: string } {
  const project = caseLabel({ caseNumber: news.caseNumber ?? '', projectTitle: news.projectTitle, municipalityName: news.municipalityName });
  if (news.approvedMonths === null) {
    return {
      title: `Afslag på forlængelse af ${news.caseNumber}`,
      body:
        `Ansøgningen om ${months(news.requestedMonths)} COVID-19-forlængelse af ${project} er afslået. ` +
        `Projektet slutter fortsat ${formatDate(news.endDateBefore)}.\n\nBegrundelse:\n${news.rationale}`,
    };
  }
  const fewer = news.approvedMonths < news.requestedMonths ? ` af de ${months(news.requestedMonths)}, der blev søgt om` : '';
  return {
    title: `Forlængelse af ${news.caseNumber} godkendt`,
    body:
      `${months(news.approvedMonths)} COVID-19-forlængelse${fewer} af ${project} er godkendt. ` +
      `Projektet slutter nu ${formatDate(news.endDateAfter)} i stedet for ${formatDate(news.endDateBefore)}, og fristen for slutrapporten er flyttet tilsvarende.` +
      `\n\nBegrundelse:\n${news.rationale}`,
  };
}
