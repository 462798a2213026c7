import type { Translate } from '../../../i18n/translate.js';

export const setupChoices = ['totp', 'email', 'sms', 'voice'] as const;
export type SetupChoice = (typeof setupChoices)[number];

const choiceLabel = {
  totp: 'codePage.choice.totp',
  email: 'codePage.choice.email',
  sms: 'codePage.choice.sms',
  voice: 'codePage.choice.voice',
} as const;

/** Seed 001's choice of method; the authenticator app comes first, chosen, and says why. */
export function MethodChoice(props: { t: Translate }) {
  const { t } = props;
  return (
    <fieldset class="field method-choice">
      <legend class="field-label">{t('codePage.choice.legend')}</legend>
      {setupChoices.map((choice) => (
        <div class="method-choice-option">
          <label>
            <input type="radio" name="method" value={choice} checked={choice === 'totp' || undefined} />{' '}
            {t(choiceLabel[choice])}
          </label>
          {choice === 'totp' && <p class="field-hint">{t('codePage.choice.totpHint')}</p>}
        </div>
      ))}
    </fieldset>
  );
}
