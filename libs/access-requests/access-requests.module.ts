import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApplicationsModule } from '../applications/applications.module.js';
import { AuditModule } from '../audit/audit.module.js';
import { AuthModule } from '../auth/auth.module.js';
import { RemindersModule } from '../reminders/reminders.module.js';
import { AccessRequest } from './access-request.entity.js';
import { AccessRequestsController } from './access-requests.controller.js';
import { AccessRequestsService } from './access-requests.service.js';

/** Requests for insight into a case (aktindsigt) and their deadlines. */
@Module({
  imports: [TypeOrmModule.forFeature([AccessRequest]), ApplicationsModule, AuditModule, AuthModule, RemindersModule],
  controllers: [AccessRequestsController],
  providers: [AccessRequestsService],
  exports: [AccessRequestsService],
})
export class AccessRequestsModule {}
