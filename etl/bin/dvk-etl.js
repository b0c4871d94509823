#!/usr/bin/env node
// Runs the CLI from the TypeScript sources through tsx, so `npx dvk-etl` works
// right after `npm ci` and never runs a stale build.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
