import { describe, expect, it } from 'vitest';
import { MOCK_LOG_KEY, mockLogOn } from './mockLog';

const storage = (value: string | null) => ({
  getItem: (key: string) => (key === MOCK_LOG_KEY ? value : null),
});

describe('the mock’s request log', () => {
  it('is off unless the build or the developer asks for it', () => {
    expect(mockLogOn(storage(null), undefined)).toBe(false);
    expect(mockLogOn(storage('off'), 'off')).toBe(false);
    expect(mockLogOn(undefined, undefined)).toBe(false);
    expect(mockLogOn(storage('on'), undefined)).toBe(true);
    expect(mockLogOn(storage(null), 'on')).toBe(true);
  });
});
