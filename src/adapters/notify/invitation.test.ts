import { describe, expect, it } from 'vitest';
import { invitationMail } from './invitation.js';

describe('invitation e-mail', () => {
  const send = async (organization: string, locale: string | null) => {
    return invitationMail({
      to: 'cleo@example.com',
      locale,
      inviter: 'ann@example.com',
      organization,
      role: 'admin',
      url: 'https://id.example.com/invitation?token=abc',
      days: 7,
    });
  };

  it('names the inviter, the organization, the role, the link and its expiry', async () => {
    const mail = await send('Mail-IT-Wize', 'en');
    expect(mail.subject).toBe('You are invited to an organization on Twostep');
    expect(mail.text).toContain('ann@example.com invited you to join Mail-IT-Wize as Admin.');
    expect(mail.text).toContain('https://id.example.com/invitation?token=abc');
    expect(mail.text).toContain('expires in 7 days');
    expect(mail.html).toContain('<a href="https://id.example.com/invitation?token=abc">');
  });

  it("escapes the customer's own text in the HTML part, and keeps it out of the subject", async () => {
    const mail = await send('<img src=x onerror=alert(1)> & Co', 'en');
    expect(mail.subject).not.toContain('img');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt; &amp; Co');
  });

  it('writes in the given language, and in English for an unknown one', async () => {
    expect((await send('Acme', 'pt-BR')).text).toContain(
      'convidou você para participar de Acme como Administrador',
    );
    expect((await send('Acme', 'nl')).subject).toBe('U bent uitgenodigd voor een organisatie op Twostep');
    expect((await send('Acme', 'xx')).subject).toBe('You are invited to an organization on Twostep');
  });
});
