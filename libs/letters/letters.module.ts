import { Module } from '@nestjs/common';
import { ApplicationsModule } from '../applications/applications.module.js';
import { DecisionsModule } from '../decisions/decisions.module.js';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { LettersController } from './letters.controller.js';
import { LettersService } from './letters.service.js';

/** The case's letters as PDF: the receipt and the decision letter. */
@Module({
  imports: [ApplicationsModule, DecisionsModule, ProgrammesModule, MunicipalitiesModule],
  controllers: [LettersController],
  providers: [LettersService],
  exports: [LettersService],
})
export class LettersModule {}
