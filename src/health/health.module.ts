import { Module } from '@nestjs/common';
import { AccountingModule } from '../accounting/accounting.module';
import { EventLoopDelayMonitor } from './event-loop-delay';
import { HealthController } from './health.controller';

@Module({
  imports: [AccountingModule],
  controllers: [HealthController],
  providers: [EventLoopDelayMonitor],
})
export class HealthModule {}
