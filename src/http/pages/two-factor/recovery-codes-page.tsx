import { Alert } from '../components/alert.js';
import { CardPage } from '../components/card-page.js';
import type { PageContext } from '../shared/page-context.js';

export interface RecoveryCodesPageProps {
  page: PageContext;
  account: string;
  codes: string[];
  /** Turning 2FA on, or a fresh set replacing the old one. */
  reason: 'enabled' | 'regenerated';
}

/**
 * The codes, shown once, with a button the user clicks after storing them somewhere safe.
 * Download works without JavaScript (a data: link); copy and print are added by app.js where a
 * browser can do them.
 */
export function RecoveryCodesPage(props: RecoveryCodesPageProps) {
  const { page, codes } = props;
  const { t } = page;
  const file = `${t('recovery.fileHeading', { account: props.account, app: t('app.name') })}\n\n${codes.join('\n')}\n`;
  return (
    <CardPage page={page} title={t('recovery.title')}>
      <Alert kind="success">
        <p>{props.reason === 'enabled' ? t('recovery.doneOn') : t('recovery.doneNew')}</p>
      </Alert>
      <p class="card-text">{t('recovery.intro')}</p>
      <p class="card-text card-strong">{t('recovery.once')}</p>
      <ol class="recovery-codes" id="recovery-codes" aria-label={t('recovery.listLabel')}>
        {codes.map((code) => (
          <li>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div class="actions recovery-actions">
        <a
          class="button button-secondary"
          download="twostep-recovery-codes.txt"
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(file)}`}
        >
          {t('recovery.download')}
        </a>
        <button
          type="button"
          class="button button-secondary"
          data-copy={codes.join('\n')}
          data-copied={t('recovery.copied')}
          hidden
        >
          {t('recovery.copy')}
        </button>
        <button type="button" class="button button-secondary" data-print hidden>
          {t('recovery.print')}
        </button>
      </div>
      {/* A GET form: nothing changes on the server, the browser only insists on the tick. */}
      <form method="get" action="/security" class="form saved-form">
        <input
          type="hidden"
          name="notice"
          value={props.reason === 'enabled' ? 'two-factor-on' : 'codes-new'}
        />
        <div class="checkbox">
          <input type="checkbox" id="saved" name="saved" value="1" required />
          <label for="saved">{t('recovery.saved')}</label>
        </div>
        <button type="submit" class="button button-primary button-wide">
          {t('recovery.continue')}
        </button>
      </form>
    </CardPage>
  );
}
