import { isSubstantiveRationale } from './rationale.js';

describe('a substantive rationale (hovedhensyn)', () => {
  it.each([
    'Ansøgningen afvises, fordi projektet ikke beskriver, hvordan dokumentationskravene reduceres, og fordi budgettet til ekstern evaluering ikke er begrundet.',
    'Der bevilges 4.000.000 kr. i stedet for 5.000.000 kr., da udgifterne til konsulentbistand i fase 2 ikke er nødvendige for at nå projektets mål.',
    'Projektet udmærker sig ikke ved nyskabelse, idet den beskrevne model allerede er udbredt i de fleste kommuner.',
  ])('accepts main considerations: %s', (text) => {
    expect(isSubstantiveRationale(text)).toBe(true);
  });

  it.each([
    '',
    'Afslag.',
    'Ansøgningen afvises.',
    'Se vurderingen.',
    'Ansøgningen kan ikke imødekommes. Der henvises til vurderingen. Ingen yderligere bemærkninger.',
    'Afslag afslag afslag afslag afslag afslag afslag afslag afslag afslag.',
    'nej nej nej nej nej nej nej nej nej nej nej nej nej nej nej nej',
    'Lorem ipsum lorem ipsum lorem ipsum lorem ipsum lorem ipsum.',
  ])('refuses boilerplate or an empty rationale: %p', (text) => {
    expect(isSubstantiveRationale(text)).toBe(false);
  });
});
