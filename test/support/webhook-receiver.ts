import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  headers: Record<string, string | string[] | undefined>;
  /** The raw body, as signed. */
  body: string;
  verdict: 'valid' | 'bad signature' | 'stale timestamp';
  status: number;
}

/**
 * An operator's SMS webhook endpoint, written the way our documentation tells them to: it checks
 * `Twostep-Signature` over the raw body, in constant time, within a 5-minute window of its own clock.
 * It is written apart from the sender's code so that a shared mistake cannot pass unnoticed.
 */
export async function startWebhookReceiver(secret: string, toleranceSeconds = 300) {
  const requests: ReceivedWebhook[] = [];
  const answers: number[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const verdict = verify(String(request.headers['twostep-signature'] ?? ''), body);
      const status = verdict === 'valid' ? (answers.shift() ?? 202) : 401;
      requests.push({ headers: request.headers, body, verdict, status });
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(verdict === 'valid' ? { received: true } : { error: verdict }));
    });
  });

  function verify(header: string, body: string): ReceivedWebhook['verdict'] {
    const fields = new URLSearchParams(header.replaceAll(',', '&'));
    const timestamp = Number(fields.get('t'));
    const expected = createHmac('sha256', secret)
      .update(`${fields.get('t')}.${body}`)
      .digest();
    // Any v1 may match (several are sent while a secret is being rotated).
    const matches = fields.getAll('v1').some((v1) => {
      const given = Buffer.from(v1, 'hex');
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
    if (!matches) return 'bad signature';
    if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds) {
      return 'stale timestamp';
    }
    return 'valid';
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/twostep/sms`,
    requests,
    /** The next correctly signed request gets this status instead of 202. */
    answerNext: (status: number) => void answers.push(status),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export type WebhookReceiver = Awaited<ReturnType<typeof startWebhookReceiver>>;
