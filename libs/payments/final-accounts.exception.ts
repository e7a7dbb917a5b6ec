import { DomainException } from '../core/errors/domain.exception.js';
import type { ProblemCode } from '../core/errors/problem-types.js';
import { formatDate, formatKroner } from '../core/format/danish.js';
import { awaitingPaymentDetail } from './instalment.exception.js';

export class FinalAccountsException extends DomainException {
  private constructor(code: ProblemCode, detail: string, extensions: Record<string, unknown> = {}) {
    super(code, detail, extensions);
  }

  static notOwner(): FinalAccountsException {
    return new FinalAccountsException('not-owner', 'Kun en projektleder i tilsagnets ansøgende kommune kan indsende dets slutregnskab.');
  }

  /** Filed on an award that is not active or completed (closed, cancelled). */
  static awardNotOpen(status: string): FinalAccountsException {
    const word = { closed: 'lukket', cancelled: 'bortfaldet' }[status] ?? status;
    return new FinalAccountsException('award-not-active', `Tilsagnet er ${word}; der kan ikke indsendes slutregnskab på det.`, { awardStatus: status });
  }

  static pending(filingNo: number): FinalAccountsException {
    return new FinalAccountsException(
      'final-accounts-pending',
      `Slutregnskab nr. ${filingNo} venter på gennemgang; et nyt kan først indsendes, hvis det sendes retur.`,
      { pendingFilingNo: filingNo },
    );
  }

  static alreadyApproved(): FinalAccountsException {
    return new FinalAccountsException('illegal-transition', 'Tilsagnets slutregnskab er allerede godkendt; der kan ikke indsendes et nyt.');
  }

  /**
   * Approving the final accounts settles the unpaid instalments; one approved for payment may already be
   * in the finance system's file, so it is recorded as paid (or found not to be) first.
   */
  static instalmentsAwaitingPayment(sequences: number[]): FinalAccountsException {
    return new FinalAccountsException('illegal-transition', awaitingPaymentDetail(sequences, 'slutregnskabet godkendes'), {
      instalmentsAwaitingPayment: sequences,
    });
  }

  static notSubmitted(status: string): FinalAccountsException {
    const word = { approved: 'godkendt', returned: 'sendt retur' }[status] ?? status;
    return new FinalAccountsException('illegal-transition', `Slutregnskabet er allerede ${word} og kan ikke gennemgås igen.`, { currentStatus: status });
  }

  /** The budget lines' spending does not sum to the total: the difference named. */
  static linesMismatch(spentOre: bigint, linesOre: bigint): FinalAccountsException {
    const difference = linesOre - spentOre;
    const side = difference > 0n ? 'mere' : 'mindre';
    const abs = difference > 0n ? difference : -difference;
    return new FinalAccountsException(
      'final-accounts-mismatch',
      `Budgetlinjernes forbrug summer til ${formatKroner(linesOre)}, ${formatKroner(abs)} ${side} end det samlede forbrug på ${formatKroner(spentOre)}`,
      {
        differenceOre: Number(difference),
        errors: [{ field: 'budgetLines', message: `forbruget summer til ${formatKroner(linesOre)}, men skal summe til ${formatKroner(spentOre)}` }],
      },
    );
  }

  static spentAboveAward(awardOre: bigint): FinalAccountsException {
    const amount = formatKroner(awardOre);
    return new FinalAccountsException('spent-above-award', `Det forbrugte beløb kan ikke være større end tilsagnets ${amount}.`, {
      awardAmountOre: Number(awardOre),
      errors: [{ field: 'spentOre', message: `må højst være ${amount} (tilsagnets beløb)` }],
    });
  }

  static auditorStatementRequired(awardOre: bigint, thresholdOre: bigint): FinalAccountsException {
    return new FinalAccountsException(
      'auditor-statement-required',
      `Tilsagnet er på ${formatKroner(awardOre)}, og puljen kræver en revisorerklæring med slutregnskabet for tilsagn på ${formatKroner(thresholdOre)} eller derover. Upload revisorerklæringen på tilsagnet, og angiv den i auditorStatementDocumentId.`,
      { thresholdOre: Number(thresholdOre), errors: [{ field: 'auditorStatementDocumentId', message: 'skal angive tilsagnets revisorerklæring' }] },
    );
  }

  static notAnAuditorStatement(): FinalAccountsException {
    return new FinalAccountsException('rule-violated', 'Dokumentet er ikke en revisorerklæring uploadet på dette tilsagn.', {
      errors: [{ field: 'auditorStatementDocumentId', message: 'skal være et dokument af typen auditor_statement, uploadet på tilsagnet' }],
    });
  }

  static repaymentClosed(status: 'settled' | 'waived', at: string): FinalAccountsException {
    const what = status === 'settled' ? `indbetalt ${formatDate(at)}` : `eftergivet ${formatDate(at)}`;
    return new FinalAccountsException('repayment-closed', `Tilbagebetalingskravet er allerede ${what}; det afsluttes kun én gang.`, { currentStatus: status });
  }

  static settledInFuture(today: string): FinalAccountsException {
    return new FinalAccountsException('rule-violated', `Indbetalingsdatoen kan ikke ligge efter i dag (${formatDate(today)}).`, {
      errors: [{ field: 'settledOn', message: `må ikke ligge efter ${formatDate(today)}` }],
    });
  }

  /** An award from before the instalments came to Tilskud: there is nothing here to settle the spending against. */
  static noInstalments(): FinalAccountsException {
    return new FinalAccountsException(
      'illegal-transition',
      'Tilsagnet har ingen rater i Tilskud (det er givet, før udbetalingerne blev registreret her), så slutregnskabet kan ikke afregnes her. Afregn det i økonomisystemet.',
    );
  }

  /** Anything that would change a closed award. */
  static awardClosed(): FinalAccountsException {
    return new FinalAccountsException('award-closed', 'Tilsagnet er lukket; intet på det kan ændres.');
  }

  static notClosable(open: Array<{ what: string; id: string }>): FinalAccountsException {
    return new FinalAccountsException('award-not-closable', `Tilsagnet kan ikke lukkes endnu: ${open.map((item) => item.what).join('; ')}.`, { open });
  }
}
