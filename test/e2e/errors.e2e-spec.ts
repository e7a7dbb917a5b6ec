import { Body, Controller, Get, Post } from '@nestjs/common';
import { ApiConflictResponse, ApiUnprocessableEntityResponse } from '@nestjs/swagger';
import { getDataSourceToken, InjectDataSource } from '@nestjs/typeorm';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, Min, ValidateNested } from 'class-validator';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import type { DataSource } from 'typeorm';
import { Public } from '../../libs/core/access/access.decorators.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { signedInAs } from '../support/users.js';

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
  @ApiConflictResponse({ description: 'A duplicate' })
  async duplicate() {
    await this.dataSource.query(`INSERT INTO municipality (code, name, official_name) VALUES ('101', 'Dublet', 'Dublet Kommune')`);
  }

  @Post('check-violation')
  @ApiUnprocessableEntityResponse({ description: 'A rule of the data broken' })
  async checkViolation() {
    await this.dataSource.query(`INSERT INTO municipality (code, name, official_name) VALUES ('1x1', 'Ugyldig', 'Ugyldig Kommune')`);
  }

  @Post('bodiless')
  bodiless() {
    return { ok: true };
  }

  @Get('boom')
  boom() {
    throw new Error('password for postgres is hunter2, see /srv/tilskud/secret.ts:42');
  }
}

async function countMunicipalities(api: TestApp): Promise<number> {
  const [{ count }] = await api.app.get<DataSource>(getDataSourceToken()).query('SELECT count(*)::int AS count FROM municipality');
  return count as number;
}
const municipalityCount = countMunicipalities;

describe('errors are application/problem+json', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp({ controllers: [ProbeController] });
  });
  afterAll(() => api.close());

  const municipalityCount = () => countMunicipalities(api);

  it('answers malformed JSON with 400', async () => {
    const response = await api.http.post('/api/v1/test-probe/echo').set('content-type', 'application/json').send('{"name": "x",').expect(400);
    expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
    expect(response.body).toMatchObject({ type: 'urn:tilskud:problem:malformed-body', title: 'Ugyldigt indhold', status: 400 });
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
        { field: 'name', message: 'skal være tekst' },
        { field: 'items[1].rating', message: 'må højst være 5' },
        { field: 'extra', message: 'er ikke et kendt felt' },
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
    await api.http
      .post('/api/v1/test-probe/echo')
      .send({ name: 'ok', items: [{ rating: 5 }] })
      .expect(201, { name: 'ok', items: [{ rating: 5 }] });
  });

  it('answers a body over the size limit with 413', async () => {
    const response = await api.http
      .post('/api/v1/test-probe/echo')
      .send({ name: 'x'.repeat(1_100_000), items: [] })
      .expect(413);
    expect(response.body.type).toBe('urn:tilskud:problem:body-too-large');
  });

  it('answers an unknown route with 404', async () => {
    const response = await api.http.get('/api/v1/no-such-thing').expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ type: 'urn:tilskud:problem:not-found', status: 404, title: 'Findes ikke', instance: '/api/v1/no-such-thing' });
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
    expect(response.body).toMatchObject({ type: 'urn:tilskud:problem:internal-error', status: 500, title: 'Uventet fejl' });
    expect(JSON.stringify(response.body)).not.toMatch(/hunter2|secret|postgres|\.ts/);
    expect(response.body.requestId).toBe(response.headers['x-request-id']);
  });

  it('keeps a caller’s request id when it is a UUID, and echoes it', async () => {
    const id = '7f3a9c21-4b6e-4d2a-9c1f-0e8b7a6d5c4b';
    const response = await api.http.get('/api/v1/no-such-thing').set('X-Request-Id', id).expect(404);
    expect(response.headers['x-request-id']).toBe(id);
    expect(response.body.requestId).toBe(id);
  });

  it('gives a request id of its own when the caller’s is not a UUID', async () => {
    for (const offered of ['lb-7f3a9c21', 'aaaaaaaaaaaaaaaa', 'x'.repeat(64), '7f3a9c21-4b6e-4d2a-9c1f-0e8b7a6d5c4b\nforged']) {
      const response = await api.http.get('/api/v1/no-such-thing').set('X-Request-Id', offered.replace('\n', ' ')).expect(404);
      expect(response.headers['x-request-id']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(response.headers['x-request-id']).not.toBe(offered);
      expect(response.body.requestId).toBe(response.headers['x-request-id']);
    }
  });

  it('sets security headers', async () => {
    const response = await api.http.get('/api/v1/health');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
  });
});

/** A raw HTTP exchange, for what supertest cannot send: malformed requests, oversized lines. */
function rawExchange(port: number, request: string): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = net.createConnection({ host: '127.0.0.1', port }, () => socket.write(request));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head, ...rest] = text.split('\r\n\r\n');
      const [statusLine, ...headerLines] = head.split('\r\n');
      const headers = Object.fromEntries(headerLines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body: rest.join('\r\n\r\n') });
    });
  });
}

