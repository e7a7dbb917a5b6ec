/**
 * A life cycle as data: state × action → next state, with anything unlisted refused. Each aggregate
 * (application, award, extension request, report) declares its table and gets one checked function.
 */
export type TransitionTable<State extends string, Action extends string> = Readonly<Record<State, Partial<Record<Action, State>>>>;

export function transitionFrom<State extends string, Action extends string>(
  table: TransitionTable<State, Action>,
  refuse: (state: State, action: Action) => Error,
): (state: State, action: Action) => State {
  return (state, action) => {
    const next = table[state][action];
    if (next === undefined) throw refuse(state, action);
    return next;
  };
}
