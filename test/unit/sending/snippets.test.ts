import { describe, expect, it } from 'vitest';
import { buildEnvFile, buildSnippets } from '../../../electron/features/sending/snippets';

const snippets = buildSnippets({
  region: 'ca-west-1',
  smtpHost: 'email-smtp.ca-west-1.amazonaws.com',
  from: 'hello@shop.example',
  keyIdMasked: 'AKIA…WXYZ',
});
const byId = (id: string) => snippets.find((s) => s.id === id)!.code;

describe('snippets that run as shown', () => {
  it('each loads its .env the way its ecosystem does', () => {
    expect(byId('node-smtp')).toMatch(/^import 'dotenv\/config';/m);
    expect(byId('node-sdk')).toMatch(/^import 'dotenv\/config';/m);
    expect(byId('python-smtp')).toMatch(/^from dotenv import load_dotenv$/m);
    expect(byId('python-smtp')).toMatch(/^load_dotenv\(\)/m);
    expect(byId('python-boto3')).toMatch(/^load_dotenv\(\)/m);
    // PHP: Composer's autoload first, then phpdotenv.
    const php = byId('php-phpmailer');
    expect(php).toMatch(/^require __DIR__ \. '\/vendor\/autoload\.php';$/m);
    expect(php.indexOf('autoload.php')).toBeLessThan(php.indexOf('new PHPMailer'));
    expect(php).toContain('Dotenv\\Dotenv::createImmutable(__DIR__)->load();');
  });

  it('say how to install and run them on their first lines', () => {
    expect(byId('node-smtp').split('\n')[0]).toMatch(/npm install nodemailer dotenv/);
    expect(byId('python-smtp').split('\n')[0]).toMatch(/pip install python-dotenv/);
    expect(byId('php-phpmailer')).toMatch(/composer require phpmailer\/phpmailer vlucas\/phpdotenv/);
  });

  it('read every SMTP setting the .env defines, and only those', () => {
    const env = byId('env');
    const defined = [...env.matchAll(/^([A-Z_]+)=/gm)].map((m) => m[1]);
    expect(defined).toEqual([
      'SES_SMTP_HOST',
      'SES_SMTP_PORT',
      'SES_SMTP_USER',
      'SES_SMTP_PASSWORD',
      'AWS_REGION',
    ]);
    for (const id of ['node-smtp', 'python-smtp', 'php-phpmailer'])
      for (const name of ['SES_SMTP_HOST', 'SES_SMTP_PORT', 'SES_SMTP_USER', 'SES_SMTP_PASSWORD'])
        expect(byId(id), `${id} reads ${name}`).toContain(name);
    for (const id of ['node-sdk', 'python-boto3']) expect(byId(id)).toContain('AWS_REGION');
  });

  it('encrypt before logging in over SMTP, and check the certificate in Python', () => {
    expect(byId('node-smtp')).toContain('requireTLS: true');
    expect(byId('python-smtp')).toContain('smtp.starttls(context=ssl.create_default_context())');
    expect(byId('php-phpmailer')).toContain('PHPMailer::ENCRYPTION_STARTTLS');
  });

  it('tell where an API key comes from, and never ask for the assistant’s own secret', () => {
    const env = byId('env');
    expect(env).toMatch(/IAM role/);
    expect(env).toMatch(/create an access key/);
    expect(env).toMatch(/^# AWS_ACCESS_KEY_ID=$/m);
    expect(env).toMatch(/^# AWS_SECRET_ACCESS_KEY=$/m);
    expect(env).toContain('AKIA…WXYZ');
    expect(env).toMatch(/Copy \.env with your password/);
  });
});

describe('the .env file', () => {
  it('is complete only when the main process fills in the SMTP user and password', () => {
    const filled = buildEnvFile({
      region: 'eu-west-1',
      smtpHost: 'email-smtp.eu-west-1.amazonaws.com',
      smtpUser: 'AKIAIOSFODNN7EXAMPLE',
      smtpPassword: 'BLBM/9hSUELfq8Gw+rU1YcBjkOxGbhT2XG763xVLGWL9',
    });
    expect(filled).toMatch(/^SES_SMTP_USER=AKIAIOSFODNN7EXAMPLE$/m);
    expect(filled).toMatch(/^SES_SMTP_PASSWORD=BLBM\/9hSUELfq8Gw\+rU1YcBjkOxGbhT2XG763xVLGWL9$/m);
    expect(filled).toMatch(/^SES_SMTP_PORT=587$/m);
    expect(filled).not.toMatch(/Copy \.env with your password/);
    const template = buildEnvFile({ region: 'eu-west-1', smtpHost: 'email-smtp.eu-west-1.amazonaws.com' });
    expect(template).toMatch(/^SES_SMTP_PASSWORD=$/m);
    expect(template).toMatch(/^SES_SMTP_USER=$/m);
  });
});
