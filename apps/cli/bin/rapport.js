#!/usr/bin/env node
// Rapport is written in TypeScript and run with tsx's loader: no build step between a
// change and running it. (Node 20 cannot strip types itself.)
import { register } from 'tsx/esm/api';

register();
await import('../src/main.ts');
