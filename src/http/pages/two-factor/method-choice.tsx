import type { Translate } from '../../../i18n/translate.js';

export const setupChoices = ['totp', 'webauthn', 'email', 'sms', 'voice'] as const;
export type SetupChoice = (typeof setupChoices)[number];

const choiceText = {
  totp: { label: 'codePage.choice.totp', hint: 'codePage.choice.totpHint' },
  webauthn: { label: 'codePage.choice.webauthn', hint: 'codePage.choice.webauthnHint' },
  email: { label: 'codePage.choice.email', hint: 'codePage.choice.emailHint' },
  sms: { label: 'codePage.choice.sms', hint: 'codePage.choice.smsHint' },
  voice: { label: 'codePage.choice.voice', hint: 'codePage.choice.voiceHint' },
} as const;

/**
 * The choice of method at set-up; the authenticator app comes first, chosen, and says why. Each
 * option is a card whose whole surface picks it; the hint is a description, not part of the name.
 */
export function MethodChoice(props: { t: Translate; allowed?: readonly SetupChoice[] | undefined }) {
  const { t } = props;
  // A policy may allow fewer methods (T-CODE-7): those it forbids are not offered at all.
  const shown = setupChoices.filter((choice) => !props.allowed || props.allowed.includes(choice));
  return (
    <fieldset class="field method-choice">
      <legend class="field-label">{t('codePage.choice.legend')}</legend>
      {shown.map((choice) => (
        <div class="choice">
          <input
            type="radio"
            name="method"
            value={choice}
            checked={choice === shown[0] || undefined}
            class="choice-input"
            id={`choice-${choice}`}
            aria-describedby={`choice-${choice}-hint`}
          />
          <label class="choice-label" for={`choice-${choice}`}>
            {t(choiceText[choice].label)}
          </label>
          <p class="choice-hint" id={`choice-${choice}-hint`}>
            {t(choiceText[choice].hint)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}
