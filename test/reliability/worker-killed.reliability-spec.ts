import { givenProgramme, givenSubmitted } from '../support/grant-case.js';
import { type RunningProcess, startProcess, WORKER_MAIN } from '../support/processes.js';
import { type IsolatedServices, isolatedServices } from '../support/isolated-services.js';
import type { TestSmtpServer } from '../support/smtp.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { eventually } from '../support/test-worker.js';
import { signedInAs } from '../support/users.js';

const WORKER_READY = 'Tilskud worker started';

/**
 * A worker process killed with SIGKILL in the middle of a delivery (the SMTP server has the message but
 * has not answered): nothing of the attempt survives, another worker takes the job up once its lock has
 * run out, and the reminder reaches the inbox and the mailbox exactly once.
 */
describe('a worker killed in the middle of a job', () => {
  let services: IsolatedServices;
  let smtp: TestSmtpServer;
  let scratch: IsolatedServices['scratch'];
  let env: Record<string, string>;
  let api: TestApp;
  const workers: RunningProcess[] = [];

  beforeAll(async () => {
    services = await isolatedServices('worker_killed', 4, {
      WORKER_LOCK_MS: '2000',
      WORKER_STALLED_CHECK_MS: '1000',
      REMINDER_ATTEMPTS: '3',
      REMINDER_BACKOFF_MS: '50',
      LOG_LEVEL: 'error',
    });
    ({ smtp, scratch, env } = services);
    api = await createTestApp({ env });
  });
  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.stop('SIGKILL')));
    await api.close();
    await services.stop();
  });

  const reminderRow = async (id: string) =>
    ((await scratch.dataSource.query('SELECT status, attempts FROM reminder WHERE id = $1', [id])) as Array<{ status: string; attempts: number }>)[0];
  const filed = async (id: string) => Number((await scratch.dataSource.query('SELECT count(*) AS n FROM notification WHERE reminder_id = $1', [id]))[0].n);

  it('is retried by another worker and delivered exactly once', async () => {
    const admin = await signedInAs(api, 'admin');
    const lead = await signedInAs(api, 'project_lead', '751');
    const programme = await givenProgramme(api, admin);
    workers.push(await startProcess(WORKER_MAIN, env, WORKER_READY));

    // The receipt of a submission is a job; the first worker takes it and hangs in the SMTP transaction.
    const held = smtp.holdNext();
    const application = await givenSubmitted(api, lead, programme.id);
    const mail = await held;
    const reminderId = /<reminder-([0-9a-f-]{36})@tilskud>/.exec(mail.messageId)?.[1];
    expect(mail.subject).toBe(`Kvittering for ansøgning ${application.caseNumber} «Mere værdig hjemmepleje»`);
    expect(reminderId).toBeDefined();

    await workers[0].stop('SIGKILL');
    // The inbox item was filed (and committed) before the e-mail was tried; the e-mail attempt's
    // transaction died with the process, so the reminder is still due and nothing counts as sent.
    expect(await reminderRow(reminderId!)).toEqual({ status: 'scheduled', attempts: 0 });
    expect(await filed(reminderId!)).toBe(1);

    workers.push(await startProcess(WORKER_MAIN, env, WORKER_READY));
    await eventually(async () => (await reminderRow(reminderId!)).status === 'sent', 20_000);

    // Give a duplicate every chance to appear: several more stalled-job checks and lock periods.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(await reminderRow(reminderId!)).toEqual({ status: 'sent', attempts: 1 });
    expect(await filed(reminderId!)).toBe(1);
    expect(smtp.received.filter((received) => received.messageId === mail.messageId)).toHaveLength(1);
    expect(smtp.to(lead.email).map((received) => received.subject)).toEqual([mail.subject]);
  });
});
