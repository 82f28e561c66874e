// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TOO_MANY_SEARCHES } from '@/lib/background/search-handler';
import { ask } from '@/lib/protocol/client';
import { CustomerSearch } from './CustomerSearch';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

vi.mock('@/lib/protocol/client', () => ({ ask: vi.fn() }));
const asked = vi.mocked(ask);

afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

async function typeQuery(query: string): Promise<HTMLElement> {
  const container = document.createElement('div');
  document.body.append(container);
  const client = new QueryClient();
  await act(async () =>
    createRoot(container).render(
      <QueryClientProvider client={client}>
        <CustomerSearch onPick={() => undefined} />
      </QueryClientProvider>,
    ),
  );
  const input = container.querySelector('input') as HTMLInputElement;
  await act(async () => {
    // React listens to the native value setter's input event, not to a plain assignment.
    Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set?.call(input, query);
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  return container;
}

describe('CustomerSearch', () => {
  it('searches once typing pauses, and shows why the background refused a search', async () => {
    vi.useFakeTimers();
    asked.mockRejectedValue(new Error(TOO_MANY_SEARCHES));
    const container = await typeQuery('Claire');
    expect(asked).not.toHaveBeenCalled();
    await act(async () => vi.advanceTimersByTimeAsync(300));
    expect(asked).toHaveBeenCalledWith({ type: 'search', query: 'Claire' });
    await act(async () => vi.advanceTimersByTimeAsync(5_000));
    expect(asked).toHaveBeenCalledTimes(1); // a refused search is not retried by itself
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(TOO_MANY_SEARCHES);
  });
});
