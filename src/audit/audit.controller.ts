import { Controller, Get, HttpStatus, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../shared/http/api-answer';
import { AUDIT_ANSWERS } from './audit.answers';
import type { FastifyReply } from 'fastify';
import { Allow } from '../auth/access.decorators';
import { found } from '../shared/http/found';
import { UuidPipe } from '../shared/http/uuid.pipe';
import { VerificationJobs, type VerificationJob } from './verification-jobs';

const EXAMPLE = {
  id: '3f1c2a9e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
  state: 'failed',
  startedAt: '2026-12-02T14:00:00.000Z',
  finishedAt: '2026-12-02T14:00:05.100Z',
  verified: 1000000,
  total: 1000000,
  report: {
    ok: false,
    events: 1000000,
    streams: 100000,
    digests: 1000,
    unsealedEvents: 0,
    findingsTotal: 2,
    findings: [
      {
        kind: 'changed',
        stream: 'backorder-0197',
        revision: 4,
        position: 5123,
        message:
          'backorder-0197 revision 4 (position 5123) is not what was appended: its content or chain hash was changed',
      },
      {
        kind: 'digest-mismatch',
        position: 6000,
        range: { from: 5000, to: 6000 },
        message:
          'the events after position 5000 up to 6000 are not those the digest signed at 2026-11-30T09:12:44.120Z: one was changed, removed, inserted or moved',
      },
    ],
  },
  error: null,
};

/**
 * The auditor's proof that the log is as it was written: every chain hash and signed digest
 * recomputed from the stored events. Read-only, so open to auditors (and admins).
 */
@ApiTags('audit')
@ApiBearerAuth()
@Allow('admin')
@Controller('audit')
export class AuditController {
  constructor(private readonly jobs: VerificationJobs) {}

  /**
   * Starts a verification (or joins the running one) and answers with its report when it ends
   * within `waitSeconds` (default 2); otherwise 202 with its progress and where to poll it.
   */
  @ApiOperation({ summary: 'Verify the audit chain of the event log' })
  @Get('verify')
  @ApiQuery({ name: 'waitSeconds', required: false, example: 2 })
  @ApiAnswer(200, EXAMPLE, 'the verification ended')
  async verify(
    @Query('waitSeconds') waitSeconds: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<VerificationJob> {
    const wait = Math.min(Math.max(Number(waitSeconds ?? 2) || 0, 0), 30);
    const { job, done } = this.jobs.start();
    await Promise.race([done, new Promise((resolve) => setTimeout(resolve, wait * 1000))]);
    if (job.state === 'running') {
      void reply.status(HttpStatus.ACCEPTED).header('location', `/audit/verify/jobs/${job.id}`);
    }
    return job;
  }

  @ApiOperation({ summary: 'An audit verification’s progress or its report' })
  @ApiAnswer(200, AUDIT_ANSWERS.job)
  @Get('verify/jobs/:id')
  job(@Param('id', UuidPipe) id: string): VerificationJob {
    return found(this.jobs.get(id), 'verification', id);
  }
}
