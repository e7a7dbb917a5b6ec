import { ApiProperty } from '@nestjs/swagger';

export class MunicipalityResponse {
  @ApiProperty({ example: '101', description: 'Official three-digit kommune code' })
  code: string;

  @ApiProperty({ example: 'København' })
  name: string;

  @ApiProperty({ example: 'Københavns Kommune', description: 'The official name, as letters and documents write it' })
  officialName: string;
}
