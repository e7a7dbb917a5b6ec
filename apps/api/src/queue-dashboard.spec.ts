import { appRoutes } from '@bull-board/api/dist/routes.js';
import { QUEUE_DASHBOARD_SUMMARIES } from '../../../libs/audit/audit-summary.js';
import { dashboardAction } from './queue-dashboard.js';

/** Every change the queue dashboard can make is recorded as `queue.<word>`: each word has its sentence in the trail. */
describe('the queue dashboard’s actions in the audit trail', () => {
  const changes = appRoutes.api.flatMap((route) =>
    [route.method].flat().flatMap((method) => (method === 'get' ? [] : [route.route].flat().map((path) => ({ method: method.toUpperCase(), path })))),
  );

  it('reads bull-board’s routes', () => {
    expect(changes.length).toBeGreaterThan(15);
  });

  it.each(changes.map((change) => [`${change.method} ${change.path}`, change] as const))('has words for %s', (_name, change) => {
    // The dashboard records the route as registered, less its own prefix: bull-board's path.
    const word = dashboardAction(change.method, change.path);
    expect({ route: change.path, word, words: Object.hasOwn(QUEUE_DASHBOARD_SUMMARIES, word) }).toEqual({ route: change.path, word, words: true });
  });

  it('has words for a removal (DELETE)', () => {
    expect(Object.hasOwn(QUEUE_DASHBOARD_SUMMARIES, dashboardAction('DELETE', '/api/queues/:queueName/:jobId'))).toBe(true);
  });
});
