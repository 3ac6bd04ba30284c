import { Module } from '@nestjs/common';
import { EventLoopDelayMonitor } from './event-loop-delay';
import { HealthController } from './health.controller';

@Module({ controllers: [HealthController], providers: [EventLoopDelayMonitor] })
export class HealthModule {}
