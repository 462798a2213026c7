import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  /** The From header, encoded words decoded. */
  from: string;
  /** The envelope recipients: where the server was actually asked to deliver. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
}

/**
 * A real SMTP server on 127.0.0.1 (plain, no TLS, no AUTH required) that keeps every message it
 * accepts, parsed far enough for tests to read it as a mail client would. `delayMs` holds each
 * message that long before accepting it, as a real mail server over a network does; `port` reopens
 * a sink where a closed one was.
 */
export async function startSmtpSink(options: { delayMs?: number; port?: number } = {}): Promise<{
  url: string;
  messages: ReceivedMail[];
  close(): Promise<void>;
}> {
  const messages: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address);
        setTimeout(() => {
          messages.push(parseMessage(Buffer.concat(chunks), to));
          done();
        }, options.delayMs ?? 0);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface Part {
  headers: Map<string, string>;
  /** The body as a byte string (latin1: one character per byte), still transfer-encoded. */
  body: string;
}

function parseMessage(bytes: Buffer, to: string[]): ReceivedMail {
  // latin1 keeps one character per byte, so 8-bit bodies survive until their charset is known.
  const raw = bytes.toString('latin1');
  const message = splitPart(raw);
  const leaves = flatten(message);
  const bodyOf = (type: string) => {
    const leaf = leaves.find((p) => (p.headers.get('content-type') ?? 'text/plain').startsWith(type));
    return leaf ? decodeBody(leaf) : '';
  };
  return {
    from: decodeWords(message.headers.get('from') ?? ''),
    to,
    subject: decodeWords(message.headers.get('subject') ?? ''),
    text: bodyOf('text/plain'),
    html: bodyOf('text/html'),
    raw: bytes.toString('utf8'),
  };
}

function splitPart(source: string): Part {
  const end = source.search(/\r?\n\r?\n/);
  const head = end < 0 ? source : source.slice(0, end);
  const body = end < 0 ? '' : source.slice(end).replace(/^\r?\n\r?\n/, '');
  const headers = new Map<string, string>();
  // Folded header lines continue with whitespace (RFC 5322 §2.2.3).
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body };
}

function flatten(part: Part): Part[] {
  const type = part.headers.get('content-type') ?? '';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (!type.toLowerCase().startsWith('multipart/') || !boundary) return [part];
  const sections = part.body.split(`--${boundary}`).slice(1);
  return sections
    .filter((s) => !s.startsWith('--'))
    .flatMap((s) => flatten(splitPart(s.replace(/^\r?\n/, ''))));
}

function decodeBody(part: Part): string {
  const encoding = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  const charset = /charset="?([^";]+)"?/i.exec(part.headers.get('content-type') ?? '')?.[1] ?? 'utf-8';
  const bytes =
    encoding === 'base64'
      ? Buffer.from(part.body, 'base64')
      : encoding === 'quoted-printable'
        ? quotedPrintable(part.body)
        : Buffer.from(part.body, 'latin1');
  return new TextDecoder(charset).decode(bytes).replace(/\r\n/g, '\n').replace(/\n$/, '');
}

/** RFC 2045 §6.7: `=XX` is a byte, `=` at the end of a line is a soft break. */
function quotedPrintable(body: string, underscoreIsSpace = false): Buffer {
  const text = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const hex = text.slice(i + 1, i + 3);
    if (text[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(underscoreIsSpace && text[i] === '_' ? 0x20 : text.charCodeAt(i));
  }
  return Buffer.from(bytes);
}

/**
 * RFC 2047 encoded words (`=?UTF-8?Q?…?=`, `=?UTF-8?B?…?=`). Adjacent words are joined as bytes
 * before decoding, because an encoder may split one character's bytes across two words.
 */
function decodeWords(value: string): string {
  const word = /=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g;
  const runs = value.split(/(?<=\?=)\s+(?==\?)/).join('');
  let pending: Buffer[] = [];
  let charset = 'utf-8';
  let out = '';
  let last = 0;
  // Text outside encoded words may still be raw UTF-8 bytes (RFC 6532).
  const plain = (text: string) => Buffer.from(text, 'latin1').toString('utf8');
  const flush = () => {
    if (pending.length) out += new TextDecoder(charset).decode(Buffer.concat(pending));
    pending = [];
  };
  for (const match of runs.matchAll(word)) {
    const between = runs.slice(last, match.index);
    if (between) {
      flush();
      out += plain(between);
    }
    charset = match[1]!;
    const encoded = match[3]!;
    pending.push(
      match[2]!.toUpperCase() === 'B' ? Buffer.from(encoded, 'base64') : quotedPrintable(encoded, true),
    );
    last = match.index + match[0].length;
  }
  flush();
  return out + plain(runs.slice(last));
}
