/**
 * The policy builder: the one place that decides what the sending user may do. The automatic path
 * (create the sending user), the guided console path (policy JSON to paste) and the CLI
 * (`ses-assistant policy`) all print what this returns.
 *
 * Two policies, because the key lives on the person's servers long after setup:
 * - the sending policy stays: send, read the quota and what the dashboard shows;
 * - the setup policy (verify identities, set MAIL FROM, ask to leave the sandbox) is attached while
 *   the person sets up, and detached with admin access once setup is done (./setup-rights.ts), so a
 *   leaked key can then no longer verify new identities or file requests in the account's name. It
 *   still does everything the sending policy allows, which SENDING_RIGHTS says in words.
 *
 * Least privilege: every action listed here is one the app (or the person's own software, through
 * SMTP or the API) performs with the sending user's key; anything else is refused by IAM.
 * Invariants the unit tests hold:
 * - no wildcard action (`ses:*`, `iam:*`), and no IAM action that could create or widen users;
 * - sending is scoped to this account's identities when the account is known (SES checks the
 *   identity's ARN; in the sandbox it checks the verified recipients' identities too, which is why
 *   the scope is the account's identities and not the sender's alone);
 * - the key reads its own keys (their age, their last use); replacing them is off unless the person
 *   opts in;
 * - the `ses:FromAddress` condition restricts only the statement that sends mail (the read-only
 *   and identity calls carry no From address, so the condition would deny them);
 * - the key-rotation actions apply only to the caller's own user;
 * - the feedback-queue actions (read and delete bounce and complaint events) apply to the one queue
 *   the assistant made, by its full ARN, never to a wildcard;
 * - the alarm reads apply to the assistant's own alarms, by name; the suppression-list and metric
 *   reads are on "*" because AWS offers no narrower resource for them (the key-rights card says so).
 */
import { ALARM_NAME_PREFIX } from '../suppression';

/** The customer-managed policy that stays on the sending user. */
export const SENDING_POLICY_NAME = 'SesSetupAssistantSending';
/** The rights the key needs only while the person sets up; detached once setup is done. */
export const SETUP_POLICY_NAME = 'SesSetupAssistantSetup';

/** Whether an ARN names the sending policy (not the setup policy), in whatever account. */
export const isSendingPolicyArn = (arn: string) => arn.endsWith(`:policy/${SENDING_POLICY_NAME}`);

/** One statement of an IAM policy document. */
export interface PolicyStatement {
  Sid: string;
  Effect: 'Allow' | 'Deny';
  Action: string[];
  Resource: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface PolicyDocument {
  /** 2012-10-17 is required for policy variables such as ${aws:username}. */
  Version: '2012-10-17';
  Statement: PolicyStatement[];
}

export interface PolicyOptions {
  /** Allow sending only with this From address (the `ses:FromAddress` condition). */
  fromAddress?: string;
  /**
   * Let the user create, switch and delete its own access keys (default false: rotation then uses
   * admin access, because a key that can make keys lets whoever steals it make one of their own).
   */
  selfRotation?: boolean;
  /**
   * The account the user lives in: sending is then allowed only with that account's identities.
   * SCRIPT_ACCOUNT leaves the account for a script to fill in where it runs (the CloudShell command).
   */
  accountId?: string;
  /** Let the user read and delete the bounce and complaint events of this one SQS queue (its ARN). */
  feedbackQueueArn?: string;
}

/** Sending mail, through the API or SMTP (SES SMTP authorises as ses:SendRawEmail). */
export const SEND_ACTIONS = ['ses:SendEmail', 'ses:SendRawEmail'] as const;

/** Reading the quota and the 15-minute sending statistics (connection test, dashboard). */
export const SENDING_LIMITS_ACTIONS = ['ses:GetSendQuota', 'ses:GetSendStatistics'] as const;

/** Reading the identities and their status (Sender, DNS and dashboard screens). */
export const IDENTITY_READ_ACTIONS = [
  'ses:ListIdentities',
  'ses:GetIdentityVerificationAttributes',
  'ses:GetIdentityDkimAttributes',
  'ses:GetIdentityMailFromDomainAttributes',
  'ses:GetIdentityNotificationAttributes',
] as const;

/**
 * The account's sandbox status and sending settings. An SES API v2 operation, but IAM names SES v1
 * and v2 actions under the same `ses:` prefix.
 */
export const ACCOUNT_READ_ACTIONS = ['ses:GetAccount'] as const;

/** Setup: verifying a domain or address, its DKIM and custom MAIL FROM (the setup policy). */
export const IDENTITY_SETUP_ACTIONS = [
  'ses:VerifyDomainIdentity',
  'ses:VerifyDomainDkim',
  'ses:VerifyEmailIdentity',
  'ses:SetIdentityMailFromDomain',
] as const;

/** Setup: the request for production access (the setup policy). */
export const ACCOUNT_SETUP_ACTIONS = ['ses:PutAccountDetails'] as const;

/**
 * Reading its own keys: their age (for the 90-day reminder, whichever way the user was made) and
 * when one was last used (before a key change retires the old one). Reads only.
 */
export const OWN_KEY_READ_ACTIONS = ['iam:ListAccessKeys', 'iam:GetAccessKeyLastUsed'] as const;

/** Replacing its own access keys: only when the person opted in (otherwise admin access does it). */
export const SELF_ROTATION_ACTIONS = [
  'iam:CreateAccessKey',
  'iam:DeleteAccessKey',
  'iam:UpdateAccessKey',
] as const;

/**
 * Reading the bounce and complaint queue: long-poll it, delete a message once its event is stored,
 * and read its attributes (to tell a queue deleted behind the app's back from an empty one).
 */
export const FEEDBACK_QUEUE_ACTIONS = [
  'sqs:ReceiveMessage',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
] as const;

/** The Sid of the queue statement: one per policy, replaced (never duplicated) when the queue changes. */
export const FEEDBACK_QUEUE_SID = 'ReadFeedbackQueue';

const QUEUE_ARN = /^arn:aws[a-z-]*:sqs:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,80}$/;

