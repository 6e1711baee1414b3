/**
 * Run as its own process by test/integration/feedback-crash.test.ts: reads the queue once and kills
 * itself (SIGKILL, no clean-up of any kind) at the point named on the command line.
 * Arguments: data folder, SQS endpoint, queue URL, "afterReceive" | "afterStore", the topic subscribed,
 * and the loopback peer that serves SNS's signing certificates.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { drainOnce } from '../../../electron/features/feedback/poll';
import { openFeedbackStore } from '../../../electron/features/feedback/store';

const [dir, endpoint, queueUrl, point, topic, certificates] = process.argv.slice(2) as [
  string,
  string,
  string,
  string,
  string,
  string,
];
const die = () => void process.kill(process.pid, 'SIGKILL');
const sqs = new SQSClient({
  region: 'us-east-1',
  endpoint,
  credentials: { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'x'.repeat(40) },
  maxAttempts: 1,
});
const store = await openFeedbackStore(dir);
await drainOnce({
  sqs,
  queueUrl,
  topics: [topic],
  certificates: async (url) => (await fetch(`${certificates}${url.pathname}`)).text(),
  store,
  clock: () => new Date(),
  waitSeconds: 5,
  faults: point === 'afterReceive' ? { afterReceive: die } : { afterStore: die },
});
// Reaching this line means the fault point was never hit: the parent test fails on exit code 3.
process.exit(3);
