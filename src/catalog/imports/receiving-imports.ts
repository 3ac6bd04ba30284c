import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { StreamStates } from '../../shared/commands/stream-states';
import { APP_CONFIG, type AppConfig } from '../../shared/config/app-config';
import { streams } from '../../shared/eventstore/stream-names';
import { FailCatalogImport } from './catalog-import.commands';
import { catalogImportDecider } from './catalog-import.decider';

export const RESTARTED_WHILE_RECEIVING =
  'the upload ended early: the server stopped while the sheet was being received; upload it again';

/**
 * The imports this server is receiving a sheet for, one empty file each in
 * DATA_DIR/catalog-receiving: a stop or crash mid-upload leaves the file behind, and the next
 * start marks such an import failed with the reason instead of leaving it `receiving` for ever.
 * (Another server sharing the stores keeps its own.)
 */
@Injectable()
export class ReceivingImports implements OnApplicationBootstrap {
  private readonly logger = new Logger(ReceivingImports.name);
  private readonly dir: string;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly states: StreamStates,
    private readonly commands: CommandBus,
  ) {
    this.dir = join(config.dataDir, 'catalog-receiving');
  }

  started(importId: string): void {
    mkdirSync(this.dir, { recursive: true });
    writeFileSync(join(this.dir, importId), '');
  }

  finished(importId: string): void {
    rmSync(join(this.dir, importId), { force: true });
  }

  async onApplicationBootstrap(): Promise<void> {
    let left: string[];
    try {
      left = readdirSync(this.dir);
    } catch {
      return;
    }
    const context = { actor: 'system', correlationId: 'startup', causationId: 'startup' };
    for (const importId of left) {
      const stream = streams.catalogImport(importId);
      const { state } = await this.states.load(catalogImportDecider, stream);
      if (state.status === 'receiving') {
        this.logger.warn({ importId }, 'failing a catalog import cut off by a stop or crash');
        await this.commands.execute(
          new FailCatalogImport(importId, RESTARTED_WHILE_RECEIVING, context),
        );
      }
      this.finished(importId);
    }
  }
}