const PROBLEM_JSON = /^application\/problem\+json/;

describe('the edge: what is refused before a route runs, and how', () => {
  let api: TestApp;
  let port: number;
  beforeAll(async () => {
    api = await createTestApp({ controllers: [ProbeController] });
    await api.app.listen(0, '127.0.0.1');
    port = (api.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(() => api.close());

  /** Each refusal is problem+json with the request id, and short: an attacker's body is never echoed. */
  function expectSmallProblem(response: { headers: Record<string, string>; body: unknown; text?: string }, type: string) {
    expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
    expect(response.body).toMatchObject({ type: `urn:tilskud:problem:${type}`, requestId: response.headers['x-request-id'] });
    expect(JSON.stringify(response.body).length).toBeLessThan(2_000);
  }

  describe('bodies', () => {
    it('refuses a body of tens of thousands of unknown keys at once, with a short answer', async () => {
      const body = JSON.stringify(Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`k${i}`, i])));
      expect(body.length).toBeGreaterThan(500_000);
      const response = await api.http.post('/api/v1/test-probe/echo').set('content-type', 'application/json').send(body).expect(400);
      expectSmallProblem(response, 'body-too-complex');
      expect(response.body.errors).toBeUndefined();
    });

    it('refuses such a body to sign-in and refresh before reading it: their bodies are small', async () => {
      const body = JSON.stringify(Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`k${i}`, i])));
      for (const path of ['/api/v1/auth/login', '/api/v1/auth/refresh']) {
        const response = await api.http.post(path).set('content-type', 'application/json').send(body).expect(413);
        expectSmallProblem(response, 'body-too-large');
      }
    });

    it('refuses deep nesting, long lists and wide objects; accepts up to each bound', async () => {
      const nested = (depth: number): unknown => (depth === 0 ? 1 : { a: nested(depth - 1) });
      // The echo's own validation refuses these bodies' content: a 400 that is not body-too-complex shows the shape passed.
      const shapeOf = async (body: unknown) =>
        (
          await api.http
            .post('/api/v1/test-probe/echo')
            .send(body as object)
            .expect(400)
        ).body.type;
      expect(await shapeOf({ name: nested(7) })).toBe('urn:tilskud:problem:validation-failed');
      expect(await shapeOf({ name: nested(8) })).toBe('urn:tilskud:problem:body-too-complex');
      expect(await shapeOf({ name: 'x', items: Array.from({ length: 1000 }, () => 0) })).toBe('urn:tilskud:problem:validation-failed');
      expect(await shapeOf({ name: 'x', items: Array.from({ length: 1001 }, () => 0) })).toBe('urn:tilskud:problem:body-too-complex');
      expect(await shapeOf(Object.fromEntries(Array.from({ length: 64 }, (_, i) => [`k${i}`, i])))).toBe('urn:tilskud:problem:validation-failed');
      expect(await shapeOf(Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, i])))).toBe('urn:tilskud:problem:body-too-complex');
    });

    it('lists at most 20 field errors and says how many more there were', async () => {
      const items = Array.from({ length: 50 }, () => ({ rating: 9 }));
      const response = await api.http.post('/api/v1/test-probe/echo').send({ name: 'x', items }).expect(400);
      expect(response.body.errors).toHaveLength(20);
      expect(response.body.errorsOmitted).toBe(30);
    });

    it('refuses NUL characters and half surrogate pairs in any string or key, naming the field, and stores nothing', async () => {
      const before = await municipalityCount(api);
      for (const body of [
        '{"name":"a\\u0000b","items":[]}',
        '{"name":"x","items":[{"rating":1,"n\\u0000":2}]}',
        '{"name":"\\ud800","items":[]}',
        '{"name":"x\\udc00y","items":[]}',
      ]) {
        const response = await api.http.post('/api/v1/test-probe/echo').set('content-type', 'application/json').send(body).expect(400);
        expectSmallProblem(response, 'invalid-characters');
      }
      const named = await api.http
        .post('/api/v1/test-probe/echo')
        .set('content-type', 'application/json')
        .send('{"name":"x","items":[{"rating":"\\u0000"}]}')
        .expect(400);
      expect(named.body.errors).toEqual([{ field: 'items[0].rating', message: expect.any(String) }]);
      // A whole surrogate pair (an emoji) is text like any other.
      await api.http.post('/api/v1/test-probe/echo').send({ name: '💥 æøå', items: [] }).expect(201);
      expect(await municipalityCount(api)).toBe(before);
    });

    it('answers a text/plain, form or XML body with 415', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/xml']) {
        const response = await api.http.post('/api/v1/test-probe/echo').set('content-type', type).send('name=x').expect(415);
        expectSmallProblem(response, 'unsupported-media-type');
      }
    });

    it('refuses a body on a route that takes none, and takes an empty one', async () => {
      const response = await api.http.post('/api/v1/test-probe/bodiless').send({ unknown: 1 }).expect(400);
      expectSmallProblem(response, 'unexpected-body');
      await api.http.post('/api/v1/test-probe/bodiless').set('content-type', 'application/json').send('[]').expect(400);
      await api.http.post('/api/v1/test-probe/bodiless').send({}).expect(201);
      await api.http.post('/api/v1/test-probe/bodiless').expect(201);
    });
  });

  describe('URLs', () => {
    it('answers a URL that cannot be decoded with a 400 problem', async () => {
      const response = await rawExchange(port, 'GET /api/v1/applications/% HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toMatch(PROBLEM_JSON);
      const body = JSON.parse(response.body);
      expect(body).toMatchObject({ type: 'urn:tilskud:problem:invalid-url', status: 400 });
      expect(body.requestId).toBe(response.headers['x-request-id']);
    });

    it('refuses NUL in a path or a query with 400, never a 500', async () => {
      for (const path of ['/api/v1/municipalities?x=%00', '/api/v1/applications/%00', '/api/v1/health?q=a%00b']) {
        expectSmallProblem(await api.http.get(path).expect(400), 'invalid-characters');
      }
    });

    it('refuses a cursor holding a NUL or half a surrogate pair with 400, never a 500', async () => {
      const admin = await signedInAs(api, 'admin');
      for (const key of ['a\u0000b', '\ud800']) {
        const cursor = Buffer.from(`["programmes",${JSON.stringify(key)}]`).toString('base64url');
        const response = await api.http.get('/api/v1/programmes').query({ cursor }).set(admin.bearer).expect(400);
        expect(response.body.type).toBe('urn:tilskud:problem:invalid-cursor');
      }
    });

    it('answers an over-long URL with 414, whether the router or the HTTP parser sees it first', async () => {
      expectSmallProblem(await api.http.get(`/api/v1/health?q=${'a'.repeat(9_000)}`).expect(414), 'uri-too-long');
      const parsed = await rawExchange(port, `GET /api/v1/health?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
      expect(parsed.status).toBe(414);
      expect(JSON.parse(parsed.body)).toMatchObject({ type: 'urn:tilskud:problem:uri-too-long', requestId: parsed.headers['x-request-id'] });
    });

    it('answers headers that are too large with 431, and a malformed request with 400, as problem+json', async () => {
      const large = await rawExchange(port, `GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(20_000)}\r\n\r\n`);
      expect(large.status).toBe(431);
      expect(large.headers['content-type']).toMatch(PROBLEM_JSON);
      expect(JSON.parse(large.body).type).toBe('urn:tilskud:problem:headers-too-large');
      const malformed = await rawExchange(port, 'THIS IS NOT HTTP\r\n\r\n');
      expect(malformed.status).toBe(400);
      expect(JSON.parse(malformed.body)).toMatchObject({ type: 'urn:tilskud:problem:malformed-request', requestId: expect.any(String) });
    });

    it('answers a method the path does not have with 405 and Allow, and an unknown path with 404', async () => {
      const response = await api.http.delete('/api/v1/programmes').expect(405);
      expectSmallProblem(response, 'method-not-allowed');
      expect(response.headers.allow).toBe('GET, HEAD, POST');
      expect((await api.http.put('/api/v1/test-probe/echo').expect(405)).headers.allow).toBe('POST');
      expect((await api.http.patch(`/api/v1/applications/${crypto.randomUUID()}/submit`).expect(405)).headers.allow).toBe('POST');
      await api.http.delete('/api/v1/no-such-thing').expect(404);
    });

    it('answers a path of its own method that the router still could not take (an over-long id) with 404, not 405', async () => {
      const response = await api.http.get(`/api/v1/awards/${'x'.repeat(300)}/extension-requests`).expect(404);
      expectSmallProblem(response, 'not-found');
      expect(response.headers.allow).toBeUndefined();
      await api.http.head(`/api/v1/awards/${'x'.repeat(300)}/extension-requests`).expect(404);
    });
  });

  it('marks every answer, success or problem, as not to be stored by any cache', async () => {
    expect((await api.http.get('/api/v1/health')).headers['cache-control']).toMatch(/\bno-store\b/);
    expect((await api.http.get('/api/v1/no-such-thing').expect(404)).headers['cache-control']).toBe('no-store');
    expect((await api.http.post('/api/v1/test-probe/echo').send({ name: 'ok', items: [] }).expect(201)).headers['cache-control']).toBe('no-store');
  });
});
