/**
 * Code to paste into the person's own software, filled with their region, SMTP host and sender.
 *
 * Every snippet runs as shown once its packages are installed and the .env file sits beside it:
 * each one loads that file the way its ecosystem does (dotenv for Node, python-dotenv for Python,
 * Composer's autoload and phpdotenv for PHP) and reads its settings from there.
 *
 * How the person's server gets credentials:
 * - SMTP is the recommended path. Its password is derived in the main process from the key the
 *   assistant keeps, can only send mail through SES's SMTP interface in one region, and reaches the
 *   person only through an explicit "Copy .env with your password" click (`snippets.copyEnv`),
 *   written to the clipboard in the main process, never across IPC.
 * - The API (SDK) snippets use the standard AWS credential chain (AWS_ACCESS_KEY_ID and
 *   AWS_SECRET_ACCESS_KEY, or the server's IAM role). The assistant never hands out the secret
 *   access key it keeps: that key can do more than send (its policy also verifies identities and
 *   changes MAIL FROM), and the assistant replaces it when it rotates the key, which would silently
 *   break a server that copied it. The .env says where such a key comes from instead.
 */
import { SMTP_PORTS } from '../../core/facts/smtp';

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

/** The recipient the snippets send to until the person changes it. */
export const SNIPPET_RECIPIENT = 'someone@example.com';

export interface EnvFileInput {
  region: string;
  smtpHost: string;
  /** The port the code connects to with STARTTLS; 587 unless a test or a blocked network says otherwise. */
  smtpPort?: number;
  keyIdMasked?: string;
  /** Filled only in the main process, for the clipboard (`snippets.copyEnv`). */
  smtpUser?: string;
  smtpPassword?: string;
}

/**
 * The .env file every snippet loads. With `smtpUser` and `smtpPassword` it is complete and secret
 * (only ever written to the clipboard by the main process); without them it is the template shown.
 */
export function buildEnvFile({
  region,
  smtpHost,
  smtpPort = SMTP_PORTS.starttls,
  keyIdMasked,
  smtpUser,
  smtpPassword,
}: EnvFileInput): string {
  const filled = smtpUser !== undefined && smtpPassword !== undefined;
  return [
    '# Settings for the code below. Keep this file private and out of version control (add .env to .gitignore).',
    '',
    '# SMTP (recommended): what the SMTP code needs.',
    `SES_SMTP_HOST=${smtpHost}`,
    `# ${SMTP_PORTS.starttls} with STARTTLS; if your network blocks it, ${SMTP_PORTS.alternateStarttls} works the same way.`,
    `SES_SMTP_PORT=${smtpPort}`,
    `# The SMTP user name is your access key ID${keyIdMasked ? ` (${keyIdMasked})` : ''}.`,
    `SES_SMTP_USER=${filled ? smtpUser : ''}`,
    `# The SMTP password made for ${region}. It is not your secret access key and works only in ${region}.`,
    filled
      ? `SES_SMTP_PASSWORD=${smtpPassword}`
      : '# Use “Copy .env with your password” on the SMTP screen to get this file with both filled in.',
    ...(filled ? [] : ['SES_SMTP_PASSWORD=']),
    '',
    '# API (SDK) code only: the SMTP code needs none of this.',
    `AWS_REGION=${region}`,
    '# The API needs an access key ID and its secret access key. The assistant does not hand out the key it',
    '# keeps (that key can do more than send, and the assistant replaces it when it rotates it). Instead:',
    '#  - on an AWS server (EC2, ECS, Lambda), give the server an IAM role allowed ses:SendEmail and leave',
    '#    these two lines as they are;',
    '#  - elsewhere, in the IAM console create a user allowed only ses:SendEmail, then under “Security',
    '#    credentials” create an access key, and paste its two parts here (remove the #).',
    '# AWS_ACCESS_KEY_ID=',
    '# AWS_SECRET_ACCESS_KEY=',
  ].join('\n');
}

