import { Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Writable } from 'node:stream';
import { Transform } from 'node:stream';
import { finished, pipeline } from 'node:stream/promises';
import type { DataSource } from 'typeorm';
import type { AppConfigService } from '../core/config/config.module.js';
import { Clock } from '../core/time/clock.js';
import { ProgrammesService } from '../programmes/programmes.service.js';
import { type Overview, writeAwardOverviewPdf } from './award-overview.pdf.js';
import { publishedRationale } from './award-overview.js';
import { formatSpreadsheetDate } from '../core/format/danish.js';
import { statusLabel } from '../core/format/status-labels.js';
import { AmountCell, type CsvCell, csvWriter } from './csv.js';
import { ExportStreams } from '../core/http/export-streams.js';

const AWARD_COLUMNS = [
  'Journalnummer',
  'Pulje',
  'Kommunekode',
  'Ansøger',
  'Medansøgere',
  'Titel',
  'Bevilget beløb (kr.)',
  'Startdato',
  'Slutdato',
  'Oprindelig slutdato',
  'Forlænget (måneder)',
  'Status',
  'Afgørelsesdato',
];

const AUDIT_COLUMNS = [
  'seq',
  'id',
  'occurredAt',
  'actorId',
  'actorRole',
  'action',
  'entityType',
  'entityId',
  'before',
  'after',
  'requestId',
  'prevHash',
  'hash',
];

/** For the ministry's finance system: what to pay, to whom, and the reference to record the payment by. */
const PAYMENT_COLUMNS = ['CVR-nummer', 'Journalnummer', 'Kommunekode', 'Modtager', 'Rate', 'Beløb (kr.)', 'Beløb (øre)', 'Reference', 'Godkendt'];

interface PaymentExportRow {
  cvr: string | null;
  case_number: string;
  municipality_code: string;
  recipient: string;
  sequence: number;
  amount_ore: string;
  id: string;
  approved_on: string;
}

interface AwardExportRow {
  case_number: string;
  programme_code: string;
  municipality_code: string;
  applicant: string;
  co_applicants: string | null;
  title: string;
  amount_ore: string;
  start_date: string;
  end_date: string;
  original_end_date: string;
  approved_extension_months: number;
  status: string;
  decided_on: string;
}

