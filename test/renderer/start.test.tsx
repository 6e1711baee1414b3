import { act, screen, waitFor } from '@testing-library/react';
import type { Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Result } from '../../electron/ipc/contract';
import { start } from '../../renderer/app/start';
import { useAssistant } from '../../renderer/app/store';
import { baseState, installFakeAssistant } from './fake-assistant';

let container: HTMLElement;
let root: Root | undefined;

beforeEach(() => {
  useAssistant.setState({ app: null, loadError: null, actionError: null, busy: false });
  container = document.body.appendChild(document.createElement('div'));
});

afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  container.remove();
});

/** Whether the container holds the empty shell only: no step, no button. */
const onlyTheShell = () => !container.querySelector('button') && Boolean(container.querySelector('main'));

describe('starting the renderer', () => {
  it('asks for the state once, before React starts, and first renders the step itself', async () => {
    // The answer takes a moment, as IPC does: long enough for React to draw something first.
    const invoke = installFakeAssistant({
      'app.state': () =>
        new Promise((resolve) => setTimeout(() => resolve({ ok: true, value: baseState() }), 50)),
    });
    // What React puts into the container, in order: the first must already be the step's layout.
    const added: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        if (record.target !== container) continue;
        for (const node of record.addedNodes) added.push((node as Element).className);
      }
    });
    observer.observe(container, { childList: true });
    // React's own scheduling, as in the app: act() would hold the first render back until the
    // state had come anyway, and hide an early one.
    const actEnvironment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
    actEnvironment.IS_REACT_ACT_ENVIRONMENT = false;
    try {
      root = await start(container, 10_000);
      await screen.findByRole('button', { name: 'Get started' });
    } finally {
      actEnvironment.IS_REACT_ACT_ENVIRONMENT = true;
    }
    observer.disconnect();
    expect(added).toEqual(['layout']);
    expect(invoke.mock.calls.filter(([channel]) => channel === 'app.state')).toHaveLength(1);
  });

  it('draws the empty shell when the state is slow, then the step when it comes, without asking twice', async () => {
    let answer!: (result: Result<unknown>) => void;
    const invoke = installFakeAssistant({
      'app.state': () => new Promise((resolve) => (answer = resolve)),
    });
    await act(async () => {
      root = await start(container, 20);
    });
    expect(onlyTheShell()).toBe(true);
    await act(async () => answer({ ok: true, value: baseState() }));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Get started' })).toBeTruthy());
    expect(invoke.mock.calls.filter(([channel]) => channel === 'app.state')).toHaveLength(1);
  });

  it('asks once more when the first ask finds no answer, and shows the step it then gets', async () => {
    let asked = 0;
    const invoke = installFakeAssistant({
      // As ipcRenderer.invoke rejects before the main process has bound its channels.
      'app.state': () =>
        ++asked === 1
          ? Promise.reject(new Error("No handler registered for 'app.state'"))
          : Promise.resolve({ ok: true, value: baseState() }),
    });
    await act(async () => {
      root = await start(container, 10_000);
    });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Get started' })).toBeTruthy());
    expect(invoke.mock.calls.filter(([channel]) => channel === 'app.state')).toHaveLength(2);
  });

  it('still draws the shell when the main process cannot answer at all', async () => {
    const invoke = installFakeAssistant({
      'app.state': () => Promise.reject(new Error('no answer')),
    });
    await act(async () => {
      root = await start(container, 10_000);
    });
    expect(onlyTheShell()).toBe(true);
    expect(invoke.mock.calls.filter(([channel]) => channel === 'app.state')).toHaveLength(2);
  });
});
