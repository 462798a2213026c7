import type { ProofPurpose, TwoFactorMethod, User } from '../../core/types.js';
import { spacedDigits } from '../../factors/sent-code/one-time-code.js';
import { defaultLocale, isLocale, type Locale } from '../../i18n/locales.js';
import { translator } from '../../i18n/translate.js';
import type { AppDeps } from '../deps.js';

/** BCP 47 voices for the call, one per language we speak. */
const voices: Record<Locale, string> = { en: 'en-US', nl: 'nl-NL', sv: 'sv-SE', 'pt-BR': 'pt-BR' };

const escapeHtml = (text: string) =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

const mailKinds = { enroll: 'enroll', sign_in: 'signIn', change: 'change', disable: 'disable' } as const;

export function userLocale(user: Pick<User, 'locale'>, requestLocale: string): Locale {
  if (isLocale(user.locale)) return user.locale;
  return isLocale(requestLocale) ? requestLocale : defaultLocale;
}

/**
 * Sends `code` to the method's destination in the user's language. The SMS ends with the WebOTP
 * line (`@host #code`, wicg.github.io/web-otp) that browsers and iOS read to fill the code in; the
 * call reads the digits one by one, and the adapter says it twice.
 */
export async function deliverCode(
  deps: Pick<AppDeps, 'mailer' | 'phone' | 'settings'>,
  input: { method: TwoFactorMethod; user: User; code: string; purpose: ProofPurpose; locale: Locale },
): Promise<void> {
  const { method, user, code, purpose, locale } = input;
  const t = translator(locale);
  const app = t('app.name');
  const to = method.destination;
  if (!to) throw new TypeError(`method ${method.id} has no destination`);
  if (method.type === 'sms') {
    const host = new URL(deps.settings.publicUrl).hostname;
    return deps.phone.sendSms({ to, text: `${t('code.sms', { app, code })}\n\n@${host} #${code}` });
  }
  if (method.type === 'voice') {
    return deps.phone.call({
      to,
      text: t('code.voice', { app, digits: spacedDigits(code) }),
      language: voices[locale],
    });
  }
  const kind = mailKinds[purpose];
  // Set-up and change name the address being proved; sign-in and turning off, the account.
  const email = purpose === 'enroll' || purpose === 'change' ? to : user.email;
  const body = t(`code.mail.${kind}.body`, { email, code });
  await deps.mailer.send({
    to,
    subject: t(`code.mail.${kind}.subject`, { app }),
    text: body,
    html: body
      .split('\n\n')
      .map((p) =>
        p === code
          ? `<p style="font-size:24px;letter-spacing:4px"><strong>${code}</strong></p>`
          : `<p>${escapeHtml(p)}</p>`,
      )
      .join('\n'),
  });
}
