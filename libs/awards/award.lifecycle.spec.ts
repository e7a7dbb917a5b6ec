import { describeTransitions } from '../../test/support/transitions.js';
import { nextAwardStatus } from './award.lifecycle.js';

describeTransitions('the award life cycle', nextAwardStatus, {
  active: { extend: 'active', complete: 'completed', close: 409, cancel: 'cancelled', close_historical: 'closed', amend: 'active', reopen: 409 },
  completed: { extend: 409, complete: 409, close: 'closed', cancel: 409, close_historical: 409, amend: 409, reopen: 409 },
  closed: { extend: 409, complete: 409, close: 409, cancel: 409, close_historical: 409, amend: 409, reopen: 'completed' },
  cancelled: { extend: 409, complete: 409, close: 409, cancel: 409, close_historical: 409, amend: 409, reopen: 409 },
});
