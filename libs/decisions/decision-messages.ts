import { formatDate, formatKroner } from '../core/format/danish.js';
import type { Ore } from '../core/money/money.js';
import type { CalendarDate } from '../core/time/calendar-date.js';

export interface DecisionNews {
  organisation: string;
  caseNumber: string;
  title: string;
  municipalityName: string;
  outcome: 'award' | 'reject';
  fullGrant: boolean;
  requestedOre: Ore;
  amountOre: Ore | null;
  startDate?: CalendarDate;
  endDate?: CalendarDate;
}

/** The letter's kind, as the kommune knows it: a grant letter (tilsagnsbrev) or a decision letter (afgørelsesbrev). */
export function letterName(decision: { outcome: 'award' | 'reject'; fullGrant: boolean }): string {
  if (decision.outcome === 'reject') return 'afgørelsesbrevet';
  return decision.fullGrant ? 'tilsagnsbrevet' : 'tilsagns- og afgørelsesbrevet';
}

/** What the case's contacts are told when their application is decided: in the inbox and by e-mail. */
export function decisionMessage(news: DecisionNews): { title: string; body: string } {
  const project = `«${news.title}» (${news.caseNumber}, ${news.municipalityName})`;
  const letter = letterName(news);
  if (news.outcome === 'reject') {
    return {
      title: `Afslag på ansøgning ${news.caseNumber} «${news.title}»`,
      body:
        `${news.organisation} har givet afslag på ansøgningen om tilskud til projektet ${project}. ` +
        `Begrundelsen og klagevejledningen står i ${letter}, som kan hentes som PDF i Tilskud.`,
    };
  }
  const period = news.startDate && news.endDate ? ` for perioden ${formatDate(news.startDate)} til ${formatDate(news.endDate)}` : '';
  const granted = `${news.organisation} har givet tilsagn om ${formatKroner(news.amountOre!)} til projektet ${project}${period}.`;
  if (news.fullGrant) {
    return {
      title: `Tilsagn til ${news.caseNumber} «${news.title}»`,
      body: `${granted} Tilsagnsbrevet med vilkårene og fristerne for rapportering kan hentes som PDF i Tilskud.`,
    };
  }
  return {
    title: `Delvist tilsagn til ${news.caseNumber} «${news.title}»`,
    body:
      `${granted} Der var søgt om ${formatKroner(news.requestedOre)}; ` +
      `begrundelsen for det lavere beløb, vilkårene og klagevejledningen står i ${letter}, som kan hentes som PDF i Tilskud.`,
  };
}
