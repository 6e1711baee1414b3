/**
 * A loopback stand-in for the IAM calls moto 5.2.1 lacks or cannot vary: SimulatePrincipalPolicy
 * (moto answers it with an HTML 500), plus the two reads the admin check may make around it,
 * GetRole and ListPolicies. It speaks IAM's Query protocol — form-encoded POSTs answered with the
 * XML the IAM API reference documents (SimulatePrincipalPolicyResponse → EvaluationResults → member
 * → EvalActionName / EvalDecision, IsTruncated and Marker; ErrorResponse for AccessDenied) — so the
 * real SDK serialises the requests and parses the answers. It records every request it got.
 * A test decides which actions are allowed, and whether the simulator or the read is denied.
 */
import http from 'node:http';

export type EvalDecision = 'allowed' | 'implicitDeny' | 'explicitDeny';

export interface IamRequest {
  action: string;
  params: URLSearchParams;
  signed: boolean;
}

export interface IamSimulatorPeer {
  endpoint: string;
  requests: IamRequest[];
  /** The decision for an action of the simulated principal; default: every action allowed. */
  decide: (action: string, policySourceArn: string) => EvalDecision;
  /** Answer SimulatePrincipalPolicy with 403 AccessDenied (keys without iam:SimulatePrincipalPolicy). */
  denySimulation: boolean;
  /** Answer ListPolicies with 403 AccessDenied (keys without IAM rights). */
  denyListPolicies: boolean;
  /** Roles GetRole knows, by name, with their full ARN (path included); others are NoSuchEntity. */
  roles: Map<string, string>;
  /** Results per page when the request gives no MaxItems (AWS's default is 100; small here to page). */
  pageSize: number;
  reset(): void;
  stop(): Promise<void>;
}

const NS = 'https://iam.amazonaws.com/doc/2010-05-08/';
const REQUEST_ID = '7a62c49f-347e-4fc4-9331-6e8eEXAMPLE';

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function reply(res: http.ServerResponse, status: number, xml: string) {
  res.writeHead(status, { 'content-type': 'text/xml', 'x-amzn-requestid': REQUEST_ID });
  res.end(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
}

function ok(res: http.ServerResponse, action: string, result: string) {
  reply(
    res,
    200,
    `<${action}Response xmlns="${NS}"><${action}Result>${result}</${action}Result><ResponseMetadata><RequestId>${REQUEST_ID}</RequestId></ResponseMetadata></${action}Response>`,
  );
}

function error(res: http.ServerResponse, status: number, code: string, message: string) {
  reply(
    res,
    status,
    `<ErrorResponse xmlns="${NS}"><Error><Type>Sender</Type><Code>${code}</Code><Message>${escape(message)}</Message></Error><RequestId>${REQUEST_ID}</RequestId></ErrorResponse>`,
  );
}

/** The members of a Query list parameter, e.g. ActionNames.member.1, .2, … */
function list(params: URLSearchParams, name: string): string[] {
  const out: string[] = [];
  for (let i = 1; params.has(`${name}.member.${i}`); i++) out.push(params.get(`${name}.member.${i}`)!);
  return out;
}

const CALLER = 'arn:aws:iam::123456789012:user/admin';

export async function startIamSimulatorPeer(): Promise<IamSimulatorPeer> {
  const peer: Omit<IamSimulatorPeer, 'endpoint' | 'stop'> = {
    requests: [],
    decide: () => 'allowed',
    denySimulation: false,
    denyListPolicies: false,
    roles: new Map(),
    pageSize: 10,
    reset() {
      peer.requests.length = 0;
      peer.decide = () => 'allowed';
      peer.denySimulation = false;
      peer.denyListPolicies = false;
      peer.roles.clear();
      peer.pageSize = 10;
    },
  };

  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (d: Buffer) => (body += d.toString()));
    req.on('end', () => {
      const params = new URLSearchParams(body);
      const action = params.get('Action') ?? '';
      peer.requests.push({
        action,
        params,
        signed: /^AWS4-HMAC-SHA256 /.test(req.headers.authorization ?? ''),
      });
      if (action === 'SimulatePrincipalPolicy') {
        const source = params.get('PolicySourceArn') ?? '';
        if (peer.denySimulation)
          return error(
            res,
            403,
            'AccessDenied',
            `User: ${CALLER} is not authorized to perform: iam:SimulatePrincipalPolicy on resource: ${source}`,
          );
        if (!/^arn:aws:iam::\d{12}:(user|role)\//.test(source))
          return error(res, 400, 'InvalidInput', 'Invalid ARN provided for PolicySourceArn.');
        const actions = list(params, 'ActionNames');
        const max = Number(params.get('MaxItems') ?? peer.pageSize);
        const start = Number(params.get('Marker') ?? 0);
        const page = actions.slice(start, start + max);
        const truncated = start + max < actions.length;
        const members = page
          .map(
            (a) =>
              `<member><EvalActionName>${escape(a)}</EvalActionName><EvalResourceName>*</EvalResourceName><EvalDecision>${peer.decide(a, source)}</EvalDecision><MatchedStatements/><MissingContextValues/></member>`,
          )
          .join('');
        return ok(
          res,
          action,
          `<IsTruncated>${truncated}</IsTruncated>${truncated ? `<Marker>${start + max}</Marker>` : ''}<EvaluationResults>${members}</EvaluationResults>`,
        );
      }
      if (action === 'GetRole') {
        const name = params.get('RoleName') ?? '';
        const arn = peer.roles.get(name);
        if (!arn) return error(res, 404, 'NoSuchEntity', `The role with name ${name} cannot be found.`);
        return ok(
          res,
          action,
          `<Role><Path>/</Path><RoleName>${escape(name)}</RoleName><RoleId>AROAEXAMPLEID1234567</RoleId><Arn>${escape(arn)}</Arn><CreateDate>2026-01-01T00:00:00Z</CreateDate><AssumeRolePolicyDocument>%7B%7D</AssumeRolePolicyDocument></Role>`,
        );
      }
      if (action === 'ListPolicies') {
        if (peer.denyListPolicies)
          return error(
            res,
            403,
            'AccessDenied',
            `User: ${CALLER} is not authorized to perform: iam:ListPolicies on resource: policy path /`,
          );
        return ok(res, action, '<IsTruncated>false</IsTruncated><Policies/>');
      }
      error(res, 400, 'InvalidAction', `Could not find operation ${action} for version 2010-05-08`);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return Object.assign(peer, {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
