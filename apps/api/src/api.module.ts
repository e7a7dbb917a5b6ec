import { type DynamicModule, Module } from '@nestjs/common';
import { AccessRequestsModule } from '../../../libs/access-requests/access-requests.module.js';
import { ApplicationsModule } from '../../../libs/applications/applications.module.js';
import { AssessmentsModule } from '../../../libs/assessments/assessments.module.js';
import { AuditApiModule } from '../../../libs/audit/audit.module.js';
import { AuthModule } from '../../../libs/auth/auth.module.js';
import { AwardsModule } from '../../../libs/awards/awards.module.js';
import { DecisionsModule } from '../../../libs/decisions/decisions.module.js';
import { CoreModule } from '../../../libs/core/core.module.js';
import { DocumentsModule } from '../../../libs/documents/documents.module.js';
import { ExportsModule } from '../../../libs/exports/exports.module.js';
import { ExtensionsModule } from '../../../libs/extensions/extensions.module.js';
import { HealthModule } from '../../../libs/core/health/health.module.js';
import { HttpCoreModule } from '../../../libs/core/http/http-core.module.js';
import { LettersModule } from '../../../libs/letters/letters.module.js';
import { MunicipalitiesModule } from '../../../libs/municipalities/municipalities.module.js';
import { NotificationsModule } from '../../../libs/notifications/notifications.module.js';
import { ApprovedReportsModule, PaymentsModule } from '../../../libs/payments/payments.module.js';
import { ProgrammesModule } from '../../../libs/programmes/programmes.module.js';
import { queueRootModule } from '../../../libs/queue/queue.module.js';
import { RemindersApiModule } from '../../../libs/reminders/reminders.module.js';
import { ReportsModule } from '../../../libs/reports/reports.module.js';
import { WorklistModule } from '../../../libs/worklist/worklist.module.js';

/** The HTTP app: the libraries' modules, nothing else. */
@Module({})
export class ApiModule {
  static forRoot(): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        CoreModule.forRoot('api'),
        queueRootModule(),
        HttpCoreModule,
        AuthModule,
        AuditApiModule,
        HealthModule,
        MunicipalitiesModule,
        ProgrammesModule,
        ApplicationsModule,
        AccessRequestsModule,
        AssessmentsModule,
        AwardsModule,
        DecisionsModule,
        ReportsModule,
        PaymentsModule,
        ApprovedReportsModule,
        ExtensionsModule,
        LettersModule,
        DocumentsModule,
        NotificationsModule,
        RemindersApiModule,
        ExportsModule,
        WorklistModule,
      ],
    };
  }
}
