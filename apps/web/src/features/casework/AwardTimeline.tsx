import { countOf, formatDate } from '../../format';
import { reportName, statusLabel } from '../../text/da';
import type { Award } from '../cases/useCase';
import type { ExtensionRequest } from '../extensions/useExtensions';
import type { Report } from '../reports/useReports';

interface Entry {
  date: string;
  text: string;
  /** What a pending decision would move (shown apart). */
  moved?: boolean;
}

/**
 * The award's timeline, oldest first: start, the report dates, the original end, each extension and
 * the end it set, the current end; and, when a decision is being drafted, where it would move the end
 * (`proposedEnd`), so the caseworker sees what the decision changes before making it.
 */
export function AwardTimeline({
  award,
  reports,
  requests,
  proposedEnd,
}: {
  award: Award;
  reports: Report[];
  requests: ExtensionRequest[];
  proposedEnd?: { date: string; months: number } | null;
}) {
  const entries: Entry[] = [{ date: award.startDate, text: 'Projektstart' }];
  for (const report of reports) {
    const name = reportName(report);
    entries.push({ date: report.dueDate, text: `${name}: frist (${statusLabel(report.status).toLowerCase()}${report.overdue ? ', overskredet' : ''})` });
  }
  if (award.originalEndDate !== award.endDate) entries.push({ date: award.originalEndDate, text: 'Oprindelig slutdato' });
  for (const request of requests) {
    if (request.status === 'approved' && request.endDateAfter && request.approvedMonths !== null) {
      entries.push({
        date: request.endDateAfter,
        text: `Slutdato efter forlængelse med ${countOf(request.approvedMonths, 'måned', 'måneder')}${request.decidedAt ? ` (godkendt ${formatDate(request.decidedAt)})` : ''}`,
      });
    }
  }
  entries.push({ date: award.endDate, text: award.originalEndDate === award.endDate ? 'Slutdato' : 'Nuværende slutdato' });
  if (proposedEnd) {
    entries.push({ date: proposedEnd.date, text: `Ny slutdato, hvis ${countOf(proposedEnd.months, 'måned', 'måneder')} godkendes`, moved: true });
  }
  // By date; on the same date in the order written (a report due at the end comes before the end).
  const sorted = entries.map((entry, index) => ({ entry, index })).sort((a, b) => a.entry.date.localeCompare(b.entry.date) || a.index - b.index);
  return (
    <ol className="timeline" data-testid="tidslinje" aria-label="Bevillingens tidslinje">
      {sorted.map(({ entry }, index) => (
        <li key={index} className={entry.moved ? 'timeline-moved' : undefined}>
          <span className="timeline-date">{formatDate(entry.date)}</span>
          {entry.text}
        </li>
      ))}
    </ol>
  );
}
