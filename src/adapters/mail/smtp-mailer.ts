import nodemailer from 'nodemailer';
import type { Mailer } from '../../ports/mailer.js';

/** Production e-mail over SMTP, e.g. `smtps://user:pass@mail.example.com:465`. */
export function smtpMailer(smtpUrl: string, from: string): Mailer & { close(): void } {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      await transport.sendMail({
        from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    },
    close: () => transport.close(),
  };
}
