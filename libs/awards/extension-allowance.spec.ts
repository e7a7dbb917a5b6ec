import { extensionMonthsLeft } from './extension-allowance.js';

describe('the extension months an award has left', () => {
  it('is the programme’s maximum less the months approved', () => {
    expect(extensionMonthsLeft(6, 0)).toBe(6);
    expect(extensionMonthsLeft(6, 2)).toBe(4);
    expect(extensionMonthsLeft(6, 6)).toBe(0);
  });

  it('is never less than none, and none where the programme allows no extension', () => {
    expect(extensionMonthsLeft(3, 5)).toBe(0);
    expect(extensionMonthsLeft(0, 0)).toBe(0);
  });
});
