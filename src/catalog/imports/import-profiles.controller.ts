import { Body, Controller, Get, Param, Put, Res } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiTags, ApiOperation } from '@nestjs/swagger';
import { ApiAnswer } from '../../shared/http/api-answer';
import { IMPORT_PROFILES_ANSWERS } from './import-profiles.answers';
import type { FastifyReply } from 'fastify';
import { Allow } from '../../auth/access.decorators';
import { VendorSnapshots } from '../../vendors/vendor-snapshots';
import type { CommandContext } from '../../shared/commands/command-context';
import type { CommandOutcome } from '../../shared/commands/decider-executor';
import { StreamStates } from '../../shared/commands/stream-states';
import { UnknownEntityError } from '../../shared/domain/domain-errors';
import { streams } from '../../shared/eventstore/stream-names';
import { invalidFields } from '../../shared/http/invalid-fields';
import { setLogPosition } from '../../shared/http/log-position';
import { PatternPipe } from '../../shared/http/pattern.pipe';
import { RequestContext } from '../../shared/http/request-context.decorator';
import { UuidPipe } from '../../shared/http/uuid.pipe';
import { type ImportProfile, PROFILE_NAME } from './import-profile';
import { SaveImportProfile } from './import-profile.commands';
import { SaveImportProfileDto } from './import-profile.dto';
import type { ImportProfileEvent } from './import-profile.events';
import { importProfilesDecider } from './import-profiles.decider';
import { validateProfile } from './row-mapper';

/** Each vendor's sheet layouts, saved by name for its next price sheet. */
@ApiTags('catalog imports')
@ApiBearerAuth()
@Allow('purchasing')
@Controller('vendors/:id/import-profiles')
export class ImportProfilesController {
  constructor(
    private readonly vendors: VendorSnapshots,
    private readonly commands: CommandBus,
    private readonly states: StreamStates,
  ) {}

  /** Saves (or replaces) the profile under its name; the body is the profile without its name. */
  @ApiOperation({ summary: 'Save how a vendor’s price sheets are read (an import profile)' })
  @ApiAnswer(200, IMPORT_PROFILES_ANSWERS.save)
  @Put(':name')
  async save(
    @Param('id', new UuidPipe()) vendorId: string,
    @Param(
      'name',
      new PatternPipe('name', PROFILE_NAME, 'must be lower-case letters, digits and dashes'),
    )
    name: string,
    @Body() body: SaveImportProfileDto,
    @RequestContext() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ vendorId: string; name: string; changed: boolean }> {
    await this.assertVendor(vendorId);
    // Plain JSON again: the DTO instance carries class prototypes the decider should not keep.
    const checked = validateProfile(JSON.parse(JSON.stringify({ ...body, name })));
    if (!checked.ok) {
      throw invalidFields({ body: checked.errors });
    }
    const outcome: CommandOutcome<ImportProfileEvent> = await this.commands.execute(
      new SaveImportProfile(vendorId, checked.profile, context),
    );
    setLogPosition(reply, outcome.position);
    return { vendorId, name, changed: outcome.events.length > 0 };
  }

  @Allow('purchasing', 'sales', 'receiving', 'accounting')
  @ApiOperation({ summary: 'List a vendor’s import profiles' })
  @ApiAnswer(200, IMPORT_PROFILES_ANSWERS.list)
  @Get()
  async list(@Param('id', new UuidPipe()) vendorId: string): Promise<{ items: ImportProfile[] }> {
    await this.assertVendor(vendorId);
    const { state } = await this.states.load(
      importProfilesDecider,
      streams.importProfiles(vendorId),
    );
    return { items: Object.values(state.profiles).sort((a, b) => a.name.localeCompare(b.name)) };
  }

  private async assertVendor(vendorId: string): Promise<void> {
    if (!(await this.vendors.registered(vendorId)))
      throw new UnknownEntityError('vendor', vendorId);
  }
}
