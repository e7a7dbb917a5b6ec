import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { HeartbeatProcessor, HeartbeatScheduler } from './heartbeat.processor.js';
import { QueueName } from './queue.constants.js';

@Module({
  imports: [BullModule.registerQueue({ name: QueueName.Heartbeat })],
  providers: [HeartbeatProcessor, HeartbeatScheduler],
})
export class HeartbeatModule {}