@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(ExportStreams) private readonly streams: ExportStreams,
    @Inject(ProgrammesService) private readonly programmes: ProgrammesService,
    @Inject(ConfigService) private readonly config: AppConfigService,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  /** One row per award, streamed from a database cursor so memory stays flat whatever the number of awards. */
  streamAwardsCsv(output: Writable, programmeId?: string): Promise<void> {
    return this.streamCsv(
      output,
      `SELECT a.case_number, p.code AS programme_code, a.municipality_code, m.name AS applicant,
                (SELECT string_agg(cm.name, ', ' ORDER BY cm.name) FROM municipality cm WHERE cm.code = ANY(ap.co_applicant_codes)) AS co_applicants,
                ap.title, a.amount_ore, a.start_date, a.end_date, a.original_end_date, a.approved_extension_months, a.status,
                to_char(a.decided_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD') AS decided_on
           FROM award a
           JOIN application ap ON ap.id = a.application_id
           JOIN programme p ON p.id = a.programme_id
           JOIN municipality m ON m.code = a.municipality_code
          WHERE ($1::uuid IS NULL OR a.programme_id = $1)
          ORDER BY a.case_number`,
      [programmeId ?? null],
      AWARD_COLUMNS,
      (row: AwardExportRow) => [
        row.case_number,
        row.programme_code,
        row.municipality_code,
        row.applicant,
        row.co_applicants,
        row.title,
        new AmountCell(BigInt(row.amount_ore)),
        formatSpreadsheetDate(row.start_date),
        formatSpreadsheetDate(row.end_date),
        formatSpreadsheetDate(row.original_end_date),
        row.approved_extension_months,
        statusLabel(row.status),
        formatSpreadsheetDate(row.decided_on),
      ],
    );
  }

  /**
   * The instalments approved for payment and not yet paid, one row each, for the finance system: the
   * recipient's CVR number, the case, the amount and the instalment's id as the reference its payment is
   * recorded by (`POST /payments/:id/paid`). An instalment leaves the list when its payment is recorded.
   */
  streamPaymentsCsv(output: Writable, programmeId?: string): Promise<void> {
    return this.streamCsv(
      output,
      `SELECT ap.cvr, i.case_number, i.municipality_code, coalesce(m.official_name, m.name) AS recipient, i.sequence, i.amount_ore, i.id,
              to_char(i.approved_at AT TIME ZONE 'Europe/Copenhagen', 'YYYY-MM-DD') AS approved_on
         FROM instalment i
         JOIN application ap ON ap.id = i.application_id
         JOIN municipality m ON m.code = i.municipality_code
        WHERE i.status = 'approved' AND ($1::uuid IS NULL OR i.programme_id = $1)
        ORDER BY i.case_number, i.sequence`,
      [programmeId ?? null],
      PAYMENT_COLUMNS,
      (row: PaymentExportRow) => [
        row.cvr,
        row.case_number,
        row.municipality_code,
        row.recipient,
        row.sequence,
        new AmountCell(BigInt(row.amount_ore)),
        row.amount_ore,
        row.id,
        formatSpreadsheetDate(row.approved_on),
      ],
    );
  }

  /**
   * The audit trail as CSV, oldest first, streamed from a cursor: memory stays flat for millions of
   * events. Before/after are JSON in their own columns, so nothing of an event is lost.
   */
  streamAuditCsv(output: Writable, range: { from?: string; to?: string }): Promise<void> {
    return this.streamCsv(
      output,
      `SELECT seq, id, occurred_at, actor_id, actor_role, action, entity_type, entity_id, before, after, request_id, prev_hash, hash
           FROM audit_event
          WHERE ($1::timestamptz IS NULL OR occurred_at >= $1) AND ($2::timestamptz IS NULL OR occurred_at < $2)
          ORDER BY seq`,
      [range.from ?? null, range.to ?? null],
      AUDIT_COLUMNS,
      (row: Record<string, unknown>) => [
        String(row.seq),
        row.id as string,
        (row.occurred_at as Date).toISOString(),
        row.actor_id as string | null,
        row.actor_role as string | null,
        row.action as string,
        row.entity_type as string,
        row.entity_id as string | null,
        row.before === null ? '' : JSON.stringify(row.before),
        row.after === null ? '' : JSON.stringify(row.after),
        row.request_id as string | null,
        row.prev_hash as string,
        row.hash as string,
      ],
    );
  }

  /** A query's rows as CSV, from a cursor on the export pool, with back-pressure to the client. */
  private async streamCsv<Row>(output: Writable, sql: string, parameters: unknown[], header: string[], fields: (row: Row) => CsvCell[]): Promise<void> {
    const rows = await this.streams.rows(sql, parameters);
    const toRecords = new Transform({
      objectMode: true,
      transform(row: Row, _encoding, callback) {
        callback(null, fields(row));
      },
    });
    await pipeline(rows, toRecords, csvWriter(header), output);
  }

  /**
   * The published award overview of a programme, from the awards as they stand now, measured against its
   * budget with its adjustments, all read from one snapshot; 404 for an unknown programme.
   */
  async awardOverview(programmeId: string): Promise<Overview> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const programme = await this.programmes.get(programmeId, manager);
      const ledger = (await this.programmes.ledgers([programmeId], manager)).get(programmeId)!;
      const rows: Array<{
        case_number: string;
        applicant: string;
        title: string;
        purpose: string;
        activities: string[];
        rationale: string;
        ratings: Array<{ criterionKey: string; rationale: string }> | null;
        amount_ore: string;
      }> = await manager.query(
        `SELECT a.case_number,
                  CASE WHEN cardinality(ap.co_applicant_codes) = 0 THEN m.official_name
                     ELSE m.official_name || ' (med ' || (SELECT string_agg(cm.official_name, ' og ' ORDER BY cm.name) FROM municipality cm WHERE cm.code = ANY(ap.co_applicant_codes)) || ')'
                  END AS applicant,
                  ap.title, ap.purpose, ap.activities, d.rationale, s.ratings, a.amount_ore
             FROM award a
             JOIN application ap ON ap.id = a.application_id
             JOIN decision d ON d.application_id = a.application_id
             LEFT JOIN assessment s ON s.application_id = a.application_id
             JOIN municipality m ON m.code = a.municipality_code
            WHERE a.programme_id = $1 AND a.status <> 'cancelled'
            ORDER BY a.case_number`,
        [programmeId],
      );
      return {
        organisation: this.config.get('ORGANISATION_NAME', { infer: true }),
        producedAt: this.clock.now(),
        programmeName: programme.name,
        budgetOre: programme.budgetOre,
        adjustmentsOre: ledger.adjustmentsOre,
        minApplicationOre: programme.minApplicationOre,
        rows: rows.map(({ case_number, amount_ore, rationale, ratings, ...row }) => ({
          ...row,
          rationale: publishedRationale(rationale, ratings, programme.criteria),
          caseNumber: case_number,
          amountOre: BigInt(amount_ore),
        })),
      };
    });
  }

  /** Writes an overview as PDF; resolves when the last byte is handed to the output. */
  async writeAwardOverviewPdf(overview: Overview, output: Writable): Promise<void> {
    writeAwardOverviewPdf(overview, output);
    await finished(output);
  }
}
