import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '../core/access/access.decorators.js';
import { MunicipalityResponse } from './dto/municipality.response.js';
import { MunicipalitiesService } from './municipalities.service.js';

@ApiTags('reference data')
@Controller('municipalities')
@Auth()
export class MunicipalitiesController {
  constructor(@Inject(MunicipalitiesService) private readonly service: MunicipalitiesService) {}

  @Get()
  @ApiOperation({ summary: 'All 98 kommuner, by code' })
  @ApiOkResponse({ type: [MunicipalityResponse] })
  async list(): Promise<MunicipalityResponse[]> {
    const municipalities = await this.service.list();
    return municipalities.map(({ code, name, officialName }) => ({ code, name, officialName }));
  }
}
