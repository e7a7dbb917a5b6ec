import type { TestApp } from './test-app.js';

/** A download (a PDF, a CSV) read to its end, as bytes: supertest would otherwise try to parse it. */
export const downloadBytes = (request: ReturnType<TestApp['http']['get']>) =>
  request.buffer(true).parse((response, done) => {
    const chunks: Buffer[] = [];
    response.on('data', (chunk: Buffer) => chunks.push(chunk));
    response.on('end', () => done(null, Buffer.concat(chunks)));
  });
