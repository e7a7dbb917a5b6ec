import { QueryFailedError } from 'typeorm';
import { loggableError, loggableUrl } from './loggable-error.js';

describe('what a log may say of an error', () => {
  it('keeps a failed query’s kind, message, code and SQL, never its parameters or the driver’s detail', () => {
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA';
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "app_user_email_key"'), {
      code: '23505',
      detail: 'Key (email)=(mette@kolding.dk) already exists.',
    });
    const error = new QueryFailedError('INSERT INTO app_user (email, password_hash) VALUES ($1, $2)', ['mette@kolding.dk', hash], driverError);
    const logged = loggableError(error) as Record<string, unknown>;
    expect(logged).toMatchObject({ type: 'QueryFailedError', code: '23505', query: 'INSERT INTO app_user (email, password_hash) VALUES ($1, $2)' });
    expect(JSON.stringify(logged)).not.toMatch(/argon2|mette@kolding\.dk/);
  });

  it('keeps causes the same way, and leaves what is not an error alone', () => {
    const inner = new QueryFailedError('SELECT $1', ['hemmeligt'], new Error('boom'));
    const outer = new Error('wrapped', { cause: inner });
    expect(JSON.stringify(loggableError(outer))).not.toContain('hemmeligt');
    expect(loggableError('text')).toBe('text');
  });

  it('redacts the dashboard’s access_token from a URL, wherever it stands in the query', () => {
    expect(loggableUrl('/api/v1/admin/queues?access_token=abc.def&x=1')).toBe('/api/v1/admin/queues?access_token=[REDACTED]&x=1');
    expect(loggableUrl('/x?a=1&ACCESS_TOKEN=abc')).toBe('/x?a=1&ACCESS_TOKEN=[REDACTED]');
    expect(loggableUrl('/x?my_access_token=keep')).toBe('/x?my_access_token=keep');
  });
});
