import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';
import { formatDate, formatKroner } from '../core/format/danish.js';
import type { CalendarDate } from '../core/time/calendar-date.js';
import { reportName } from '../reminders/reminder-messages.js';

export class ReportException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions: Record<string, unknown> = {}) {
    super(code, detail, extensions);
  }

  static notOwner(): ReportException {
    return new ReportException('not-owner', 'Kun en projektleder i tilsagnets ansøgende kommune kan indsende dets rapporter.');
  }

  static awardNotActive(status: string): ReportException {
    const word = { completed: 'afsluttet', closed: 'lukket', cancelled: 'annulleret' }[status] ?? status;
    return new ReportException('award-not-active', `Tilsagnet er ${word}; der kan ikke indsendes flere rapporter på det.`, { awardStatus: status });
  }

  static periodNotStarted(periodStartDate: CalendarDate): ReportException {
    return new ReportException(
      'report-period-not-started',
      `Rapportens periode begynder ${formatDate(periodStartDate)}; rapporten kan indsendes fra den dag.`,
      { periodStartDate },
    );
  }

  static spentAboveAward(awardOre: bigint): ReportException {
    const amount = formatKroner(awardOre);
    return new ReportException('spent-above-award', `Det forbrugte beløb kan ikke være større end tilsagnets ${amount}`, {
      awardAmountOre: Number(awardOre),
      errors: [{ field: 'spentToDateOre', message: `må højst være ${amount} (tilsagnets beløb)` }],
    });
  }

  static spentDecreased(previousOre: bigint): ReportException {
    const amount = formatKroner(previousOre);
    return new ReportException(
      'spent-decreased',
      `Det forbrugte beløb er lavere end de ${amount} i den senest godkendte rapport. Forklar forskellen under afvigelser.`,
      {
        previousSpentToDateOre: Number(previousOre),
        errors: [{ field: 'deviations', message: `skal forklare, hvorfor forbruget er lavere end ${amount} i den senest godkendte rapport` }],
      },
    );
  }

  static reportsOutstanding(reports: Array<{ kind: 'status' | 'final'; sequence: number; dueDate: CalendarDate; status: string }>): ReportException {
    const names = reports.map((report) => `${reportName(report.kind, report.sequence)} (frist ${formatDate(report.dueDate)})`);
    return new ReportException(
      'reports-outstanding',
      `Slutrapporten kan først godkendes, når alle statusrapporter er godkendt. Mangler: ${names.join(', ')}.`,
      { outstanding: reports.map(({ kind, sequence, dueDate, status }) => ({ kind, sequence, dueDate, status })) },
    );
  }
}
