import { describeTransitions } from '../../test/support/transitions.js';
import { nextApplicationStatus } from './application.lifecycle.js';

describeTransitions('the application life cycle', nextApplicationStatus, {
  draft: { edit: 'draft', submit: 'submitted', withdraw: 'withdrawn', assess: 409, complete_assessment: 409, award: 409, reject: 409 },
  submitted: { edit: 409, submit: 409, withdraw: 'withdrawn', assess: 'in_assessment', complete_assessment: 409, award: 409, reject: 409 },
  in_assessment: { edit: 409, submit: 409, withdraw: 409, assess: 'in_assessment', complete_assessment: 'assessed', award: 409, reject: 409 },
  assessed: { edit: 409, submit: 409, withdraw: 409, assess: 409, complete_assessment: 409, award: 'awarded', reject: 'rejected' },
  awarded: { edit: 409, submit: 409, withdraw: 409, assess: 409, complete_assessment: 409, award: 409, reject: 409 },
  rejected: { edit: 409, submit: 409, withdraw: 409, assess: 409, complete_assessment: 409, award: 409, reject: 409 },
  withdrawn: { edit: 409, submit: 409, withdraw: 409, assess: 409, complete_assessment: 409, award: 409, reject: 409 },
});
