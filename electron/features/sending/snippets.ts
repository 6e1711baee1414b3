/**
 * Code to paste into the person's own software, filled with their region, SMTP host and sender.
 * Secrets never appear: they are read from environment variables, and the .env block says where
 * to get each value (the SMTP screen copies them through the main process).
 */
export interface SnippetInput {
  region: string;
  smtpHost: string;
  from: string;
  /** Masked, for the .env hint only (AKIA…WXYZ). */
  keyIdMasked?: string;
}

export interface Snippet {
  id: string;
  title: string;
  language: 'javascript' | 'python' | 'php' | 'dotenv';
  code: string;
}

export function buildSnippets({ region, smtpHost, from, keyIdMasked }: SnippetInput): Snippet[] {
  const to = 'someone@example.com';
  return [
    {
      id: 'env',
      title: '.env file (fill in the two secrets from the SMTP screen)',
      language: 'dotenv',
      code: [
        `AWS_REGION=${region}`,
        `SES_SMTP_HOST=${smtpHost}`,
        'SES_SMTP_PORT=587',
        `# The SMTP user name is the access key ID${keyIdMasked ? ` (${keyIdMasked})` : ''}: use “Copy user name”.`,
        'SES_SMTP_USER=',
        '# The SMTP password made for this region: use “Copy password”. It is not your secret access key.',
        'SES_SMTP_PASSWORD=',
        `MAIL_FROM=${from}`,
      ].join('\n'),
    },
    {
      id: 'node-smtp',
      title: 'Node.js with nodemailer (SMTP)',
      language: 'javascript',
      code: `import nodemailer from 'nodemailer';

const transport = nodemailer.createTransport({
  host: process.env.SES_SMTP_HOST, // ${smtpHost}
  port: 587, // STARTTLS
  auth: { user: process.env.SES_SMTP_USER, pass: process.env.SES_SMTP_PASSWORD },
});

await transport.sendMail({
  from: '${from}',
  to: '${to}',
  subject: 'Hello from Amazon SES',
  text: 'It works.',
});`,
    },
    {
      id: 'node-sdk',
      title: 'Node.js with the AWS SDK v3 (API)',
      language: 'javascript',
      code: `import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';

// Reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the environment.
const ses = new SESv2Client({ region: '${region}' });

await ses.send(new SendEmailCommand({
  FromEmailAddress: '${from}',
  Destination: { ToAddresses: ['${to}'] },
  Content: { Simple: { Subject: { Data: 'Hello from Amazon SES' }, Body: { Text: { Data: 'It works.' } } } },
}));`,
    },
    {
      id: 'python-smtp',
      title: 'Python with smtplib (SMTP)',
      language: 'python',
      code: `import os, smtplib
from email.message import EmailMessage

msg = EmailMessage()
msg["From"] = "${from}"
msg["To"] = "${to}"
msg["Subject"] = "Hello from Amazon SES"
msg.set_content("It works.")

with smtplib.SMTP(os.environ["SES_SMTP_HOST"], 587) as smtp:  # ${smtpHost}
    smtp.starttls()
    smtp.login(os.environ["SES_SMTP_USER"], os.environ["SES_SMTP_PASSWORD"])
    smtp.send_message(msg)`,
    },
    {
      id: 'python-boto3',
      title: 'Python with boto3 (API)',
      language: 'python',
      code: `import boto3

# Reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from the environment.
ses = boto3.client("sesv2", region_name="${region}")
ses.send_email(
    FromEmailAddress="${from}",
    Destination={"ToAddresses": ["${to}"]},
    Content={"Simple": {"Subject": {"Data": "Hello from Amazon SES"}, "Body": {"Text": {"Data": "It works."}}}},
)`,
    },
    {
      id: 'php-phpmailer',
      title: 'PHP with PHPMailer (SMTP)',
      language: 'php',
      code: `<?php
use PHPMailer\\PHPMailer\\PHPMailer;

$mail = new PHPMailer(true);
$mail->isSMTP();
$mail->Host = getenv('SES_SMTP_HOST'); // ${smtpHost}
$mail->Port = 587;
$mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;
$mail->SMTPAuth = true;
$mail->Username = getenv('SES_SMTP_USER');
$mail->Password = getenv('SES_SMTP_PASSWORD');
$mail->setFrom('${from}');
$mail->addAddress('${to}');
$mail->Subject = 'Hello from Amazon SES';
$mail->Body = 'It works.';
$mail->send();`,
    },
  ];
}
