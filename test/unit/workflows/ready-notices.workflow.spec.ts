import { readyNoticesWorkflow } from '../../../src/notifications/ready-notices.workflow';
import { SendReadyNotices } from '../../../src/notifications/ready-notices.commands';
import { eventLog } from '../../support/projection-harness';
import { workflowScenario } from '../../support/given-when-then';

describe('ready notices workflow', () => {
  const event = eventLog();
  const setAside = event('backorder-bo-1', 'BackorderLineUnitsSetAside', {
    backorderId: 'bo-1',
    lineId: 'l-1',
    operationId: 'op-1',
    quantity: 1,
    allocationId: 'a-1',
    source: 'receipt',
  });

  it('asks for a notice on the order whenever units are held for it', () => {
    workflowScenario(readyNoticesWorkflow)
      .given([])
      .when(setAside)
      .then([
        {
          key: 'backorder:bo-1',
          command: new SendReadyNotices('bo-1', {
            actor: setAside.metadata.actor,
            correlationId: setAside.metadata.correlationId,
            causationId: setAside.id,
            processManager: 'ready-notices',
          }),
        },
      ]);
  });
});
