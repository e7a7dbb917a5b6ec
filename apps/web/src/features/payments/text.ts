import type { Instalment } from './usePayments';

/** What makes an instalment payable, as the kommune and the caseworker read it. */
export function triggerText(instalment: Pick<Instalment, 'trigger' | 'reportSequence'>): string {
  switch (instalment.trigger) {
    case 'award':
      return 'Ved tilsagn';
    case 'status_report_approved':
      return `Når statusrapport nr. ${instalment.reportSequence ?? 1} er godkendt`;
    case 'final_accounts_approved':
      return 'Når slutregnskabet er godkendt';
    default:
      return instalment.trigger;
  }
}

export const INSTALMENT_STATUS: Record<string, string> = {
  planned: 'Afventer',
  ready: 'Klar til godkendelse',
  approved: 'Godkendt til udbetaling',
  paid: 'Udbetalt',
  cancelled: 'Annulleret',
};

/** What the instalments in the given statuses come to, in øre. */
export function sumOf(instalments: readonly Instalment[], statuses: readonly string[]): number {
  return instalments.filter((item) => statuses.includes(item.status)).reduce((total, item) => total + item.amountOre, 0);
}

/** The award's money in four figures: paid, approved for payment, waiting for its trigger, cancelled. */
export function moneySummary(instalments: readonly Instalment[]) {
  const sum = (statuses: string[]) => sumOf(instalments, statuses);
  return {
    paid: sum(['paid']),
    approved: sum(['approved']),
    ready: sum(['ready']),
    heldBack: sum(['planned']),
    cancelled: sum(['cancelled']),
  };
}
