import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '../audit/audit.module.js';
import { ProgrammesModule } from '../programmes/programmes.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { Application } from './application.entity.js';
import { ApplicationVersion } from './application-version.entity.js';
import { ApplicationsController } from './applications.controller.js';
import { ApplicationsService } from './applications.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([Application, ApplicationVersion]), AuditModule, RemindersModule, ProgrammesModule],
  controllers: [ApplicationsController],
  providers: [ApplicationsService],
  exports: [ApplicationsService],
})
export class ApplicationsModule {}
