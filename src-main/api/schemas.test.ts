/** The read-back schemas: an input field's type without its checks, so stored values always read. */
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { readBack, readBackShape } from './schemas';
import { required } from './text';

describe('readBack', () => {
  it('keeps the type and drops the input checks and defaults', () => {
    const out = z.object(
      readBackShape({
        object: required(5, 'Objet'),
        days: z.number().int().min(1).nullable().default(null),
        mode: z.enum(['a', 'b'], { message: 'Choisissez.' }),
        urgent: z.boolean().default(false),
      }),
    );
    // A value stored before a rule was tightened (too long, a control character, zero days) still reads.
    expect(out.parse({ object: 'longer than five\u0007', days: 0, mode: 'a', urgent: true })).toEqual({ object: 'longer than five\u0007', days: 0, mode: 'a', urgent: true });
    // The type itself is still checked: a wrong type, an unknown enum value, a missing field.
    expect(out.safeParse({ object: 1, days: null, mode: 'a', urgent: true }).success).toBe(false);
    expect(out.safeParse({ object: '', days: null, mode: 'c', urgent: true }).success).toBe(false);
    expect(out.safeParse({ object: '', mode: 'a', urgent: true }).success).toBe(false);
  });

  it('refuses a shape it cannot read back, at start-up', () => {
    expect(() => readBack(z.object({ a: z.string() }))).toThrow(/no read-back schema for a object/);
  });
});
