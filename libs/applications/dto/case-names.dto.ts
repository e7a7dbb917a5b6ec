import { ApiProperty } from '@nestjs/swagger';
import type { CaseLabel } from '../case-people.js';

/** The case a record belongs to, named as people name it: on awards' reports and extension requests. */
export class CaseNames {
  @ApiProperty({ format: 'uuid', description: 'The application the case is' }) caseId: string;
  @ApiProperty({ example: 'ÆLD-2020-0007' }) caseNumber: string;
  @ApiProperty({ example: 'Mere værdig hjemmepleje' }) projectTitle: string;
  @ApiProperty({ example: 'Syddjurs Kommune', description: 'The lead kommune' }) municipalityName: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid', description: 'The caseworker the case is assigned to' }) assigneeId: string | null;
  @ApiProperty({ nullable: true, type: String }) assigneeName: string | null;

  static of(label: CaseLabel | undefined): CaseNames {
    return {
      caseId: label?.caseId ?? '',
      caseNumber: label?.caseNumber ?? '',
      projectTitle: label?.projectTitle ?? '',
      municipalityName: label?.municipalityName ?? '',
      assigneeId: label?.assigneeId ?? null,
      assigneeName: label?.assigneeName ?? null,
    };
  }
}
