import type { BenchCase } from '../bench-case.js';
import { argon2Case } from './argon2.js';
import { forwardAuthCase } from './forward-auth.js';
import { healthzCase } from './healthz.js';
import { meCase } from './me.js';
import { secondFactorCase } from './second-factor.js';
import { signInCase } from './signin.js';
import { totpCase } from './totp.js';
import { webauthnCase } from './webauthn.js';

/** Every case, in the order a full run takes them. A new case is one file and one line here. */
export const benchCases: BenchCase[] = [
  signInCase,
  secondFactorCase,
  argon2Case,
  meCase,
  forwardAuthCase,
  healthzCase,
  totpCase,
  webauthnCase,
];