export function buildSnippets({ region, smtpHost, from, keyIdMasked }: SnippetInput): Snippet[] {
  const to = SNIPPET_RECIPIENT;
  const toNote = 'in the sandbox, only an address you verified';
  return [
    {
      id: 'env',
      title: '.env file (save it beside your code)',
      language: 'dotenv',
      code: buildEnvFile({ region, smtpHost, keyIdMasked }),
    },
    {
      id: 'node-smtp',
      title: 'Node.js with nodemailer (SMTP, recommended)',
      language: 'javascript',
      code: `// Save as send-email.mjs beside .env, then run: npm install nodemailer dotenv && node send-email.mjs
import 'dotenv/config'; // loads .env from the folder you run this in
import nodemailer from 'nodemailer';

const transport = nodemailer.createTransport({
  host: process.env.SES_SMTP_HOST, // ${smtpHost}
  port: Number(process.env.SES_SMTP_PORT),
  requireTLS: true, // STARTTLS before logging in: the password never travels unencrypted
  auth: { user: process.env.SES_SMTP_USER, pass: process.env.SES_SMTP_PASSWORD },
});

const sent = await transport.sendMail({
  from: '${from}',
  to: '${to}', // ${toNote}
  subject: 'Hello from Amazon SES',
  text: 'It works.',
});
console.log('Sent:', sent.messageId);`,
    },
    {
      id: 'node-sdk',
      title: 'Node.js with the AWS SDK v3 (API)',
      language: 'javascript',
      code: `// Save as send-email-api.mjs beside .env, then run:
// npm install @aws-sdk/client-sesv2 dotenv && node send-email-api.mjs
import 'dotenv/config'; // AWS_REGION, and the access key if .env has one (see the note there)
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';

const ses = new SESv2Client({ region: process.env.AWS_REGION }); // ${region}

const sent = await ses.send(
  new SendEmailCommand({
    FromEmailAddress: '${from}',
    Destination: { ToAddresses: ['${to}'] }, // ${toNote}
    Content: {
      Simple: { Subject: { Data: 'Hello from Amazon SES' }, Body: { Text: { Data: 'It works.' } } },
    },
  }),
);
console.log('Sent:', sent.MessageId);`,
    },
    {
      id: 'python-smtp',
      title: 'Python with smtplib (SMTP, recommended)',
      language: 'python',
      code: `# Save as send_email.py beside .env, then run: pip install python-dotenv && python send_email.py
import os
import smtplib
import ssl
from email.message import EmailMessage

from dotenv import load_dotenv

load_dotenv()  # loads .env from this file's folder

msg = EmailMessage()
msg["From"] = "${from}"
msg["To"] = "${to}"  # ${toNote}
msg["Subject"] = "Hello from Amazon SES"
msg.set_content("It works.")

with smtplib.SMTP(os.environ["SES_SMTP_HOST"], int(os.environ["SES_SMTP_PORT"])) as smtp:  # ${smtpHost}
    smtp.starttls(context=ssl.create_default_context())  # checks the server's certificate
    smtp.login(os.environ["SES_SMTP_USER"], os.environ["SES_SMTP_PASSWORD"])
    smtp.send_message(msg)
print("Sent.")`,
    },
    {
      id: 'python-boto3',
      title: 'Python with boto3 (API)',
      language: 'python',
      code: `# Save as send_email_api.py beside .env, then run: pip install boto3 python-dotenv && python send_email_api.py
import os

import boto3
from dotenv import load_dotenv

load_dotenv()  # AWS_REGION, and the access key if .env has one (see the note there)

ses = boto3.client("sesv2", region_name=os.environ["AWS_REGION"])  # ${region}
sent = ses.send_email(
    FromEmailAddress="${from}",
    Destination={"ToAddresses": ["${to}"]},  # ${toNote}
    Content={"Simple": {"Subject": {"Data": "Hello from Amazon SES"}, "Body": {"Text": {"Data": "It works."}}}},
)
print("Sent:", sent["MessageId"])`,
    },
    {
      id: 'php-phpmailer',
      title: 'PHP with PHPMailer (SMTP)',
      language: 'php',
      code: `<?php
// Save as send_email.php beside .env, then run:
// composer require phpmailer/phpmailer vlucas/phpdotenv && php send_email.php
use PHPMailer\\PHPMailer\\PHPMailer;

require __DIR__ . '/vendor/autoload.php';

Dotenv\\Dotenv::createImmutable(__DIR__)->load(); // loads .env from this file's folder

$mail = new PHPMailer(true);
$mail->isSMTP();
$mail->Host = $_ENV['SES_SMTP_HOST']; // ${smtpHost}
$mail->Port = (int) $_ENV['SES_SMTP_PORT'];
$mail->SMTPSecure = PHPMailer::ENCRYPTION_STARTTLS;
$mail->SMTPAuth = true;
$mail->Username = $_ENV['SES_SMTP_USER'];
$mail->Password = $_ENV['SES_SMTP_PASSWORD'];
$mail->setFrom('${from}');
$mail->addAddress('${to}'); // ${toNote}
$mail->Subject = 'Hello from Amazon SES';
$mail->Body = 'It works.';
$mail->send();
echo "Sent.\\n";`,
    },
  ];
}
