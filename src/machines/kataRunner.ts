import type { CallRunner } from './runtimeCall.ts';

// TODO(issue 3): replaced by the kata machines.
export const runKataCall: CallRunner = (session) => {
  throw new Error(`the ${session.runtime} machines are not built yet`);
};
