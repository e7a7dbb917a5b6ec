import type { Award } from './award.entity.js';

/**
 * What the rows an award owes or owns carry of it (reports, instalments, repayment claims, final
 * accounts): the award, its application, programme and kommuner, so that their lists filter and their
 * reads are scoped to a kommune without a join to the award.
 */
export function awardOwnership(award: Pick<Award, 'id' | 'applicationId' | 'programmeId' | 'municipalityCode' | 'participantCodes'>) {
  return {
    awardId: award.id,
    applicationId: award.applicationId,
    programmeId: award.programmeId,
    municipalityCode: award.municipalityCode,
    participantCodes: award.participantCodes,
  };
}

/** {@link awardOwnership} with the case number, as the money's rows carry it (instalments, repayment claims, final accounts). */
export function awardCase(award: Pick<Award, 'id' | 'applicationId' | 'programmeId' | 'municipalityCode' | 'participantCodes' | 'caseNumber'>) {
  return { ...awardOwnership(award), caseNumber: award.caseNumber };
}
