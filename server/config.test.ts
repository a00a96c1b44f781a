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

describe('survey answers retention', () => {
  it('when FIVESTAR_SURVEY_RETENTION_DAYS is unset, then answers are kept 365 days; a whole number of days is taken', () => {
    expect(readConfig({ DATA_DIR: dataDir }).surveyRetentionDays).toBe(365);
    expect(readConfig({ DATA_DIR: dataDir, FIVESTAR_SURVEY_RETENTION_DAYS: '730' }).surveyRetentionDays).toBe(730);
  });
  it('when it is not a whole number of days from 1 to 9999, then the server refuses to start, naming the setting', () => {
    for (const bad of ['0', '-5', '1.5', 'a year', '10000']) {
      expect(() => readConfig({ DATA_DIR: dataDir, FIVESTAR_SURVEY_RETENTION_DAYS: bad })).toThrow(/FIVESTAR_SURVEY_RETENTION_DAYS/);
    }
  });

  it('when FIVESTAR_KEEP_SESSIONS is unset, then session lookups are kept; 0 turns it off, anything but 0 or 1 is refused', () => {
    expect(readConfig({ DATA_DIR: dataDir }).keepSessions).toBe(true);
    expect(readConfig({ DATA_DIR: dataDir, FIVESTAR_KEEP_SESSIONS: '0' }).keepSessions).toBe(false);
    for (const bad of ['yes', 'off', '2']) expect(() => readConfig({ DATA_DIR: dataDir, FIVESTAR_KEEP_SESSIONS: bad })).toThrow(/FIVESTAR_KEEP_SESSIONS/);
  });
});
