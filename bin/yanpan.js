#!/usr/bin/env node
// The `yanpan` command (../shared/CONTRACT.md). Loads the TypeScript CLI through tsx.
import { register } from 'tsx/esm/api';

register();
await import('../server/cli.ts');
