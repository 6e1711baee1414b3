/** The bounce and complaint queue seen from the test's side. */
import { GetQueueAttributesCommand, type SQSClient } from '@aws-sdk/client-sqs';

/** Messages in the queue, visible or being read (left for later, or not yet deleted). */
export async function queueDepth(sqs: SQSClient, queueUrl: string): Promise<number> {
  const a = await sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
    }),
  );
  return (
    Number(a.Attributes?.ApproximateNumberOfMessages) +
    Number(a.Attributes?.ApproximateNumberOfMessagesNotVisible)
  );
}