/** The statement that lets the sending user read one queue; refuses anything but one exact queue ARN. */
export function feedbackQueueStatement(queueArn: string): PolicyStatement {
  if (!QUEUE_ARN.test(queueArn)) throw new Error('The feedback queue must be named by its exact ARN.');
  return {
    Sid: FEEDBACK_QUEUE_SID,
    Effect: 'Allow',
    Action: [...FEEDBACK_QUEUE_ACTIONS],
    Resource: queueArn,
  };
}

/**
 * The same policy with the queue statement for this queue, in place of any earlier one. Used on the
 * policy IAM holds today (read back), so whatever else the person chose (From address, rotation) stays.
 */
export function withFeedbackQueue(document: PolicyDocument, queueArn: string): PolicyDocument {
  return {
    ...document,
    Statement: [
      ...document.Statement.filter((s) => s.Sid !== FEEDBACK_QUEUE_SID),
      feedbackQueueStatement(queueArn),
    ],
  };
}

/**
 * The caller's own IAM user. `${aws:username}` is an IAM policy variable (not a JavaScript
 * template): IAM replaces it with the signed-in user's name. It matches users at the root path
 * only, which is where the assistant creates the sending user.
 */
export const OWN_USER_ARN = 'arn:aws:iam::*:user/${aws:username}';

/**
 * Reading the account-level suppression list, for the feedback screen when no admin access is open.
 * Reads only: every change to the list needs admin access, so a leaked app key cannot empty it. On
 * "*": AWS gives these actions no resource but a tenant's, so the account's list cannot be named
 * (the key may read every address on it, which the key-rights card says in words).
 */
export const SUPPRESSION_READ_ACTIONS = [
  'ses:ListSuppressedDestinations',
  'ses:GetSuppressedDestination',
] as const;

/**
 * Reading the assistant's reputation alarms, for the feedback screen and the tray's alarm check.
 * Scoped to the alarms the assistant names (ALARM_NAME_PREFIX): DescribeAlarms takes the alarm
 * resource, `arn:aws:cloudwatch:<region>:<account>:alarm:<name>`. Reads only: making, changing or
 * silencing an alarm needs admin access.
 */
export const ALARM_READ_ACTIONS = ['cloudwatch:DescribeAlarms'] as const;

/** The alarms the key may read: the assistant's own, by name, in every region of the account. */
export function alarmResource(accountId?: string): string {
  return `arn:aws:cloudwatch:*:${accountOrAny(accountId)}:alarm:${ALARM_NAME_PREFIX}*`;
}

/**
 * Reading AWS's own bounce and complaint rates (CloudWatch `AWS/SES` Reputation.* metrics) for the
 * dashboard's sending health. GetMetricData takes no resource scoping, so its statement is on "*";
 * it reads metrics only, and the one call the dashboard makes is the one allowed.
 */
export const REPUTATION_READ_ACTIONS = ['cloudwatch:GetMetricData'] as const;

/**
 * What the sending policy lets the key do for good. Tests prove each one is allowed by the built
 * policy, and that the policy allows nothing beyond it. (sts:GetCallerIdentity is also called, but
 * AWS answers it for every valid key whatever the policy says, so it is not listed.)
 */
