#!/usr/bin/env node
// Runs the TypeScript CLI in this process through tsx's loader, so `npx fivestar serve` receives
// signals directly and stops cleanly.
import { register } from 'tsx/esm/api';

register();
await import('../cli/main.ts');
