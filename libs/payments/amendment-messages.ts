import { formatDate, formatKroner } from '../core/format/danish.js';
import { caseLabel } from '../reminders/reminder-messages.js';

interface CaseNews {
  caseNumber: string;
  projectTitle: string;
  municipalityName: string;
}

export type AmendmentNews =
  | { kind: 'amount'; fromOre: bigint; toOre: bigint }
  | { kind: 'period'; fromDate: string; toDate: string }
  | { kind: 'contact'; fromName: string | null; toName: string };

/** What the kommune is told of an amendment of its award: what changed, from what to what, and why. */
export function amendmentMessage(news: CaseNews & { version: number; decidedBy: string; rationale: string; change: AmendmentNews }): {
  title: string;
  body: string;
} {
  const project = caseLabel(news);
  const change = news.change;
  const what =
    change.kind === 'amount'
      ? `Tilsagnets beløb er ${change.toOre > change.fromOre ? 'forhøjet' : 'nedsat'} fra ${formatKroner(change.fromOre)} til ${formatKroner(change.toOre)}. ` +
        'De rater, der endnu ikke er godkendt til udbetaling, er ændret tilsvarende.'
      : change.kind === 'period'
        ? `Projektets slutdato er ændret fra ${formatDate(change.fromDate)} til ${formatDate(change.toDate)}. ` +
          'Rapporternes frister følger den nye periode. Ændringen tæller ikke med i puljens højeste antal måneders COVID-19-forlængelse.'
        : `Tilsagnets kontaktperson er ændret${change.fromName ? ` fra ${change.fromName}` : ''} til ${change.toName}. Kontaktpersonen får sagens breve og påmindelser.`;
  return {
    title: `Tilsagnet for ${news.caseNumber} er ændret`,
    body: `${news.decidedBy} har ændret tilsagnet til ${project} (ændring nr. ${news.version}).\n\n${what}\n\nBegrundelse:\n${news.rationale}`,
  };
}

/** What the kommune is told when its award is cancelled (bortfald). */
export function cancellationMessage(
  news: CaseNews & {
    decidedBy: string;
    rationale: string;
    amountOre: bigint;
    paidOre: bigint;
    cancelledInstalments: number;
    repayment: { amountOre: bigint; dueDate: string; waived: boolean } | null;
  },
): { title: string; body: string } {
  const project = caseLabel(news);
  const rates = news.cancelledInstalments === 1 ? 'Den rate, der ikke er udbetalt, er annulleret.' : 'De rater, der ikke er udbetalt, er annulleret.';
  const claim = !news.repayment
    ? 'Der er ikke udbetalt noget på tilsagnet, så intet skal tilbagebetales.'
    : news.repayment.waived
      ? `Der er udbetalt ${formatKroner(news.paidOre)}. Beløbet er under puljens bagatelgrænse, så kravet om tilbagebetaling er eftergivet.`
      : `Der er udbetalt ${formatKroner(news.paidOre)}, som skal tilbagebetales senest ${formatDate(news.repayment.dueDate)}.`;
  return {
    title: `Tilsagnet for ${news.caseNumber} er bortfaldet`,
    body:
      `${news.decidedBy} har truffet afgørelse om, at tilsagnet på ${formatKroner(news.amountOre)} til ${project} bortfalder. ` +
      `${news.cancelledInstalments > 0 ? `${rates} ` : ''}${claim} Der skal ikke længere indsendes rapporter.\n\nBegrundelse:\n${news.rationale}`,
  };
}