export const SENDING_ACTIONS: readonly string[] = [
  ...SEND_ACTIONS,
  ...SENDING_LIMITS_ACTIONS,
  ...IDENTITY_READ_ACTIONS,
  ...ACCOUNT_READ_ACTIONS,
  ...SUPPRESSION_READ_ACTIONS,
  ...ALARM_READ_ACTIONS,
  ...REPUTATION_READ_ACTIONS,
  ...OWN_KEY_READ_ACTIONS,
];

/**
 * What the sending policy lets the key do, in words a person reads, one entry per group of actions.
 * Screens say what the key may do from this, never "it can only send". A test holds that every
 * action the key may keep after setup is in exactly one entry.
 */
export const SENDING_RIGHTS: readonly {
  actions: readonly string[];
  /** 'read' entries share one "read …" phrase; 'when' entries say themselves when they apply. */
  part: 'send' | 'read' | 'when';
  words: string;
}[] = [
  { actions: SEND_ACTIONS, part: 'send', words: 'send email' },
  { actions: SENDING_LIMITS_ACTIONS, part: 'read', words: 'its sending quota and statistics' },
  { actions: IDENTITY_READ_ACTIONS, part: 'read', words: 'your verified senders and their settings' },
  { actions: ACCOUNT_READ_ACTIONS, part: 'read', words: 'the SES account’s status' },
  {
    actions: [...SUPPRESSION_READ_ACTIONS, ...ALARM_READ_ACTIONS],
    part: 'read',
    words: 'the suppression list and the reputation alarms the assistant made',
  },
  { actions: REPUTATION_READ_ACTIONS, part: 'read', words: 'AWS’s bounce and complaint rates' },
  { actions: OWN_KEY_READ_ACTIONS, part: 'read', words: 'its own access keys’ age and last use' },
  {
    actions: FEEDBACK_QUEUE_ACTIONS,
    part: 'when',
    words: 'once bounce and complaint events are set up, read and delete the messages of their queue',
  },
  {
    actions: SELF_ROTATION_ACTIONS,
    part: 'when',
    words: 'only if you allowed it, replace its own access keys',
  },
];

/**
 * The key's rights as one phrase to follow "it may" ("send email; read its sending quota and
 * statistics, …"). The same for every variant of the policy: the optional rights say when they apply.
 */
export function sendingRightsWords(): string {
  const words = (part: string) => SENDING_RIGHTS.filter((r) => r.part === part).map((r) => r.words);
  const reads = words('read');
  const read = `read ${reads.slice(0, -1).join(', ')}, and ${reads.at(-1)}`;
  return [...words('send'), read, ...words('when')].join('; ');
}

/** What the setup policy adds while the person sets up. */
export const SETUP_ACTIONS: readonly string[] = [...IDENTITY_SETUP_ACTIONS, ...ACCOUNT_SETUP_ACTIONS];

/** Every action the app performs with the sending user's key, with both policies and self-rotation. */
export const SENDING_USER_ACTIONS: readonly string[] = [
  ...SENDING_ACTIONS,
  ...SETUP_ACTIONS,
  ...SELF_ROTATION_ACTIONS,
];

const ACCOUNT_ID = /^\d{12}$/;

/**
 * Stands for the account ID in a policy a script writes (cloudshell.ts puts the account it is run
 * in there), so that path is scoped to the account too although the app does not know it yet.
 */
// '<' and '>' are refused in a From address (schemas.ts), so the placeholder can stand nowhere else.
export const SCRIPT_ACCOUNT = '<account>';

/**
 * What sending may use: this account's identities, and its configuration sets and contact lists
 * (SES authorises a send against each resource it names: a configuration set given in the call,
 * the X-SES-CONFIGURATION-SET header or an identity's default one, and a v2 send's contact list),
 * in every region. `*` when the account is not known (the guided console path, before any key
 * exists), as AWS's own examples do.
 */
export function sendingResource(accountId?: string): string | string[] {
  if (accountId === undefined) return '*';
  const account = accountOrAny(accountId);
  return ['identity', 'configuration-set', 'contact-list'].map(
    (kind) => `arn:aws:ses:*:${account}:${kind}/*`,
  );
}

/** The account for an ARN: checked when given, `*` (any) when not known yet. */
function accountOrAny(accountId?: string): string {
  if (accountId === undefined) return '*';
  if (accountId !== SCRIPT_ACCOUNT && !ACCOUNT_ID.test(accountId))
    throw new Error('An AWS account ID is 12 digits.');
  return accountId;
}

