import { handlersFor } from '../../shared/commands/handlers-for';
import { streams } from '../../shared/eventstore/stream-names';
import {
  type CatalogImportCommand,
  FailCatalogImport,
  FinishApplyingImport,
  RecordImportReview,
  StartApplyingImport,
  StartCatalogImport,
} from './catalog-import.commands';
import { catalogImportDecider } from './catalog-import.decider';

export const catalogImportCommandHandlers = handlersFor(
  catalogImportDecider,
  (command: CatalogImportCommand) => streams.catalogImport(command.importId),
  [
    StartCatalogImport,
    RecordImportReview,
    FailCatalogImport,
    StartApplyingImport,
    FinishApplyingImport,
  ],
);
