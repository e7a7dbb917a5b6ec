import { readFileSync } from 'node:fs';
import { apiTypesFrom, formatSchema, SCHEMA_FILE } from '../../scripts/web-api-types.mjs';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The first line where two texts differ, to say in the failure where the committed types are behind. */
function firstDifference(expected: string, actual: string): string | null {
  const want = expected.split('\n');
  const have = actual.split('\n');
  for (let line = 0; line < Math.max(want.length, have.length); line += 1) {
    if (want[line] !== have[line]) return `line ${line + 1}: expected ${JSON.stringify(want[line])}, committed ${JSON.stringify(have[line])}`;
  }
  return null;
}

describe('the web app’s typed API client', () => {
  let api: TestApp;
  beforeAll(async () => {
    api = await createTestApp();
  });
  afterAll(() => api.close());

  it('is generated from the OpenAPI document the API serves: the committed schema.d.ts is what `npm run web:api` writes', async () => {
    const { body } = await api.http.get('/api/docs-json').expect(200);
    const generated = await apiTypesFrom(body);
    // Both through the same formatter, so only a change of the API (not of layout) tells them apart.
    const committed = await formatSchema(readFileSync(SCHEMA_FILE, 'utf8'));
    expect({ schema: 'apps/web/src/api/schema.d.ts', outOfDate: firstDifference(generated, committed), fix: 'npm run web:api' }).toEqual({
      schema: 'apps/web/src/api/schema.d.ts',
      outOfDate: null,
      fix: 'npm run web:api',
    });
  });

  it('notices a change of the document: one more response field changes the generated types', async () => {
    const { body } = await api.http.get('/api/docs-json').expect(200);
    const changed = structuredClone(body);
    changed.components.schemas.MunicipalityResponse.properties.officialName = { type: 'string' };
    const [before, after] = await Promise.all([apiTypesFrom(body), apiTypesFrom(changed)]);
    expect(firstDifference(before, after)).toMatch(/officialName/);
  });
});
