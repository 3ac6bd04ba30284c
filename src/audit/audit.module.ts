import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { VerificationJobs } from './verification-jobs';

@Module({ controllers: [AuditController], providers: [VerificationJobs] })
export class AuditModule {}
