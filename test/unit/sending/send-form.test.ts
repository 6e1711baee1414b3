import { describe, expect, it } from 'vitest';
import { EMPTY_FORM, formReducer, OTHER } from '../../../renderer/features/sending/send-form';

/**
 * The senders and simulator addresses arrive after the form is on screen: what they suggest fills
 * an empty choice and never replaces one the person made first.
 */
describe('the test-send form’s first choices', () => {
  it.each([
    // [chosen before the senders arrived, the first verified sender, the sender afterwards]
    ['', 'example.com', 'example.com'],
    ['', OTHER, OTHER],
    [OTHER, 'example.com', OTHER],
    ['shop.example', 'example.com', 'shop.example'],
  ])('sender chosen %j, first found %j → %j', (before, found, after) => {
    const form = formReducer({ ...EMPTY_FORM, identity: before }, { type: 'defaultSender', identity: found });
    expect(form.identity).toBe(after);
  });

  it.each([
    ['', 'success@simulator.amazonses.com', 'success@simulator.amazonses.com'],
    [OTHER, 'success@simulator.amazonses.com', OTHER],
  ])('recipient chosen %j, first found %j → %j', (before, found, after) => {
    const form = formReducer({ ...EMPTY_FORM, to: before }, { type: 'defaultRecipient', address: found });
    expect(form.to).toBe(after);
  });
});
