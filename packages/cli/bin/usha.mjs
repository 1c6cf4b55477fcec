#!/usr/bin/env node
// The `usha` command inside the workspace, where the packages run as TypeScript sources: it
// loads tsx's loader before its entry point. The published package's bin is dist/bin.js.
import { register } from 'tsx/esm/api';

register();
await import('../src/bin.ts');
