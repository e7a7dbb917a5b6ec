import { DomainException } from '../../libs/core/errors/domain.exception.js';

/** What each action does in each state: the next state, or `409` for a refusal. Every pair, spelled out. */
export type TransitionMatrix<S extends string, A extends string> = Record<S, Record<A, S | 409>>;

/**
 * One test per state and action, against a matrix written out in full (its type makes the compiler
 * insist on every pair), so a transition added to or dropped from a life cycle's table fails a test.
 */
export function describeTransitions<S extends string, A extends string>(name: string, next: (state: S, action: A) => S, matrix: TransitionMatrix<S, A>): void {
  const cases = (Object.entries(matrix) as Array<[S, Record<A, S | 409>]>).flatMap(([state, actions]) =>
    (Object.entries(actions) as Array<[A, S | 409]>).map(([action, expected]) => [state, action, expected] as const),
  );
  describe(name, () => {
    it.each(cases)('%s --%s--> %s', (state, action, expected) => {
      if (expected !== 409) {
        expect(next(state, action)).toBe(expected);
        return;
      }
      let refusal: unknown;
      try {
        next(state, action);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toBeInstanceOf(DomainException);
      expect((refusal as DomainException).status).toBe(409);
      expect((refusal as DomainException).code).toBe('illegal-transition');
      // Said in Danish, the status as a word: `En ansøgning, der er indsendt, kan ikke ændres.`
      expect((refusal as DomainException).detail).toMatch(/^(En|Et) [^,]+, der [^,_]+, kan ikke [^_]+\.$/);
    });
  });
}
