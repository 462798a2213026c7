import { localeNames, locales } from '../../../i18n/locales.js';
import type { PageContext } from '../shared/page-context.js';
import { nextParam } from '../shared/safe-next.js';

/**
 * The four languages, each in its own words and marked with its own `lang`, so a reader who
 * cannot read the current one still finds theirs. Plain links: it works without JavaScript.
 */
export function LanguageSwitcher(props: { page: PageContext }) {
  const { page } = props;
  return (
    <nav class="language-switcher" aria-label={page.t('layout.language')}>
      <svg class="language-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <path d="M10 1.5a8.5 8.5 0 1 0 0 17 8.5 8.5 0 0 0 0-17Zm5.9 7.6h-2.7a13 13 0 0 0-1.2-5.3 6.7 6.7 0 0 1 3.9 5.3ZM10 16.6c-.7-.9-1.4-2.8-1.6-5.7h3.2c-.2 2.9-.9 4.8-1.6 5.7ZM8.4 9.1c.2-2.9.9-4.8 1.6-5.7.7.9 1.4 2.8 1.6 5.7H8.4ZM8 3.8a13 13 0 0 0-1.2 5.3H4.1A6.7 6.7 0 0 1 8 3.8Zm-3.9 7.1h2.7A13 13 0 0 0 8 16.2a6.7 6.7 0 0 1-3.9-5.3Zm7.9 5.3a13 13 0 0 0 1.2-5.3h2.7a6.7 6.7 0 0 1-3.9 5.3Z" />
      </svg>
      <ul class="language-list">
        {locales.map((locale) => (
          <li>
            <a
              href={`/language?set=${locale}&next=${nextParam(page.path)}`}
              lang={locale}
              hreflang={locale}
              aria-current={locale === page.locale ? 'true' : undefined}
            >
              {localeNames[locale]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
