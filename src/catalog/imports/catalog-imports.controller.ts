import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  Req,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../../shared/http/api-answer';
import { CATALOG_IMPORTS_ANSWERS } from './catalog-imports.answers';
import type { FastifyRequest } from 'fastify';
import { isUUID } from 'class-validator';
import { Allow } from '../../auth/access.decorators';
import type { CommandContext } from '../../shared/commands/command-context';
import { StreamStates } from '../../shared/commands/stream-states';
import { entityId } from '../../shared/commands/entity-id';
import { APP_CONFIG, type AppConfig } from '../../shared/config/app-config';
import { streams } from '../../shared/eventstore/stream-names';
import { RequestContext } from '../../shared/http/request-context.decorator';
import { isDecimalInteger } from '../../shared/http/decimal-number';
import { invalidFields } from '../../shared/http/invalid-fields';
import { AcceptsUploads, uploadedFile } from '../../shared/http/uploads';
import { UuidPipe } from '../../shared/http/uuid.pipe';
import type { Page } from '../../shared/readmodels/read-model-store.port';
import { catalogImportDecider } from './catalog-import.decider';
import { ApplyImportDto, ListImportChangesDto } from './catalog-import.dto';
import { type CatalogImportView, importView } from './catalog-import-view';
import { ImportApplier } from './import-applier';
import { PROFILE_NAME } from './import-profile';
import { ImportProgressBoard } from './import-progress';
import type { ChangeKind, StagedChange } from './import-review';
import { IMPORT_STAGING, type ImportStaging } from './import-staging.port';
import { SheetReceiver } from './sheet-receiver';
import { normalizeVendorSku } from '../product-id';

@ApiTags('catalog imports')
@ApiBearerAuth()
@Allow('purchasing')
@Controller('catalog/imports')
export class CatalogImportsController {
  constructor(
    private readonly receiver: SheetReceiver,
    private readonly applier: ImportApplier,
    @Inject(IMPORT_STAGING) private readonly staging: ImportStaging,
    private readonly progress: ImportProgressBoard,
    private readonly states: StreamStates,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * A price sheet, as multipart/form-data: the fields `vendorId` and `profile` (a saved profile's
   * name), then the `file`. The sheet is read as it arrives and answered with its review; nothing
   * in the catalog changes until the review is applied. `X-Import-Id` (a UUID) names the import,
   * so a client can watch its progress while it uploads; otherwise the id follows from the
   * Idempotency-Key.
   */
  @ApiOperation({ summary: 'Upload a vendor price sheet and get its review' })
  @ApiAnswer(201, CATALOG_IMPORTS_ANSWERS.upload)
  @Post()
  @AcceptsUploads()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    description: 'The fields come before the file: the sheet is read as it arrives',
    schema: {
      type: 'object',
      required: ['vendorId', 'profile', 'file'],
      properties: {
        vendorId: {
          type: 'string',
          format: 'uuid',
          example: '3a7d9c2e-1b4f-4a6e-9c8d-2e5f7a1b3c4d',
        },
        profile: { type: 'string', description: 'A saved import profile', example: 'spring-sheet' },
        file: {
          type: 'string',
          format: 'binary',
          description: 'The price sheet (CSV or JSON lines)',
        },
      },
    },
  })
  @HttpCode(201)
  async upload(
    @Req() request: FastifyRequest,
    @RequestContext() context: CommandContext,
  ): Promise<CatalogImportView> {
    const chosenId = request.headers['x-import-id'];
    if (chosenId !== undefined && (typeof chosenId !== 'string' || !isUUID(chosenId))) {
      throw invalidFields({ 'x-import-id': 'must be a UUID' });
    }
    const importId = chosenId ?? entityId(context, 'catalog-import');
    const { file, fields } = await uploadedFile(request, this.config.catalog.maxSheetBytes);
    const faults: Record<string, string> = {};
    if (!fields.vendorId || !isUUID(fields.vendorId))
      faults.vendorId = 'must be a UUID, sent before the file';
    if (!fields.profile || !PROFILE_NAME.test(fields.profile)) {
      faults.profile = 'must name a saved import profile, sent before the file';
    }
    if (Object.keys(faults).length > 0) {
      file.file.resume();
      throw invalidFields(faults);
    }
    await this.receiver.receive(
      {
        importId,
        vendorId: fields.vendorId,
        profileName: fields.profile,
        fileName: file.filename.slice(0, 255) || 'sheet',
        content: file.file,
      },
      context,
    );
    return this.view(importId);
  }

  @Allow('purchasing', 'sales', 'receiving', 'accounting')
  @ApiOperation({ summary: 'An import: its progress and the counts of its review' })
  @ApiAnswer(200, CATALOG_IMPORTS_ANSWERS.get)
  @Get(':id')
  async get(@Param('id', new UuidPipe()) importId: string): Promise<CatalogImportView> {
    return this.view(importId);
  }

  /** One kind of line of the review, in sheet order: what would change, and the invalid rows. */
  @Allow('purchasing', 'sales', 'receiving', 'accounting')
  @ApiOperation({ summary: 'The changes an import would make, one kind at a time' })
  @ApiAnswer(200, CATALOG_IMPORTS_ANSWERS.changes)
  @Get(':id/changes')
  async changes(
    @Param('id', new UuidPipe()) importId: string,
    @Query() query: ListImportChangesDto,
  ): Promise<Page<StagedChange>> {
    await this.view(importId);
    const after = query.cursor === undefined ? 0 : Number(query.cursor);
    if (query.cursor !== undefined && !isDecimalInteger(query.cursor)) {
      throw invalidFields({ cursor: 'is not a cursor of this list' });
    }
    const limit = query.limit ?? 50;
    const rows = await this.staging.rows(importId, [query.kind], after, limit + 1);
    const items = rows.slice(0, limit);
    return {
      items: items.map((row) => row.change),
      nextCursor: rows.length > limit ? String(items[items.length - 1].seq) : null,
    };
  }

  /** Applies the reviewed changes (all, or the chosen kinds and SKUs); progress shows on the import. */
  @ApiOperation({ summary: 'Apply the reviewed changes of an import to the catalog' })
  @ApiAnswer(202, CATALOG_IMPORTS_ANSWERS.apply)
  @Post(':id/apply')
  @HttpCode(202)
  async apply(
    @Param('id', new UuidPipe()) importId: string,
    @Body() body: ApplyImportDto,
    @RequestContext() context: CommandContext,
  ): Promise<CatalogImportView> {
    const kinds = new Set<ChangeKind>(body.kinds ?? ['new', 'cost', 'price', 'details']);
    if (body.discontinueMissing) kinds.add('missing');
    await this.applier.startApplying(
      importId,
      { kinds: [...kinds], skus: body.skus ? body.skus.map(normalizeVendorSku) : null },
      context,
    );
    return this.view(importId);
  }

  private async view(importId: string): Promise<CatalogImportView> {
    const { state } = await this.states.load(catalogImportDecider, streams.catalogImport(importId));
    if (state.status === 'none')
      throw new NotFoundException(`catalog import ${importId} does not exist`);
    return importView(state, this.progress.view(importId));
  }
}
