#!/usr/bin/env node
// The installed command. tsx is a runtime dependency: it compiles the TypeScript sources on load,
// so an installed checkout runs as it is, with no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
