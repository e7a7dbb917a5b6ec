import { writesRequestLines } from './logger.module.js';

describe('writesRequestLines', () => {
  it('writes a line per request where the level lets info lines through', () => {
    expect(writesRequestLines('info')).toBe(true);
    expect(writesRequestLines('debug')).toBe(true);
    expect(writesRequestLines('trace')).toBe(true);
  });

  it('builds no request line where the level would drop it', () => {
    expect(writesRequestLines('warn')).toBe(false);
    expect(writesRequestLines('error')).toBe(false);
    expect(writesRequestLines('fatal')).toBe(false);
    expect(writesRequestLines('silent')).toBe(false);
  });
});
