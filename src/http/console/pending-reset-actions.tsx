import type { TwoFactorReset } from '../../core/two-factor/two-factor-reset.js';
import type { User } from '../../core/types.js';
import { Button } from '../pages/components/button.js';
import { FieldLabel } from '../pages/components/field-label.js';
import { PostForm } from '../pages/components/post-form.js';
import type { PageContext } from '../pages/shared/page-context.js';
import { formatDateTime } from '../pages/shared/time-format.js';

/**
 * What staff can do about a reset that waits: cancel it (anyone on staff), or, for an operator,
 * bring it forward with a second reason. `problem` is the shorten form's, with what was typed.
 */
export function PendingResetActions(props: {
  page: PageContext;
  staff: User;
  base: string;
  reset: TwoFactorReset;
  problem?: { message: string; reason: string } | undefined;
}) {
  const { page, staff, base, reset, problem } = props;
  const { t, csrfToken } = page;
  return (
    <>
      <p class="panel-note">
        {t('console.reset.pending', { time: formatDateTime(page.locale, reset.effectiveAt) })}
      </p>
      <PostForm action={`${base}/cancel-reset`} csrfToken={csrfToken} class="console-action">
        <Button variant="secondary">{t('console.reset.cancel')}</Button>
        <p class="panel-note">{t('console.reset.cancelHint')}</p>
      </PostForm>
      {staff.staffRole === 'operator' && (
        <PostForm action={`${base}/shorten-reset`} csrfToken={csrfToken} class="form">
          <h3>{t('console.reset.shorten')}</h3>
          <p class="panel-text">{t('console.reset.shortenHint')}</p>
          {problem && (
            <p class="field-error" id="shorten-error" role="alert">
              {problem.message}
            </p>
          )}
          <div class="field">
            <FieldLabel id="field-shorten-hours" label={t('console.reset.shortenHours')} />
            <input
              class="field-input"
              id="field-shorten-hours"
              name="hours"
              type="number"
              inputmode="numeric"
              min={0}
              step={1}
              value="0"
              required
            />
          </div>
          <div class="field">
            <FieldLabel id="field-shorten-reason" label={t('console.reset.shortenReason')} />
            <textarea
              class="field-input console-reason"
              id="field-shorten-reason"
              name="reason"
              rows={2}
              maxlength={500}
              required
            >
              {problem?.reason ?? ''}
            </textarea>
          </div>
          <Button variant="danger">{t('console.reset.shorten')}</Button>
        </PostForm>
      )}
    </>
  );
}
