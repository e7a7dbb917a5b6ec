import { formatDate, formatKroner } from '../core/format/danish.js';
import { caseLabel } from '../reminders/reminder-messages.js';

interface CaseNews {
  caseNumber: string;
  projectTitle: string;
  municipalityName: string;
}

/** What the case's contacts are told when their final accounts have been reviewed. */
export function finalAccountsReviewMessage(
  news: CaseNews & { outcome: 'approve' | 'return'; filingNo: number; spentOre: bigint; comment: string; reviewer: string },
): { title: string; body: string } {
  const project = caseLabel(news);
  if (news.outcome === 'return') {
    return {
      title: `Slutregnskabet for ${news.caseNumber} er sendt retur`,
      body: `${news.reviewer} har sendt slutregnskabet (nr. ${news.filingNo}) for ${project} retur med denne kommentar:\n\n${news.comment}\n\nRet slutregnskabet, og indsend det igen i Tilskud.`,
    };
  }
  return {
    title: `Slutregnskabet for ${news.caseNumber} er godkendt`,
    body:
      `${news.reviewer} har godkendt slutregnskabet for ${project} med et forbrug på ${formatKroner(news.spentOre)}. ` +
      `Der udbetales kun det godkendte forbrug.\n\nKommentar:\n${news.comment}`,
  };
}

/** What the case's contacts are told when a repayment claim is opened on their award. */
export function repaymentOpenedMessage(news: CaseNews & { amountOre: bigint; dueDate: string }): { title: string; body: string } {
  return {
    title: `Krav om tilbagebetaling for ${news.caseNumber}`,
    body:
      `Der er udbetalt ${formatKroner(news.amountOre)} mere end det godkendte forbrug for ${caseLabel(news)}. ` +
      `Beløbet skal tilbagebetales senest ${formatDate(news.dueDate)}.`,
  };
}
