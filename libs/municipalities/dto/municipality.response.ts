import { ApiProperty } from '@nestjs/swagger';

export class MunicipalityResponse {
  @ApiProperty({ example: '101', description: 'Official three-digit kommune code' })
  code: string;

  @ApiProperty({ example: 'København' })
  name: string;
}
