import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ReceivedMail, startSmtpSink } from '../../../test/support/smtp-sink.js';
import { smtpMailer } from './smtp-mailer.js';

describe('smtpMailer against a real SMTP server', () => {
  let sink: Awaited<ReturnType<typeof startSmtpSink>>;
  let mailer: ReturnType<typeof smtpMailer>;
  beforeEach(async () => {
    sink = await startSmtpSink();
    mailer = smtpMailer(sink.url, 'Tvåsteg <no-reply@example.org>');
  });
  afterEach(async () => {
    mailer.close();
    await sink.close();
  });

  const only = (): ReceivedMail => {
    expect(sink.messages).toHaveLength(1);
    return sink.messages[0]!;
  };

  it('delivers From, To, a Swedish subject, and both the text and HTML parts', async () => {
    // Long, mostly ASCII lines: sent quoted-printable with soft line breaks.
    const text =
      'Hej!\n\nLösenordet för asa@example.se ändrades den 23 november 2026 kl. 09:00 UTC från en ' +
      'dator i Stockholm. Var det inte du? Återställ lösenordet och kontakta supporten.';
    await mailer.send({
      to: 'asa@example.se',
      subject: 'Ditt lösenord har ändrats',
      text,
      html: '<p>Lösenordet för <b>asa@example.se</b> ändrades.</p>',
    });

    const mail = only();
    expect(mail.from).toBe('Tvåsteg <no-reply@example.org>');
    expect(mail.to).toEqual(['asa@example.se']);
    expect(mail.subject).toBe('Ditt lösenord har ändrats');
    expect(mail.text).toBe(text);
    expect(mail.html).toBe('<p>Lösenordet för <b>asa@example.se</b> ändrades.</p>');
    // The wire itself stays 7-bit: non-ASCII travels encoded, as old relays require.
    expect(/^[\t\r\n -~]*$/.test(mail.raw)).toBe(true);
    expect(mail.raw).toMatch(/^Content-Type: multipart\/alternative/im);
    expect(mail.raw).toMatch(/^Content-Transfer-Encoding: quoted-printable/im);
  });

  it('keeps a long subject intact across several encoded words, and a base64 body', async () => {
    const subject = 'Redefina sua senha — ação necessária: código de verificação não solicitado';
    // Mostly non-ASCII text: sent base64.
    const text = 'ÅÄÖ åäö ÇÃÕ çãõ';
    await mailer.send({ to: 'joao@example.com.br', subject, text, html: '<p>Olá</p>' });

    const mail = only();
    expect(mail.subject).toBe(subject);
    expect(mail.text).toBe(text);
    expect(mail.raw).toMatch(/^Content-Transfer-Encoding: base64/im);
    expect(mail.raw.match(/=\?UTF-8\?/gi)?.length ?? 0).toBeGreaterThan(1);
  });
});
