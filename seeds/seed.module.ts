import { type DynamicModule, Module } from '@nestjs/common';
import { ApplicationsModule } from '../libs/applications/applications.module.js';
import { AssessmentsModule } from '../libs/assessments/assessments.module.js';
import { AuditModule } from '../libs/audit/audit.module.js';
import { AuthModule } from '../libs/auth/auth.module.js';
import { DecisionsModule } from '../libs/decisions/decisions.module.js';
import { CoreModule } from '../libs/core/core.module.js';
import { ProgrammesModule } from '../libs/programmes/programmes.module.js';
import { queueRootModule } from '../libs/queue/queue.module.js';
import { ReportsModule } from '../libs/reports/reports.module.js';

/** The domain modules the seeds load data through, so seeded data is audited and scheduled like any other. */
@Module({})
export class SeedModule {
  static forRoot(): DynamicModule {
    return {
      module: SeedModule,
      imports: [
        CoreModule.forRoot('worker'),
        queueRootModule(),
        AuthModule,
        AuditModule,
        ProgrammesModule,
        ApplicationsModule,
        AssessmentsModule,
        DecisionsModule,
        ReportsModule,
      ],
    };
  }
}
