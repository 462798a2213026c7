import { z } from '@hono/zod-openapi';
import { codeSendingTypes, factorTypes } from '../../../factors/registry.js';

/** Request and answer shapes of API v1 (docs/api.md); they also generate the OpenAPI document. */

// Bounded everywhere: a megabyte string is refused by the schema before any work is done.
export const Email = z.string().trim().min(3).max(254).openapi({ example: 'ann@example.com' });
export const Password = z.string().min(1).max(1024).openapi({ format: 'password' });

export const Credentials = z.object({ email: Email, password: Password }).openapi('Credentials');

export const Account = z.object({ id: z.string(), email: z.string() }).openapi('Account');

export const MethodSummary = z
  .object({ id: z.string(), type: z.string(), label: z.string() })
  .openapi('MethodSummary');

export const SessionState = z
  .union([
    z.object({ state: z.literal('signed_in') }),
    z.object({ state: z.literal('second_factor'), primary: z.string(), methods: z.array(MethodSummary) }),
    z.object({ state: z.literal('two_factor_setup_required') }),
  ])
  .openapi('SessionState');

export const Me = z
  .object({
    id: z.string(),
    email: z.string(),
    /** Whether the owner opened the link mailed to `email`; inviting and joining need it. */
    emailVerified: z.boolean(),
    twoFactor: z.object({
      enabled: z.boolean(),
      primary: z.string().nullable(),
      methods: z.array(MethodSummary.extend({ createdAt: z.string(), lastUsedAt: z.string().nullable() })),
      recoveryCodesLeft: z.number().int(),
    }),
  })
  .openapi('Me');

export const SessionInfo = z
  .object({
    id: z.string(),
    current: z.boolean(),
    createdAt: z.string(),
    lastSeenAt: z.string(),
    userAgent: z.string(),
    ip: z.string(),
  })
  .openapi('SessionInfo');

export const ActivityEvent = z
  .object({ id: z.string(), type: z.string(), at: z.string(), ip: z.string(), userAgent: z.string() })
  .openapi('ActivityEvent');

export const ConfirmPassword = z.object({ password: Password }).openapi('ConfirmPassword');
export const ChangePassword = z
  .object({ currentPassword: Password, newPassword: Password })
  .openapi('ChangePassword');
export const ResetRequest = z.object({ email: Email }).openapi('PasswordResetRequest');
export const ResetComplete = z
  .object({ token: z.string().min(10).max(128), password: Password })
  .openapi('PasswordResetComplete');

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .openapi('Problem');

export const IdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'id', in: 'path' } }),
});

export const Code = z.string().max(64).openapi({ example: '123456' });

/** A code, or what a security key's browser answered with: the JSON object, or its text. */
export const FactorAnswer = z.union([z.string().max(8192), z.record(z.string(), z.unknown())]).openapi({
  description:
    'A code; for `webauthn`, the JSON from navigator.credentials (as @simplewebauthn/browser returns it), as an object or its text',
  example: '123456',
});

/** The answer as the factor reads it: text. */
export const answerText = (answer: string | Record<string, unknown>): string =>
  typeof answer === 'string' ? answer : JSON.stringify(answer);

/** What the browser passes to navigator.credentials.create() or .get(), as JSON. */
export const DeviceOptions = z.record(z.string(), z.unknown()).openapi('WebAuthnOptions', {
  description: 'PublicKeyCredentialCreationOptionsJSON or …RequestOptionsJSON',
});

export const Phone = z.string().trim().min(1).max(32).openapi({ example: '+31 6 12345678' });
export const PhoneCountry = z
  .string()
  .regex(/^[A-Za-z]{2}$/)
  .optional()
  .openapi({ description: 'ISO 3166 country of a national number; default: from the language' });

export const AddMethod = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('totp'), label: z.string().trim().min(1).max(64).optional() }),
    z.object({ type: z.literal('email'), address: Email }),
    z.object({
      type: z.enum(['sms', 'voice']),
      phone: Phone,
      country: PhoneCountry,
    }),
    z.object({
      type: z.literal('webauthn'),
      label: z.string().trim().min(1).max(64).optional(),
      attachment: z.enum(['cross-platform', 'platform']).optional().openapi({
        description:
          "`cross-platform` (default): a security key, user verification preferred; `platform`: this device's fingerprint or face, user verification required",
      }),
    }),
  ])
  .openapi('AddMethod');

export const WebauthnEnrollment = z
  .object({ id: z.string(), type: z.literal('webauthn'), options: DeviceOptions })
  .openapi('WebauthnEnrollment', {
    description: 'Pass `options` to navigator.credentials.create(), then confirm with the answer',
  });

export const WebauthnChallenge = z.object({ options: DeviceOptions }).openapi('WebauthnChallenge');

export const CodeMethodEnrollment = z
  .object({ id: z.string(), type: z.enum(codeSendingTypes) })
  .openapi('CodeMethodEnrollment');

/** After a code was sent: when "Send again" may be pressed, for a visible countdown. */
export const CodeSent = z.object({ resendAfterSeconds: z.number().int() }).openapi('CodeSent');
export const SendCode = z.object({ methodId: z.string().min(1).max(64) }).openapi('SendCode');

export const TotpEnrollment = z
  .object({
    id: z.string(),
    type: z.literal('totp'),
    secret: z.string().openapi({ description: 'Base32 key, shown this once' }),
    otpauthUri: z.string(),
    qrSvg: z.string(),
  })
  .openapi('TotpEnrollment');

export const ConfirmMethod = z.object({ code: FactorAnswer }).openapi('ConfirmMethod');
export const Confirmed = z
  .object({ id: z.string(), recoveryCodes: z.array(z.string()).optional() })
  .openapi('MethodConfirmed');
export const RenameMethod = z.object({ label: z.string().trim().min(1).max(64) }).openapi('RenameMethod');
export const RemoveMethod = z
  .object({
    code: Code.optional(),
    codeType: z
      .enum(factorTypes)
      .optional()
      .openapi({ description: 'For e-mail, SMS or voice: the code from POST /me/methods/{id}/disable-code' }),
  })
  .openapi('RemoveMethod');
export const SetPrimary = z.object({ methodId: z.string().min(1).max(64) }).openapi('SetPrimary');
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) }).openapi('RecoveryCodes');

export const SecondFactor = z
  .object({
    type: z.enum(factorTypes),
    code: FactorAnswer,
    methodId: z.string().min(1).max(64).optional(),
    rememberDevice: z.boolean().optional().openapi({
      description:
        "Don't ask again on this device for the server's period (TWOSTEP_REMEMBER_DEVICE_DAYS); refused with 400 when that is 0",
    }),
  })
  .openapi('SecondFactor');
