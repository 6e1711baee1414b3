/**
 * Expected SES SMTP passwords computed by Python's hmac module, independently of the TypeScript
 * under test, so a shared mistake cannot make both agree. `order: 'service-first'` reproduces the
 * wrong order of a widely copied snippet (service signed before region), for negative tests.
 */
import { spawnSync } from 'node:child_process';

const SCRIPT = `
import base64, hashlib, hmac, json, sys

def mac(key, text):
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).digest()

out = []
for case in json.load(sys.stdin):
    steps = ["11111111", case["region"], "ses", "aws4_request", "SendRawEmail"]
    if case["order"] == "service-first":
        steps = ["11111111", "ses", case["region"], "aws4_request", "SendRawEmail"]
    key = ("AWS4" + case["secret"]).encode("utf-8")
    for step in steps:
        key = mac(key, step)
    out.append(base64.b64encode(bytes([4]) + key).decode("ascii"))
print(json.dumps(out))
`;

export interface PasswordCase {
  secret: string;
  region: string;
}

export function pythonSmtpPasswords(
  cases: PasswordCase[],
  order: 'region-first' | 'service-first' = 'region-first',
): string[] {
  const run = spawnSync('python3', ['-c', SCRIPT], {
    input: JSON.stringify(cases.map((c) => ({ ...c, order }))),
    encoding: 'utf8',
  });
  if (run.error || run.status !== 0) {
    throw new Error(
      `python3 is needed to compute the expected SMTP passwords (apt-get install -y python3): ${run.error?.message ?? run.stderr}`,
    );
  }
  return JSON.parse(run.stdout) as string[];
}
