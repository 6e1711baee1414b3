/**
 * What SES's bounce and complaint notifications mean, and what a person should do about each, kept as
 * dated data in one place. The types and subtypes are the values SES documents for the `bounce`
 * object (bounceType / bounceSubType) and the `complaint` object (complaintFeedbackType, the
 * Feedback-Type of the ISP's ARF report, and complaintSubType); the advice is ours, in plain words.
 *
 * SES may add fields and values: an unknown one is shown as it came, with general advice.
 */
export const FEEDBACK_FACTS = {
  asOf: '2026-11-28',
  sources: [
    'https://docs.aws.amazon.com/ses/latest/dg/notification-contents.html',
    'https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_Bounce.html',
    'https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_Complaint.html',
  ],
} as const;

/**
 * Where SES emails bounces and complaints while an identity has no notification topics (feedback
 * forwarding, on by default): the Return-Path address of the original message, which is not always
 * where the mail came from. A program sets it (SES v1 ReturnPath, or a Return-Path header); the
 * assistant's own test sends set none, so theirs go to the sender's address.
 */
export const FEEDBACK_FORWARDING_SOURCE = {
  title:
    'Amazon SES API v2 Reference, “PutEmailIdentityFeedbackAttributes” (EmailForwardingEnabled); API Reference, “SendEmail” (ReturnPath)',
  url: 'https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_PutEmailIdentityFeedbackAttributes.html',
  checked: '2026-12-04',
} as const;

/** Where forwarded bounces and complaints go, in words, to follow "to". */
export const FEEDBACK_FORWARDING_TO =
  'the Return-Path address of the message (the address your program gives for bounces; when it gives none, the sender’s address)';

export interface Advice {
  title: string;
  explanation: string;
  action: string;
  /** The address should not be mailed again. */
  stopMailing: boolean;
}

const REMOVE = 'Take this address off your lists and do not send to it again.';

/** By "bounceType/bounceSubType", as SES writes them. */
export const BOUNCE_ADVICE: Record<string, Advice> = {
  'Undetermined/Undetermined': {
    title: 'Bounced, reason unknown',
    explanation: 'The receiving server sent back a bounce SES could not classify.',
    action: 'Read what the server said below. If the same address bounces again, take it off your lists.',
    stopMailing: false,
  },
  'Permanent/General': {
    title: 'Bounced for good',
    explanation:
      'The receiving server refused the message permanently, usually because the address does not exist.',
    action: REMOVE,
    stopMailing: true,
  },
  'Permanent/NoEmail': {
    title: 'The address does not exist',
    explanation: 'The domain of the address has no way to receive mail, or the mailbox does not exist.',
    action: `${REMOVE} Check it for a typo if it came from a form.`,
    stopMailing: true,
  },
  'Permanent/Suppressed': {
    title: 'Not sent: on SES’s global suppression list',
    explanation:
      'SES did not try to send, because this address has recently bounced for good for many senders.',
    action: REMOVE,
    stopMailing: true,
  },
  'Permanent/OnAccountSuppressionList': {
    title: 'Not sent: on your suppression list',
    explanation:
      'SES did not try to send, because the address is on your account’s suppression list (it bounced or complained before).',
    action: `${REMOVE} It does not count against your bounce rate.`,
    stopMailing: true,
  },
  'Transient/General': {
    title: 'Bounced for now',
    explanation:
      'The receiving server could not take the message at the moment, for a reason it did not give.',
    action: 'Nothing to do yet. If the address keeps bouncing for weeks, take it off your lists.',
    stopMailing: false,
  },
  'Transient/MailboxFull': {
    title: 'The mailbox is full',
    explanation: 'The recipient’s mailbox has no room left.',
    action: 'Try again later. If it is still full after a few weeks, the mailbox is probably abandoned.',
    stopMailing: false,
  },
  'Transient/MessageTooLarge': {
    title: 'The message was too large',
    explanation: 'The receiving server refused the message because of its size.',
    action: 'Send a smaller message: link to big files instead of attaching them.',
    stopMailing: false,
  },
  'Transient/ContentRejected': {
    title: 'The content was refused',
    explanation: 'The receiving server refused something in the message, often because it looked like spam.',
    action: 'Read what the server said below, and look at the links and wording of the message.',
    stopMailing: false,
  },
  'Transient/AttachmentRejected': {
    title: 'An attachment was refused',
    explanation: 'The receiving server does not accept a kind of attachment the message carried.',
    action: 'Send without the attachment, or with a link to the file instead.',
    stopMailing: false,
  },
};

