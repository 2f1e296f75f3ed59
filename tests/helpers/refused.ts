import { expect } from 'vitest';
import { PasseurError } from '../../src-main/shared/errors';

/** The French refusal a pure rule throws for `fn` (fails the test when it does not refuse). */
export function refused(fn: () => unknown): PasseurError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(PasseurError);
    return e as PasseurError;
  }
  throw new Error('expected a refusal');
}
