import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AwardAmendment } from './award-amendment.entity.js';
import { Award } from './award.entity.js';
import { AwardsController } from './awards.controller.js';
import { AwardsService } from './awards.service.js';

/** Awards (tilsagn), read scoped to the caller's kommune. Reports and extensions build on it. */
@Module({
  imports: [TypeOrmModule.forFeature([Award, AwardAmendment]), ApplicationsModule],
  controllers: [AwardsController],
  providers: [AwardsService],
  exports: [AwardsService, TypeOrmModule],
})
export class AwardsModule {}
