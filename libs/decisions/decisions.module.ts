import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { ReportsModule } from '../reports/reports.module.js';
import { AwardsModule } from '../awards/awards.module.js';
import { PaymentsModule } from '../payments/payments.module.js';
import { Decision } from './decision.entity.js';
import { DecisionsController } from './decisions.controller.js';
import { DecisionsService } from './decisions.service.js';

/** Decisions on applications and the awards they create, with each award's report schedule. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Decision]),
    AwardsModule,
    ApplicationsModule,
    ProgrammesModule,
    ReportsModule,
    RemindersModule,
    AuditModule,
    AuthModule,
    MunicipalitiesModule,
    PaymentsModule,
  ],
  controllers: [DecisionsController],
  providers: [DecisionsService],
  exports: [DecisionsService],
})
export class DecisionsModule {}