/** Builds the sending user's IAM policy document (a plain object; JSON.stringify it to print). */
export function buildSendingPolicy(options: PolicyOptions = {}): PolicyDocument {
  const { fromAddress, selfRotation = false, feedbackQueueArn, accountId } = options;
  const send: PolicyStatement = {
    Sid: 'SendEmail',
    Effect: 'Allow',
    Action: [...SEND_ACTIONS],
    Resource: sendingResource(accountId),
  };
  if (fromAddress) send.Condition = { StringEquals: { 'ses:FromAddress': fromAddress } };

  const statements: PolicyStatement[] = [
    send,
    { Sid: 'ReadSendingLimits', Effect: 'Allow', Action: [...SENDING_LIMITS_ACTIONS], Resource: '*' },
    { Sid: 'ReadSenderIdentities', Effect: 'Allow', Action: [...IDENTITY_READ_ACTIONS], Resource: '*' },
    { Sid: 'ReadSesAccount', Effect: 'Allow', Action: [...ACCOUNT_READ_ACTIONS], Resource: '*' },
    { Sid: 'ReadSuppressionList', Effect: 'Allow', Action: [...SUPPRESSION_READ_ACTIONS], Resource: '*' },
    {
      Sid: 'ReadReputationAlarms',
      Effect: 'Allow',
      Action: [...ALARM_READ_ACTIONS],
      Resource: alarmResource(accountId),
    },
    { Sid: 'ReadReputationRates', Effect: 'Allow', Action: [...REPUTATION_READ_ACTIONS], Resource: '*' },
    { Sid: 'ReadOwnAccessKeys', Effect: 'Allow', Action: [...OWN_KEY_READ_ACTIONS], Resource: OWN_USER_ARN },
  ];
  if (selfRotation) {
    statements.push({
      Sid: 'RotateOwnAccessKeys',
      Effect: 'Allow',
      Action: [...SELF_ROTATION_ACTIONS],
      Resource: OWN_USER_ARN,
    });
  }
  if (feedbackQueueArn) statements.push(feedbackQueueStatement(feedbackQueueArn));
  return { Version: '2012-10-17', Statement: statements };
}

/**
 * The setup policy: what the key needs only while the person sets up (verify identities, set MAIL
 * FROM, ask to leave the sandbox). Identity ARNs do not exist before verification, so these take `*`.
 */
export function buildSetupPolicy(): PolicyDocument {
  return {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'SetUpSenderIdentities', Effect: 'Allow', Action: [...IDENTITY_SETUP_ACTIONS], Resource: '*' },
      { Sid: 'RequestProductionAccess', Effect: 'Allow', Action: [...ACCOUNT_SETUP_ACTIONS], Resource: '*' },
    ],
  };
}

/**
 * The same policy without any setup action, for a sending policy made before the split (which held
 * them itself); a statement left with no action goes. The very same object when there was none.
 */
export function withoutSetupActions(document: PolicyDocument): PolicyDocument {
  const setup = new Set<string>(SETUP_ACTIONS);
  const actionsOf = (s: PolicyStatement) => (Array.isArray(s.Action) ? s.Action : [s.Action]);
  if (!document.Statement?.some((s) => actionsOf(s).some((a) => setup.has(a)))) return document;
  return {
    ...document,
    Statement: document.Statement.map((s) => ({
      ...s,
      Action: actionsOf(s).filter((a) => !setup.has(a)),
    })).filter((s) => s.Action.length > 0),
  };
}

/** The Sid of the one read statement a sending policy had before the alarm reads were scoped. */
const OLD_FEEDBACK_READ_SID = 'ReadSuppressionAndAlarms';

/**
 * The same policy with the suppression-list and alarm reads of today, for a sending policy made
 * before the alarm reads were scoped (one statement on "*"): that statement is replaced by the two
 * of buildSendingPolicy, so the key then reads only the assistant's own alarms. The very same object
 * when there is nothing to replace.
 */
export function withNarrowedReads(document: PolicyDocument, accountId: string): PolicyDocument {
  if (!document.Statement?.some((s) => s.Sid === OLD_FEEDBACK_READ_SID)) return document;
  const replacing = ['ReadSuppressionList', 'ReadReputationAlarms'];
  const today = buildSendingPolicy({ accountId }).Statement.filter((s) => replacing.includes(s.Sid));
  return {
    ...document,
    Statement: document.Statement.filter((s) => !replacing.includes(s.Sid)).flatMap((s) =>
      s.Sid === OLD_FEEDBACK_READ_SID ? today : [s],
    ),
  };
}
