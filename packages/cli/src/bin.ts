#!/usr/bin/env node
// The `usha` command's entry point. Installed, it runs as dist/bin.js with plain node; in the
// repository, `node --import tsx packages/cli/src/bin.ts <command> ...`.
import { runOnProcess } from './runOnProcess.ts';

await runOnProcess(process.argv.slice(2));
