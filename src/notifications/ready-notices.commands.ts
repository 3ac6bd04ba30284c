import type { CommandContext } from '../shared/commands/command-context';

/** Sends one ready-for-pickup notice for the lines of an order that are now wholly held. */
export class SendReadyNotices {
  readonly kind = 'SendReadyNotices';

  constructor(
    readonly backorderId: string,
    readonly context: CommandContext,
  ) {}
}
