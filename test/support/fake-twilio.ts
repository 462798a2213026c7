import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the fake received it, whatever it answered. */
export interface TwilioRequest {
  method: string;
  path: string;
  resource: 'Messages' | 'Calls' | null;
  /** Whether the Basic credentials matched the account. */
  authorized: boolean;
  contentType: string;
  form: Record<string, string>;
  /** What the fake answered. */
  status: number;
}

type Failure = { status: number; code: number; message: string } | 'stall' | 'hang-up';

const e164 = /^\+[1-9]\d{1,14}$/;
const hex32 = () => randomBytes(16).toString('hex');
const twilioDate = (at: Date) => at.toUTCString().replace('GMT', '+0000');

/**
 * A local HTTP server that speaks the part of Twilio's REST API (2010-04-01) we use: Messages and
 * Calls, with the checks Twilio makes and its JSON error shape `{code, message, more_info, status}`.
 */
export async function startFakeTwilio(account: { accountSid: string; authToken: string }) {
  const requests: TwilioRequest[] = [];
  const failures: Failure[] = [];
  const expectedAuth = `Basic ${Buffer.from(`${account.accountSid}:${account.authToken}`).toString('base64')}`;

  const server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    const match = /^\/2010-04-01\/Accounts\/([^/]+)\/(Messages|Calls)\.json$/.exec(path);
    const contentType = request.headers['content-type'] ?? '';
    // Twilio reads form bodies only; anything else arrives as no parameters at all.
    const form = contentType.startsWith('application/x-www-form-urlencoded')
      ? Object.fromEntries(new URLSearchParams(body))
      : {};
    const record: TwilioRequest = {
      method: request.method ?? '',
      path,
      resource: (match?.[2] as TwilioRequest['resource']) ?? null,
      authorized: request.headers.authorization === expectedAuth,
      contentType,
      form,
      status: 0,
    };
    requests.push(record);
    const failure = record.authorized ? failures.shift() : undefined;
    if (failure === 'stall') return;
    if (failure === 'hang-up') return request.socket.destroy();
    const [status, json] = failure
      ? [failure.status, twilioError(failure.status, failure.code, failure.message)]
      : answer(record, match?.[1], account.accountSid);
    record.status = status;
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
    response.end(JSON.stringify(json));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    requests,
    /** The next authorized request gets this Twilio error, no answer at all, or a dropped connection. */
    failNext: (failure: Failure) => void failures.push(failure),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type FakeTwilio = Awaited<ReturnType<typeof startFakeTwilio>>;

function answer(record: TwilioRequest, pathSid: string | undefined, accountSid: string): [number, object] {
  if (!record.authorized) return [401, twilioError(401, 20003, 'Authenticate')];
  if (record.method !== 'POST' || !record.resource || pathSid !== accountSid) {
    return [404, twilioError(404, 20404, `The requested resource ${record.path} was not found`)];
  }
  const problem = record.resource === 'Messages' ? messageProblem(record.form) : callProblem(record.form);
  if (problem) return [400, twilioError(400, problem[0], problem[1])];
  return [
    201,
    record.resource === 'Messages' ? message(record.form, accountSid) : call(record.form, accountSid),
  ];
}

function messageProblem(form: Record<string, string>): [number, string] | null {
  if (!form.To) return [21604, "A 'To' phone number is required."];
  if (!form.From && !form.MessagingServiceSid) return [21603, "A 'From' phone number is required."];
  if (!form.Body && !form.MediaUrl) return [21602, 'Message body is required.'];
  if (!e164.test(form.To)) return [21211, `Invalid 'To' Phone Number: ${form.To}`];
  if ((form.Body ?? '').length > 1600) {
    return [21617, 'The concatenated message body exceeds the 1600 character limit.'];
  }
  return null;
}

function callProblem(form: Record<string, string>): [number, string] | null {
  if (!form.To) return [21201, "No 'To' number is specified"];
  if (!form.From) return [21213, "No 'From' number is specified"];
  if (!form.Url && !form.Twiml && !form.ApplicationSid) {
    return [21200, 'A Url, Twiml or ApplicationSid parameter is required to create a call.'];
  }
  if (!e164.test(form.To)) return [21211, `Invalid 'To' Phone Number: ${form.To}`];
  if ((form.Twiml ?? '').length > 4000) return [21200, 'Twiml exceeds the 4000 character limit.'];
  return null;
}

function message(form: Record<string, string>, accountSid: string) {
  const sid = `SM${hex32()}`;
  const now = twilioDate(new Date());
  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    body: form.Body,
    date_created: now,
    date_sent: null,
    date_updated: now,
    direction: 'outbound-api',
    error_code: null,
    error_message: null,
    from: form.From ?? null,
    messaging_service_sid: form.MessagingServiceSid ?? null,
    num_media: '0',
    num_segments: '1',
    price: null,
    price_unit: 'USD',
    sid,
    // A Messaging Service first accepts, then picks a sender and queues.
    status: form.From ? 'queued' : 'accepted',
    subresource_uris: { media: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}/Media.json` },
    to: form.To,
    uri: `/2010-04-01/Accounts/${accountSid}/Messages/${sid}.json`,
  };
}

function call(form: Record<string, string>, accountSid: string) {
  const sid = `CA${hex32()}`;
  const now = twilioDate(new Date());
  return {
    account_sid: accountSid,
    api_version: '2010-04-01',
    date_created: now,
    date_updated: now,
    direction: 'outbound-api',
    duration: null,
    end_time: null,
    from: form.From,
    from_formatted: form.From,
    parent_call_sid: null,
    price: null,
    price_unit: 'USD',
    sid,
    start_time: null,
    status: 'queued',
    to: form.To,
    to_formatted: form.To,
    uri: `/2010-04-01/Accounts/${accountSid}/Calls/${sid}.json`,
  };
}

function twilioError(status: number, code: number, message: string) {
  return { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}