/** By complaintFeedbackType (the ARF Feedback-Type); '' when the ISP gave none. */
export const COMPLAINT_ADVICE: Record<string, Advice> = {
  abuse: {
    title: 'Marked as spam',
    explanation: 'The recipient reported the message as unsolicited or abusive.',
    action: `${REMOVE} Complaints above 0.1 % put your account under review.`,
    stopMailing: true,
  },
  'auth-failure': {
    title: 'Reported as failing authentication',
    explanation: 'The receiving side reports that the message failed an email authentication check.',
    action: `${REMOVE} Check that your DKIM and SPF records are in place (DNS records step).`,
    stopMailing: true,
  },
  fraud: {
    title: 'Reported as fraud or phishing',
    explanation: 'The recipient reported the message as a fraud or phishing attempt.',
    action: `${REMOVE} Make sure nobody else is sending with your keys.`,
    stopMailing: true,
  },
  'not-spam': {
    title: 'Reported as not spam',
    explanation:
      'The recipient’s provider reports the message is not spam (for example, it was moved out of the spam folder).',
    action: 'Nothing to do.',
    stopMailing: false,
  },
  virus: {
    title: 'Reported as carrying a virus',
    explanation: 'The receiving side found a virus in the message.',
    action: `${REMOVE} Check the computers and files your messages are made from.`,
    stopMailing: true,
  },
  other: {
    title: 'Complaint',
    explanation: 'The recipient complained about the message, for a reason the provider did not name.',
    action: REMOVE,
    stopMailing: true,
  },
  '': {
    title: 'Complaint',
    explanation: 'The recipient complained about the message; many providers do not say why.',
    action: REMOVE,
    stopMailing: true,
  },
};

/** complaintSubType OnAccountSuppressionList: SES accepted the message but did not send it. */
export const COMPLAINT_SUPPRESSED: Advice = {
  title: 'Not sent: on your suppression list',
  explanation:
    'SES accepted the message but did not send it, because the address is on your account’s suppression list after an earlier complaint.',
  action: REMOVE,
  stopMailing: true,
};

export const DELIVERY_ADVICE: Advice = {
  title: 'Delivered',
  explanation: 'The receiving server accepted the message.',
  action: 'Nothing to do.',
  stopMailing: false,
};

/** Any bounce type or subtype SES adds later: permanent ones still mean stop. */
export function bounceAdvice(type = '', subType = ''): Advice {
  const general =
    type === 'Permanent' || type === 'Transient' ? `${type}/General` : 'Undetermined/Undetermined';
  return BOUNCE_ADVICE[`${type}/${subType}`] ?? BOUNCE_ADVICE[general] ?? UNKNOWN;
}

export function complaintAdvice(feedbackType = '', subType = ''): Advice {
  if (subType === 'OnAccountSuppressionList') return COMPLAINT_SUPPRESSED;
  return COMPLAINT_ADVICE[feedbackType] ?? COMPLAINT_ADVICE.other ?? UNKNOWN;
}

const UNKNOWN: Advice = {
  title: 'Reported by SES',
  explanation: 'SES reported something about this address that the assistant does not know yet.',
  action: 'Read what the server said, and look the type up in the SES documentation.',
  stopMailing: false,
};
