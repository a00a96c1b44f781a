import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readConfig } from './config.js';

const dataDir = mkdtempSync(path.join(tmpdir(), 'fivestar-config-'));
const secret = 'ab'.repeat(32);

describe('listen address', () => {
  it('when the demo starts without HOST, then it listens on 127.0.0.1 only (its passwords are published)', () => {
    expect(readConfig({ DATA_DIR: dataDir }).host).toBe('127.0.0.1');
  });
  it('when HOST is set, then the demo listens there', () => {
    expect(readConfig({ DATA_DIR: dataDir, HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });
  it('when production starts without HOST, then it listens on all interfaces for its proxy', () => {
    expect(readConfig({ DATA_DIR: dataDir, FIVESTAR_MODE: 'production', FIVESTAR_SECRET: secret }).host).toBe('0.0.0.0');
  });
});
