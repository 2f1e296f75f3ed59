/** A record page's open tab lives in the address: a reload opens it again, an unknown one opens the first. */
import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useRouteTab } from './useRouteTab';

const TABS = ['dettes', 'budget', 'procedure'] as const;

describe('useRouteTab', () => {
  it('opens the tab named in the address, or the first one when it names none or an unknown one', () => {
    expect(renderHook(() => useRouteTab(TABS, 'budget', '#/surendettement/4')).result.current[0]).toBe('budget');
    expect(renderHook(() => useRouteTab(TABS, undefined, '#/surendettement/4')).result.current[0]).toBe('dettes');
    expect(renderHook(() => useRouteTab(TABS, 'inconnu', '#/surendettement/4')).result.current[0]).toBe('dettes');
  });

  it('writes the chosen tab into the address without adding a step to the history', () => {
    window.history.replaceState(null, '', '#/surendettement/4');
    const before = window.history.length;
    const { result } = renderHook(() => useRouteTab(TABS, undefined, '#/surendettement/4'));
    act(() => result.current[1]('procedure'));
    expect(result.current[0]).toBe('procedure');
    expect(window.location.hash).toBe('#/surendettement/4/procedure');
    expect(window.history.length).toBe(before);
    act(() => result.current[1]('nimporte'));
    expect(result.current[0]).toBe('dettes');
    expect(window.location.hash).toBe('#/surendettement/4/dettes');
  });
});
