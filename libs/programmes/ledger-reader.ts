import { Inject, Injectable } from '@nestjs/common';
import { oreToApi } from '../core/money/money.js';
import { MunicipalitiesService } from '../municipalities/municipalities.service.js';
import { adjustmentResponse, type LedgerResponse } from './dto/programme.dto.js';
import { LedgerCache } from './ledger-cache.js';
import { type ProgrammeBooks, ProgrammesService } from './programmes.service.js';

/** A ledger as the client gets it: its tag, and its bytes unless the client already has them. */
export type LedgerRead = { etag: string; body: Buffer } | { etag: string; notModified: true };

/** Whether an `If-None-Match` header names this tag: one of a list of tags, or `*`. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  return ifNoneMatch?.split(',').some((tag) => [etag, '*'].includes(tag.trim())) ?? false;
}

/**
 * The auditor's ledger, served as computed at the programme's current ledger version and recomputed
 * only when that version has moved on (see `ledger-sources.ts` for what moves it), with a weak ETag of
 * the version, so a client that has the ledger is answered 304.
 */
@Injectable()
export class LedgerReader {
  constructor(
    @Inject(ProgrammesService) private readonly programmes: ProgrammesService,
    @Inject(MunicipalitiesService) private readonly municipalities: MunicipalitiesService,
    @Inject(LedgerCache) private readonly cache: LedgerCache,
  ) {}

  async read(programmeId: string, ifNoneMatch?: string): Promise<LedgerRead> {
    let version = await this.programmes.ledgerVersion(programmeId);
    if (etagMatches(ifNoneMatch, etagOf(programmeId, version))) return { etag: etagOf(programmeId, version), notModified: true };
    let body = this.cache.get(programmeId, version);
    if (!body) {
      const books = await this.programmes.ledger(programmeId);
      version = books.programme.ledgerVersion;
      body = this.cache.set(programmeId, version, ledgerResponse(books, await this.municipalities.names()));
    }
    return { etag: etagOf(programmeId, version), body };
  }
}

const etagOf = (programmeId: string, version: string) => `W/"ledger-${programmeId}-${version}"`;

function ledgerResponse(
  { programme, ledger, payments, awards, adjustments, byMunicipality, deviations }: ProgrammeBooks,
  names: Map<string, string>,
): LedgerResponse {
  return {
    programmeId: programme.id,
    budgetOre: oreToApi(ledger.budgetOre),
    adjustmentsOre: oreToApi(ledger.adjustmentsOre),
    committedOre: oreToApi(ledger.committedOre),
    releasedOre: oreToApi(ledger.releasedOre),
    remainingOre: oreToApi(ledger.remainingOre),
    overCommittedOre: oreToApi(ledger.overCommittedOre),
    paidOre: oreToApi(payments.paidOre),
    approvedUnpaidOre: oreToApi(payments.approvedUnpaidOre),
    repaymentsOpenOre: oreToApi(payments.repaymentsOpenOre),
    repaidOre: oreToApi(payments.repaidOre),
    awards: awards.map((award) => ({
      ...award,
      amountOre: oreToApi(award.amountOre),
      requestedOre: oreToApi(award.requestedOre),
      paidOre: oreToApi(award.paidOre),
      approvedUnpaidOre: oreToApi(award.approvedUnpaidOre),
      releasedOre: oreToApi(award.releasedOre),
      repaymentsOpenOre: oreToApi(award.repaymentsOpenOre),
      repaidOre: oreToApi(award.repaidOre),
    })),
    adjustments: adjustments.map(adjustmentResponse),
    byMunicipality: byMunicipality.map((total) => ({ ...total, name: names.get(total.municipalityCode) ?? '', amountOre: oreToApi(total.amountOre) })),
    deviations,
  };
}
