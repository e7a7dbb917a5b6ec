import { describeTransitions } from '../../test/support/transitions.js';
import { nextExtensionStatus } from './extension-request.lifecycle.js';

describeTransitions('the extension request life cycle', nextExtensionStatus, {
  submitted: { approve: 'approved', reject: 'rejected', withdraw: 'withdrawn' },
  approved: { approve: 409, reject: 409, withdraw: 409 },
  rejected: { approve: 409, reject: 409, withdraw: 409 },
  withdrawn: { approve: 409, reject: 409, withdraw: 409 },
});
