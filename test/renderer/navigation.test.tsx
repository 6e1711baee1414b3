import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../renderer/app/App';
import { useAssistant } from '../../renderer/app/store';
import { baseState, installFakeAssistant } from './fake-assistant';

beforeEach(() => useAssistant.setState({ app: null, loadError: null, actionError: null, busy: false }));

describe('finding the way back', () => {
  it('offers every reached stage in the step list, marks the current one, and leaves unreached ones inert', async () => {
    const invoke = installFakeAssistant({
      'app.state': () => ({
        ok: true,
        value: baseState({
          step: 'dns',
          reached: ['welcome', 'connect', 'connected', 'region', 'identity', 'dns'],
        }),
      }),
      // The move is what is checked here; the screen stays put so no other screen's calls are needed.
      'wizard.goTo': () => ({
        ok: true,
        value: baseState({
          step: 'dns',
          reached: ['welcome', 'connect', 'connected', 'region', 'identity', 'dns'],
        }),
      }),
    });
    render(<App />);
    const steps = await screen.findByRole('navigation', { name: 'Steps' });
    // The steps themselves; the toggle that folds them in small windows is not one of them.
    const buttons = within(within(steps).getByRole('list'))
      .getAllByRole('button')
      .map((b) => b.textContent);
    expect(buttons).toEqual(['Welcome', 'Connect AWS', 'Region', 'Sender']);
    const current = within(steps).getByText('DNS records');
    expect(current.closest('li')!.getAttribute('aria-current')).toBe('step');
    expect(within(steps).queryByRole('button', { name: 'Test send' })).toBeNull();
    await userEvent.setup().click(within(steps).getByRole('button', { name: 'Region' }));
    expect(invoke).toHaveBeenCalledWith('wizard.goTo', { step: 'region' });
    // Connect AWS goes back to the Connected screen once a connection exists.
    await userEvent.setup().click(
      within(await screen.findByRole('navigation', { name: 'Steps' })).getByRole('button', {
        name: 'Welcome',
      }),
    );
    expect(invoke).toHaveBeenCalledWith('wizard.goTo', { step: 'welcome' });
  });

  it('takes the person from the dashboard to any part of the set-up in one click', async () => {
    const invoke = installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'dashboard', reached: ['dashboard'] }) }),
      'dashboard.get': () => ({
        ok: false,
        error: { code: 'UNEXPECTED', title: 'x', explanation: 'x', fix: 'x', retryable: true },
      }),
      'wizard.goTo': () => ({ ok: true, value: baseState({ step: 'dashboard' }) }),
    });
    render(<App />);
    const links = await screen.findByRole('navigation', { name: 'Set-up steps' });
    for (const [label, step] of [
      ['DNS records', 'dns'],
      ['Senders', 'identity'],
      ['Region', 'region'],
      ['Connection', 'connected'],
    ] as const) {
      useAssistant.setState({ app: baseState({ step: 'dashboard' }) });
      await userEvent.setup().click(
        within(await screen.findByRole('navigation', { name: 'Set-up steps' })).getByRole('button', {
          name: label,
        }),
      );
      expect(invoke).toHaveBeenCalledWith('wizard.goTo', { step });
    }
    expect(links).toBeTruthy();
  });

  it('leads back to the dashboard in one click from a screen beside it (SMTP), still marked as the current stage', async () => {
    const reached = [
      'welcome',
      'connect',
      'connected',
      'region',
      'identity',
      'dns',
      'test-send',
      'sandbox',
      'dashboard',
      'smtp',
    ] as const;
    const invoke = installFakeAssistant({
      'app.state': () => ({ ok: true, value: baseState({ step: 'smtp', reached: [...reached] }) }),
      'smtp.settings': () => ({
        ok: false,
        error: { code: 'UNEXPECTED', title: 'x', explanation: 'x', fix: 'x', retryable: true },
      }),
      'wizard.goTo': () => ({ ok: true, value: baseState({ step: 'smtp', reached: [...reached] }) }),
    });
    render(<App />);
    const steps = await screen.findByRole('navigation', { name: 'Steps' });
    const dashboard = within(steps).getByRole('button', { name: 'Dashboard' });
    expect(dashboard.closest('li')!.getAttribute('aria-current')).toBe('step');
    await userEvent.setup().click(dashboard);
    expect(invoke).toHaveBeenCalledWith('wizard.goTo', { step: 'dashboard' });
  });
});
