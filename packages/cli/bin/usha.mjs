#!/usr/bin/env node
// The `usha` command. The packages are TypeScript run as they are (no build step), so the
// command loads tsx's loader before its entry point.
import { register } from 'tsx/esm/api';

register();
await import('../src/bin.ts');
