import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { MunicipalitiesModule } from '../municipalities/municipalities.module.js';
import { Application } from './application.entity.js';
import { CaseAssignment } from './case-assignment.entity.js';
import { CaseContact } from './case-contact.entity.js';
import { CasePeople } from './case-people.js';
import { ApplicationVersion } from './application-version.entity.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';

@Module({
  imports: [
    TypeOrmModule.forFeature([Application, ApplicationVersion, CaseContact, CaseAssignment]),
    AuditModule,
    AuthModule,
    MunicipalitiesModule,
    RemindersModule,
    ProgrammesModule,
  ],
  controllers: [ApplicationsController],
  providers: [ApplicationsService, CasePeople],
  exports: [ApplicationsService, CasePeople],
})
export class ApplicationsModule {}
