/**
 * Advanced: custom AWS endpoints, for LocalStack or moto. SES_ASSISTANT_AWS_ENDPOINT sends every
 * service to one address; SES_ASSISTANT_<SERVICE>_ENDPOINT (STS, SES, SESV2, IAM, ROUTE53, SNS, SQS, CLOUDWATCH) overrides one.
 */
import type { Endpoints, ServiceName } from './aws-clients';

const SERVICES: ServiceName[] = ['sts', 'ses', 'sesv2', 'iam', 'route53', 'sns', 'sqs', 'cloudwatch'];

export function endpointsFromEnvironment(env: NodeJS.ProcessEnv): Endpoints | undefined {
  const endpoints: Endpoints = {};
  if (env.SES_ASSISTANT_AWS_ENDPOINT) endpoints.default = env.SES_ASSISTANT_AWS_ENDPOINT;
  for (const service of SERVICES) {
    const value = env[`SES_ASSISTANT_${service.toUpperCase()}_ENDPOINT`];
    if (value) endpoints[service] = value;
  }
  return Object.keys(endpoints).length ? endpoints : undefined;
}
