import { act, cleanup, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const call = vi.fn();
vi.mock('../../api', () => ({ call: (...args: unknown[]) => call(...args) }));
const { usePersonSearch } = await import('./usePersonSearch');

const answer = (name: string) => ({ ok: true, value: { results: [{ id: 1, birthName: name }], truncated: false } });

beforeEach(() => {
  vi.useFakeTimers();
  call.mockReset();
});
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

describe('usePersonSearch', () => {
  it('asks nothing under two characters, then once after the pause', async () => {
    call.mockResolvedValue(answer('Dupont'));
    const { result, rerender } = renderHook(({ q }) => usePersonSearch(q, 30), { initialProps: { q: 'd' } });
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(call).not.toHaveBeenCalled();
    expect(result.current.results).toBeNull();
    rerender({ q: 'du' });
    rerender({ q: 'dup' });
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(call).toHaveBeenCalledTimes(1);
    expect(call).toHaveBeenCalledWith('persons:search', { q: 'dup', limit: 30 });
    expect(result.current.results?.results[0]).toMatchObject({ birthName: 'Dupont' });
  });

  it('keeps only the latest answer, and says a refusal', async () => {
    let slow: (v: unknown) => void = () => {};
    call.mockImplementationOnce(() => new Promise((r) => (slow = r))).mockResolvedValueOnce(answer('Martin'));
    const { result, rerender } = renderHook(({ q }) => usePersonSearch(q, 30), { initialProps: { q: 'du' } });
    await act(() => vi.advanceTimersByTimeAsync(100));
    rerender({ q: 'mar' });
    await act(() => vi.advanceTimersByTimeAsync(100));
    await act(async () => slow(answer('Dupont')));
    expect(result.current.results?.results[0]).toMatchObject({ birthName: 'Martin' });
    call.mockResolvedValueOnce({ ok: false, error: { code: 'locked', message: 'Session verrouillée.' } });
    rerender({ q: 'mart' });
    await act(() => vi.advanceTimersByTimeAsync(100));
    expect(result.current.error).toBe('Session verrouillée.');
    rerender({ q: 'm' });
    expect(result.current).toEqual({ results: null, error: null });
  });
});
