import { Body, Controller, Get, Post } from '@nestjs/common';
import { getDataSourceToken, InjectDataSource } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';
import type { DataSource } from 'typeorm';
import { Public } from '../../libs/core/access/access.decorators.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

class ProbeItem {
  @IsInt() @Min(1) @Max(5) rating: number;
}

class ProbeBody {
  @IsString() name: string;
  @ValidateNested({ each: true }) @Type(() => ProbeItem) items: ProbeItem[];
}

/** Routes that only this test mounts, to drive each kind of failure through the real pipe and filter. */
@Controller('test-probe')
@Public()
class ProbeController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Post('echo')
  echo(@Body() body: ProbeBody) {
    return body;
  }

  @Post('duplicate')
  async duplicate() {
    await this.dataSource.query(`INSERT INTO municipality (code, name, official_name) VALUES ('101', 'Dublet', 'Dublet Kommune')`);
  }

  @Post('check-violation')
  async checkViolation() {
    await this.dataSource.query(`INSERT INTO municipality (code, name, official_name) VALUES ('1x1', 'Ugyldig', 'Ugyldig Kommune')`);
  }

  @Get('boom')
  boom() {
    throw new Error('password for postgres is hunter2, see /srv/tilskud/secret.ts:42');
  }
}

describe('errors are application/problem+json', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp({ controllers: [ProbeController] });
  });
  afterAll(() => api.close());

  const municipalityCount = async () => {
    const [{ count }] = await api.app.get<DataSource>(getDataSourceToken()).query('SELECT count(*)::int AS count FROM municipality');
    return count as number;
  };

  it('answers malformed JSON with 400', async () => {
    const response = await api.http.post('/api/v1/test-probe/echo').set('content-type', 'application/json').send('{"name": "x",').expect(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.body).toMatchObject({ type: 'urn:tilskud:problem:malformed-body', title: 'Bad Request', status: 400 });
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
  });

  it('answers an invalid body with 400 and one entry per bad field', async () => {
    const response = await api.http
      .post('/api/v1/test-probe/echo')
      .send({ name: 7, items: [{ rating: 3 }, { rating: 6 }], extra: true })
      .expect(400);
    expect(response.body.type).toBe('urn:tilskud:problem:validation-failed');
    expect(response.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'must be a string' },
        { field: 'items[1].rating', message: 'must not be greater than 5' },
        { field: 'extra', message: 'is not a known field' },
      ]),
    );
  });

  it('refuses a prototype-polluting key anywhere in a body with 400', async () => {
    for (const body of ['{"__proto__":{"isAdmin":true},"name":"x","items":[]}', '{"name":"x","items":[{"constructor":{"prototype":{}}}]}']) {
      const response = await api.http.post('/api/v1/test-probe/echo').set('content-type', 'application/json').send(body).expect(400);
      expect(response.body.type).toBe('urn:tilskud:problem:malformed-body');
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('accepts a valid body', async () => {
    await api.http.post('/api/v1/test-probe/echo').send({ name: 'ok', items: [{ rating: 5 }] }).expect(201, { name: 'ok', items: [{ rating: 5 }] });
  });

  it('answers a body over the size limit with 413', async () => {
    const response = await api.http.post('/api/v1/test-probe/echo').send({ name: 'x'.repeat(1_100_000), items: [] }).expect(413);
    expect(response.body.type).toBe('urn:tilskud:problem:body-too-large');
  });

  it('answers an unknown route with 404', async () => {
    const response = await api.http.get('/api/v1/no-such-thing').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 404, title: 'Not Found', instance: '/api/v1/no-such-thing' });
  });

  it('answers a unique violation with 409 and changes nothing', async () => {
    const before = await municipalityCount();
    const response = await api.http.post('/api/v1/test-probe/duplicate').expect(409);
    expect(response.body.type).toBe('urn:tilskud:problem:duplicate');
    expect(await municipalityCount()).toBe(before);
  });

  it('answers a check violation with 422 and changes nothing', async () => {
    const before = await municipalityCount();
    await api.http.post('/api/v1/test-probe/check-violation').expect(422);
    expect(await municipalityCount()).toBe(before);
  });

  it('answers an unexpected error with a 500 that leaks no internals', async () => {
    const response = await api.http.get('/api/v1/test-probe/boom').expect(500);
    expect(response.body).toMatchObject({ status: 500, title: 'Internal Server Error' });
    expect(JSON.stringify(response.body)).not.toMatch(/hunter2|secret|postgres|\.ts/);
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
  });

  it('keeps a caller’s request id and echoes it', async () => {
    const response = await api.http.get('/api/v1/no-such-thing').set('X-Request-Id', 'lb-7f3a9c21').expect(404);
    expect(response.headers['x-request-id']).toBe('lb-7f3a9c21');
    expect(response.body.requestId).toBe('lb-7f3a9c21');
  });

  it('sets security headers', async () => {
    const response = await api.http.get('/api/v1/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});
