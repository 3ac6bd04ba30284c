import { Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { IdempotencyInterceptor } from './idempotency.interceptor';
import { idempotentRequestCommandHandlers } from './idempotent-request.handlers';

@Module({
  providers: [
    { provide: APP_INTERCEPTOR, useClass: IdempotencyInterceptor },
    ...idempotentRequestCommandHandlers,
  ],
})
export class HttpModule {}
