import { givenAssessed, givenProgramme } from '../support/grant-case.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { type SignedInUser, signedInAs } from '../support/users.js';

/**
 * A process that has just started takes a burst of writes. Each decision names the kommune in its
 * letter inside its transaction; were the kommuner first read there, a burst as large as the pool would
 * hold every connection while each waited for one more, and every request would fail at the pool's
 * connect timeout (the bench met exactly this). The names are read at start instead.
 */
describe('a cold process under a burst of decisions', () => {
  let setup: TestApp;
  let cold: TestApp | undefined;
  let people: { lead: SignedInUser; assessor: SignedInUser; decider: SignedInUser };
  let programmeId: string;

  beforeAll(async () => {
    setup = await createTestApp();
    const admin = await signedInAs(setup, 'admin');
    people = {
      lead: await signedInAs(setup, 'project_lead', '530'),
      assessor: await signedInAs(setup, 'caseworker'),
      decider: await signedInAs(setup, 'caseworker'),
    };
    programmeId = (await givenProgramme(setup, admin)).id;
  });
  afterAll(async () => {
    await cold?.close();
    await setup.close();
  });

  it('decides as many applications at once as it has connections, and more, on its first requests', async () => {
    const applications = await Promise.all([1, 2, 3, 4].map(() => givenAssessed(setup, people, programmeId)));
    // A new process with two pooled connections; its first requests are these four decisions.
    cold = await createTestApp({ env: { DATABASE_POOL_SIZE: '2' } });
    const started = Date.now();
    const statuses = await Promise.all(
      applications.map(
        async (application) =>
          (
            await cold!.http
              .post(`/api/v1/applications/${application.id}/decision`)
              .set(people.decider.bearer)
              .send({ outcome: 'award', amountOre: application.requestedOre, rationale: 'Projektet bevilges fuldt ud.' })
          ).status,
      ),
    );
    expect(statuses).toEqual([201, 201, 201, 201]);
    // Well inside the pool's 5-second connect timeout: nothing waited for it.
    expect(Date.now() - started).toBeLessThan(4_000);
  });
});
