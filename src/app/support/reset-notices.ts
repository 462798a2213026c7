import type { TwoFactorMethod, User } from '../../core/types.js';
import { defaultLocale, isLocale, type Locale } from '../../i18n/locales.js';
import { translator } from '../../i18n/translate.js';
import type { AppDeps } from '../deps.js';

/** Where a user can be reached: the account address, every e-mail method, every phone method. */
export interface ResetChannels {
  emails: string[];
  sms: string[];
  voice: string[];
}

export function channelsOf(user: Pick<User, 'email'>, methods: TwoFactorMethod[]): ResetChannels {
  const active = methods.filter((m) => m.status === 'active' && m.destination);
  const unique = (values: string[]) => [...new Set(values)];
  const emails = unique([
    user.email,
    ...active.filter((m) => m.type === 'email').map((m) => m.destination!),
  ]).filter((address, i, all) => all.findIndex((a) => a.toLowerCase() === address.toLowerCase()) === i);
  return {
    emails,
    sms: unique(active.filter((m) => m.type === 'sms').map((m) => m.destination!)),
    voice: unique(active.filter((m) => m.type === 'voice').map((m) => m.destination!)),
  };
}

const voices: Record<Locale, string> = { en: 'en-US', nl: 'nl-NL', sv: 'sv-SE', 'pt-BR': 'pt-BR' };

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

const utc = (at: Date) => `${at.toISOString().replace('T', ' ').slice(0, 16)} UTC`;

export type ResetNotice =
  | { kind: 'requested'; effectiveAt: Date; cancelUrl: string }
  | { kind: 'now' }
  | { kind: 'cancelled' };

/**
 * Tells the user about a support reset on every channel they have, in their language (SECURITY.md
 * a61, k74), so that whoever talked support into it is noticed by the real owner in time. One
 * channel failing does not keep the others from being tried; returns how many messages went out.
 */
export async function sendResetNotice(
  deps: Pick<AppDeps, 'mailer' | 'phone'>,
  user: Pick<User, 'email' | 'locale'>,
  channels: ResetChannels,
  notice: ResetNotice,
): Promise<number> {
  const locale = isLocale(user.locale) ? user.locale : defaultLocale;
  const t = translator(locale);
  const app = t('app.name');
  const vars: Record<string, string> =
    notice.kind === 'requested'
      ? { email: user.email, app, effective: utc(notice.effectiveAt), url: notice.cancelUrl }
      : { email: user.email, app };
  const paragraphs = [t(`twoFactorReset.mail.${notice.kind}.body`, vars), t('mail.footer', { app })];
  const text = paragraphs.join('\n\n');
  const html = paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`).join('\n');
  const deliveries: Array<() => Promise<void>> = [
    ...channels.emails.map(
      (to) => () =>
        deps.mailer.send({ to, subject: t(`twoFactorReset.mail.${notice.kind}.subject`), text, html }),
    ),
  ];
  // A cancellation the user just made themselves needs no SMS or call.
  if (notice.kind !== 'cancelled') {
    deliveries.push(
      ...channels.sms.map(
        (to) => () => deps.phone.sendSms({ to, text: t(`twoFactorReset.sms.${notice.kind}`, vars) }),
      ),
      ...channels.voice.map(
        (to) => () =>
          deps.phone.call({
            to,
            text: t(`twoFactorReset.voice.${notice.kind}`, vars),
            language: voices[locale],
          }),
      ),
    );
  }
  const results = await Promise.allSettled(deliveries.map((deliver) => deliver()));
  return results.filter((r) => r.status === 'fulfilled').length;
}
