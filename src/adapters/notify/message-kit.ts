import { defaultLocale, isLocale, type Locale } from '../../i18n/locales.js';

/** The first of the candidates that is a language we speak, else the default one. */
export function chooseLocale(...candidates: Array<string | null | undefined>): Locale {
  return candidates.find(isLocale) ?? defaultLocale;
}

/** BCP 47 voices for calls, one per language we speak. */
export const voices: Record<Locale, string> = { en: 'en-US', nl: 'nl-NL', sv: 'sv-SE', 'pt-BR': 'pt-BR' };

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Messages carry text users chose (method labels, organization names): never markup in the HTML part. */
export const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => entities[c] ?? c);

/** One `<p>` per paragraph, its line breaks kept; the paragraph that is `link` becomes that link. */
export const htmlParagraphs = (paragraphs: string[], link?: string) =>
  paragraphs
    .map((p) =>
      p === link
        ? `<p><a href="${escapeHtml(p)}">${escapeHtml(p)}</a></p>`
        : `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`,
    )
    .join('\n');

/** "2026-11-23 09:00 UTC": the same for every reader, whatever their zone. */
export const utc = (at: Date) => `${at.toISOString().replace('T', ' ').slice(0, 16)} UTC`;
