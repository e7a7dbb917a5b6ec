import { countOf, formatKroner } from '../core/format/danish.js';
import { type Ore, sumOre } from '../core/money/money.js';
import { isRealText } from '../decisions/rationale.js';

/** One award as the published overview shows it. */
export interface OverviewRow {
  caseNumber: string;
  applicant: string;
  title: string;
  purpose: string;
  activities: string[];
  rationale: string;
  amountOre: Ore;
}

/** The published award overview of a programme, as data: everything the PDF shows, nothing it looks up. */
export interface Overview {
  /** Who publishes it (ORGANISATION_NAME). */
  organisation: string;
  /** When it was produced from the database; printed, and the PDF's creation date. */
  producedAt: Date;
  programmeName: string;
  budgetOre: Ore;
  /** The sum of the programme's budget adjustments: part of the frame the awards are measured against. */
  adjustmentsOre: Ore;
  minApplicationOre: Ore;
  /** The awards not cancelled, in case-number order. */
  rows: OverviewRow[];
}

/**
 * The rationale the overview publishes for an award: the decision's own when it is real text; else
 * (a full grant decided without one, forvaltningsloven § 22) the assessment's rationale per criterion,
 * one line each under the criterion's title. A rationale that is not real text ("x") is never printed.
 */
export function publishedRationale(
  decisionRationale: string,
  ratings: ReadonlyArray<{ criterionKey: string; rationale: string }> | null,
  criteria: ReadonlyArray<{ key: string; title: string }>,
): string {
  if (isRealText(decisionRationale)) return decisionRationale.trim();
  const titles = new Map(criteria.map((criterion) => [criterion.key, criterion.title]));
  return (ratings ?? [])
    .filter((rating) => isRealText(rating.rationale))
    .map((rating) => `• ${titles.get(rating.criterionKey) ?? rating.criterionKey}: ${rating.rationale.trim()}`)
    .join('\n');
}

/** Whether an award is below the programme's minimum amount (the 2020 pool's Brønderslev award is). */
export function isBelowMinimum(row: Pick<OverviewRow, 'amountOre'>, overview: Pick<Overview, 'minApplicationOre'>): boolean {
  return row.amountOre < overview.minApplicationOre;
}

/** The mark an award below the minimum carries in the table. */
export const belowMinimumMark = (overview: Pick<Overview, 'minApplicationOre'>) => `Under puljens minimum på ${formatKroner(overview.minApplicationOre)}`;

export interface OverviewSummary {
  /** `I alt bevilget til 31 projekter: 246.000.000 kr.` */
  total: string;
  /** The frame (budget and adjustments) and what is left of it, or by how much the awards exceed it. */
  frame: string;
  /** The awards below the minimum, by case number, applicant and amount; null when there are none. */
  belowMinimum: string | null;
  /** Committed beyond budget + adjustments: 0 when the frame covers every award. */
  overFrameOre: Ore;
}

/**
 * The lines under the table. "Ud over rammen" is measured against the budget with its adjustments, as
 * the ledger measures it: an over-commitment an adjustment covers is within the frame. Amounts end in
 * "kr.", so the parts are set apart with a middle dot, never followed by a second full stop.
 */
export function overviewSummary(overview: Overview): OverviewSummary {
  const committedOre = sumOre(overview.rows.map((row) => row.amountOre));
  const frameOre = overview.budgetOre + overview.adjustmentsOre;
  const overFrameOre = committedOre > frameOre ? committedOre - frameOre : 0n;
  const frame = [
    `Puljens ramme: ${formatKroner(overview.budgetOre)}`,
    ...(overview.adjustmentsOre === 0n
      ? []
      : [`Budgetreguleringer: ${overview.adjustmentsOre > 0n ? '+' : ''}${formatKroner(overview.adjustmentsOre)}`, `Ramme i alt: ${formatKroner(frameOre)}`]),
    overFrameOre > 0n ? `Bevilget ud over rammen: ${formatKroner(overFrameOre)}` : `Ikke disponeret: ${formatKroner(frameOre - committedOre)}`,
  ].join(' · ');
  const below = overview.rows.filter((row) => isBelowMinimum(row, overview));
  return {
    total: `I alt bevilget til ${countOf(overview.rows.length, 'projekt', 'projekter')}: ${formatKroner(committedOre)}`,
    frame,
    belowMinimum:
      below.length === 0
        ? null
        : `${countOf(below.length, 'tilsagn', 'tilsagn')} under puljens minimum på ${formatKroner(overview.minApplicationOre)}: ${below
            .map((row) => `${row.caseNumber} ${row.applicant} (${formatKroner(row.amountOre)})`)
            .join('; ')}`,
    overFrameOre,
  };
}
