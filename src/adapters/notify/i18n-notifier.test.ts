import { describe, expect, it } from 'vitest';
import type { ProofPurpose } from '../../core/types.js';
import { locales } from '../../i18n/locales.js';
import type { Mail } from '../../ports/mailer.js';
import type { SecurityNoticeKind } from '../../ports/notifier.js';
import type { SmsMessage, VoiceMessage } from '../../ports/phone-sender.js';
import { i18nNotifier } from './i18n-notifier.js';

function recorded() {
  const sent = { mail: [] as Mail[], sms: [] as SmsMessage[], calls: [] as VoiceMessage[] };
  const notifier = i18nNotifier({
    mailer: { send: async (mail) => void sent.mail.push(mail) },
    phone: {
      sendSms: async (sms) => void sent.sms.push(sms),
      call: async (call) => void sent.calls.push(call),
    },
  });
  return { notifier, sent };
}

const securityKinds: SecurityNoticeKind[] = [
  'passwordChanged',
  'passwordReset',
  'passwordWasReset',
  'signupExisting',
  'twoFactorEnabled',
  'twoFactorDisabled',
  'methodAdded',
  'methodRemoved',
  'methodDestinationChanged',
  'recoveryCodeUsed',
  'recoveryCodesRegenerated',
  'recoveryCodesIssued',
  'secondFactorLocked',
  'signInSlowedDown',
  'secondFactorLockedOut',
];
const purposes: ProofPurpose[] = ['enroll', 'sign_in', 'change', 'disable'];
const hostile = `<img src=x onerror=alert(1)> Ann's "key" & co`;
const escaped = '&lt;img src=x onerror=alert(1)&gt; Ann&#39;s &quot;key&quot; &amp; co';
const context = {
  ip: '203.0.113.7',
  userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Firefox/128.0',
  locale: 'en',
};
const at = new Date('2026-11-23T09:00:00Z');
const publicUrl = 'https://id.example.com';
const vars = {
  method: 'Phone ••• 567',
  minutes: '15',
  attempts: '100',
  left: '3',
  codes: 'aaaa-bbbb\ncccc-dddd',
  url: `${publicUrl}/x`,
  from: '•••• 567',
  to: '•••• 890',
};

/** Every message one locale sends, flattened to the texts a reader sees. */
async function everyMessage(locale: string): Promise<string[]> {
  const { notifier, sent } = recorded();
  const user = { email: 'ann@example.com', locale };
  for (const kind of securityKinds)
    await notifier.securityNotice({ user, kind, context, at, publicUrl, vars });
  for (const purpose of purposes) {
    for (const [type, destination] of [
      ['email', 'ann@example.com'],
      ['sms', '+46701234567'],
      ['voice', '+46701234567'],
    ] as const) {
      const method = { id: 'm1', type, destination };
      await notifier.oneTimeCode({ method, user, code: '123456', purpose, context, publicUrl });
    }
  }
  await notifier.numberReplaced({ oldNumber: '+46701234567', to: '•••• 890', user, context });
  await notifier.organizationInvitation({
    to: 'cleo@example.com',
    locale,
    inviter: 'ann@example.com',
    organization: 'Acme',
    role: 'member',
    url: `${publicUrl}/invitation?token=abc`,
    days: 7,
  });
  for (const days of [1, 14]) {
    for (const by of [{ scope: 'global' }, { scope: 'organization', id: 'o1', name: 'Acme' }] as const) {
      await notifier.twoFactorReminder({
        user,
        deadline: at,
        timeZone: 'Europe/Amsterdam',
        by,
        days,
        setupUrl: `${publicUrl}/setup`,
      });
    }
  }
  const channels = { emails: ['ann@example.com'], sms: ['+46701234567'], voice: ['+46701234567'] };
  await notifier.twoFactorReset(user, channels, { kind: 'requested', effectiveAt: at, cancelUrl: vars.url });
  await notifier.twoFactorReset(user, channels, { kind: 'now' });
  await notifier.twoFactorReset(user, channels, { kind: 'cancelled' });
  return [
    ...sent.mail.flatMap((m) => [m.subject, m.text, m.html]),
    ...sent.sms.map((s) => s.text),
    ...sent.calls.map((c) => c.text),
  ];
}

describe('i18n notifier', () => {
  it.each(locales)(
    'writes every message in %s with every key found and every placeholder filled',
    async (locale) => {
      const texts = await everyMessage(locale);
      // 27 e-mails (15 notices, 4 codes, 1 invitation, 4 reminders, 3 resets) of 3 texts each,
      // 7 SMS (4 codes, 1 number replaced, 2 resets) and 6 calls (4 codes, 2 resets).
      expect(texts).toHaveLength(27 * 3 + 7 + 6);
      for (const text of texts) {
        expect(typeof text).toBe('string');
        expect(text.trim()).not.toBe('');
        expect(text).not.toMatch(/\{\w+\}|undefined/);
      }
    },
  );

  it.each(locales.filter((l) => l !== 'en'))('does not fall back to English in %s', async (locale) => {
    const [english, translated] = [await everyMessage('en'), await everyMessage(locale)];
    for (const [i, text] of translated.entries()) expect(text, english[i]).not.toBe(english[i]);
  });

  it('writes in the user’s language, else the request’s, else English', async () => {
    const subject = async (userLocale: string | null, requestLocale: string) => {
      const { notifier, sent } = recorded();
      await notifier.securityNotice({
        user: { email: 'ann@example.com', locale: userLocale },
        kind: 'passwordChanged',
        context: { ...context, locale: requestLocale },
        at,
        publicUrl,
      });
      return sent.mail[0]!.subject;
    };
    const [english, dutch, swedish] = [
      await subject('en', 'en'),
      await subject('nl', 'en'),
      await subject('sv', 'sv'),
    ];
    expect(await subject('nl', 'sv')).toBe(dutch);
    expect(await subject(null, 'sv')).toBe(swedish);
    expect(await subject('xx', 'yy')).toBe(english);
    expect(new Set([english, dutch, swedish]).size).toBe(3);
  });

  it('escapes a method label in the HTML part and keeps it as typed in the text', async () => {
    const { notifier, sent } = recorded();
    const user = { email: 'ann@example.com', locale: 'en' };
    await notifier.securityNotice({
      user,
      kind: 'methodAdded',
      context,
      at,
      publicUrl,
      vars: { method: hostile },
    });
    const [mail] = sent.mail;
    expect(mail!.html).not.toContain('<img');
    expect(mail!.html).toContain(escaped);
    expect(mail!.text).toContain(hostile);
  });

  it('escapes an organization name in the invitation and in the reminder', async () => {
    const { notifier, sent } = recorded();
    const user = { email: 'ann@example.com', locale: 'sv' };
    await notifier.organizationInvitation({
      to: 'cleo@example.com',
      locale: 'nl',
      inviter: 'ann@example.com',
      organization: hostile,
      role: 'admin',
      url: `${publicUrl}/invitation?token=abc`,
      days: 7,
    });
    const by = { scope: 'organization', id: 'o1', name: hostile } as const;
    await notifier.twoFactorReminder({
      user,
      deadline: at,
      timeZone: 'UTC',
      by,
      days: 3,
      setupUrl: publicUrl,
    });
    for (const mail of sent.mail) {
      expect(mail.html).not.toContain('<img');
      expect(mail.html).toContain(escaped);
    }
  });
});
