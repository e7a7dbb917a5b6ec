import { type DynamicModule, Module } from '@nestjs/common';
import { AuditWorkerModule } from '../../../libs/audit/audit-worker.module.js';
import { CoreModule } from '../../../libs/core/core.module.js';
import { HeartbeatModule } from '../../../libs/queue/heartbeat.module.js';
import { queueRootModule } from '../../../libs/queue/queue.module.js';
import { RemindersWorkerModule } from '../../../libs/reminders/reminders.module.js';

/** The worker process: BullMQ processors from the libraries, no HTTP. */
@Module({})
export class WorkerModule {
  static forRoot(): DynamicModule {
    return { module: WorkerModule, imports: [CoreModule.forRoot('worker'), queueRootModule(), HeartbeatModule, RemindersWorkerModule, AuditWorkerModule] };
  }
}
