import { Module } from '@nestjs/common';
import { BackordersModule } from '../backorders/backorders.module';
import { APP_CONFIG, type AppConfig } from '../shared/config/app-config';
import { LogNotifier } from './log-notifier';
import { NOTIFIER } from './notifier';
import { SendReadyNoticesHandler } from './ready-notices.handlers';
import { SmtpNotifier } from './smtp-notifier';

@Module({
  imports: [BackordersModule],
  providers: [
    {
      provide: NOTIFIER,
      inject: [APP_CONFIG],
      useFactory: ({ notifier, dataDir }: AppConfig) =>
        notifier.kind === 'smtp'
          ? new SmtpNotifier(notifier.url, notifier.from, new LogNotifier(`${dataDir}/notices.log`))
          : new LogNotifier(notifier.file),
    },
    SendReadyNoticesHandler,
  ],
})
export class NotificationsModule {}
