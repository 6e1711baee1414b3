/**
 * SES notifications in the shape SES documents for Amazon SNS (notification-contents: the top-level
 * notificationType, the mail object, and a bounce, complaint or delivery object), and the SNS envelope
 * an SQS subscription with raw delivery off receives. Values are made up for the tests.
 */
const mail = (messageId: string, to: string[], subject = 'Your March invoice') => ({
  timestamp: '2026-11-20T09:00:00.000Z',
  messageId,
  source: 'billing@example.com',
  sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/example.com',
  sourceIp: '192.0.2.10',
  sendingAccountId: '123456789012',
  destination: to,
  headersTruncated: false,
  headers: [
    { name: 'From', value: 'Billing <billing@example.com>' },
    { name: 'Subject', value: subject },
  ],
  commonHeaders: { from: ['Billing <billing@example.com>'], to, subject, messageId: 'custom-id' },
});

export function bounce(
  options: { messageId?: string; to?: string[]; type?: string; subType?: string; subject?: string } = {},
) {
  const to = options.to ?? ['nobody@example.org'];
  return {
    notificationType: 'Bounce',
    bounce: {
      bounceType: options.type ?? 'Permanent',
      bounceSubType: options.subType ?? 'General',
      bouncedRecipients: to.map((emailAddress) => ({
        emailAddress,
        action: 'failed',
        status: '5.1.1',
        diagnosticCode: 'smtp; 550 5.1.1 user unknown',
      })),
      timestamp: '2026-11-20T09:00:05.000Z',
      feedbackId: `feedback-${options.messageId ?? 'm1'}`,
      remoteMtaIp: '192.0.2.20',
      reportingMTA: 'dsn; a1-2.smtp-out.amazonses.com',
    },
    mail: mail(options.messageId ?? 'm1', to, options.subject),
  };
}

export function complaint(options: { messageId?: string; to?: string[]; feedbackType?: string } = {}) {
  const to = options.to ?? ['angry@example.net'];
  return {
    notificationType: 'Complaint',
    complaint: {
      userAgent: 'ExampleISP Feedback Loop',
      complainedRecipients: to.map((emailAddress) => ({ emailAddress })),
      complaintFeedbackType: options.feedbackType ?? 'abuse',
      arrivalDate: '2026-11-20T10:00:00.000Z',
      timestamp: '2026-11-20T10:00:01.000Z',
      feedbackId: `complaint-${options.messageId ?? 'm2'}`,
    },
    mail: mail(options.messageId ?? 'm2', to),
  };
}

export function delivery(options: { messageId?: string; to?: string[] } = {}) {
  const to = options.to ?? ['happy@example.com'];
  return {
    notificationType: 'Delivery',
    delivery: {
      timestamp: '2026-11-20T09:00:02.000Z',
      processingTimeMillis: 800,
      recipients: to,
      smtpResponse: '250 2.6.0 Message received',
      remoteMtaIp: '192.0.2.30',
      reportingMTA: 'a1-2.smtp-out.amazonses.com',
    },
    mail: mail(options.messageId ?? 'm3', to),
  };
}

/** What SQS holds for an SNS subscription with raw message delivery off. */
export function envelope(
  notification: object,
  snsMessageId: string,
  topicArn = 'arn:aws:sns:us-east-1:123456789012:t',
) {
  return JSON.stringify({
    Type: 'Notification',
    MessageId: snsMessageId,
    TopicArn: topicArn,
    Message: JSON.stringify(notification),
    Timestamp: '2026-11-20T09:00:06.000Z',
    SignatureVersion: '1',
    Signature: 'c2lnbmF0dXJl',
    SigningCertURL: 'https://sns.us-east-1.amazonaws.com/cert.pem',
    UnsubscribeURL: 'https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe',
  });
}
