import type { Award } from '../awards/award.entity.js';

/**
 * The award's case as the rows of its money carry it (instalments, repayment claims, final accounts):
 * the award, its application, programme, kommuner and case number, so that their queues filter and their
 * reads are scoped without a join to the award.
 */
export function awardCase(award: Pick<Award, 'id' | 'applicationId' | 'programmeId' | 'municipalityCode' | 'participantCodes' | 'caseNumber'>) {
  return {
    awardId: award.id,
    applicationId: award.applicationId,
    programmeId: award.programmeId,
    municipalityCode: award.municipalityCode,
    participantCodes: award.participantCodes,
    caseNumber: award.caseNumber,
  };
}
