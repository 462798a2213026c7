import type { Command } from '../command.js';
import { keysRotateCommand } from './keys-rotate.js';
import { migrateCommand } from './migrate.js';
import { orgAddMemberCommand, orgCreateCommand, orgListCommand } from './org.js';
import { policySetCommand, policyShowCommand } from './policy.js';
import { serveCommand } from './serve.js';
import { userAddCommand } from './user-add.js';
import { userListCommand } from './user-list.js';
import { userCancelResetCommand, userResetTwoFactorCommand } from './user-reset.js';
import { userDisableCommand, userEnableCommand } from './user-status.js';
import { userRoleCommand } from './user-support.js';

/** Every command, in the order `twostep --help` lists them. */
export const commands: Command[] = [
  serveCommand,
  migrateCommand,
  userAddCommand,
  userListCommand,
  userDisableCommand,
  userEnableCommand,
  userRoleCommand,
  userResetTwoFactorCommand,
  userCancelResetCommand,
  orgCreateCommand,
  orgListCommand,
  orgAddMemberCommand,
  policySetCommand,
  policyShowCommand,
  keysRotateCommand,
];
