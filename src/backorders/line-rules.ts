import { BusinessRuleViolation, UnknownEntityError } from '../shared/domain/domain-errors';
import type { LineState } from './backorder-line';
import type { BackorderState, OpenBackorder } from './backorder.evolve';

/** The placed order a line command addresses; an unknown order is a 404. */
export function placedOrder(state: BackorderState, backorderId: string): OpenBackorder {
  if (state.status === 'none') throw new UnknownEntityError('backorder', backorderId);
  return state;
}

/** The line a command addresses; an unknown line is a 404. */
export function lineOf(
  order: OpenBackorder,
  command: { readonly backorderId: string; readonly lineId: string },
): LineState {
  const line = order.lines[command.lineId];
  if (!line)
    throw new UnknownEntityError('backorder line', `${command.backorderId}/${command.lineId}`);
  return line;
}

export function assertOpen(line: LineState): void {
  if (line.state !== 'open') {
    throw new BusinessRuleViolation('line-not-open', `line ${line.lineId} is ${line.state}`);
  }
}
