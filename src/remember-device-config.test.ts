import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const env = (days?: string) => ({
  TWOSTEP_DATA_DIR: mkdtempSync(join(tmpdir(), 'twostep-remember-')),
  ...(days === undefined ? {} : { TWOSTEP_REMEMBER_DEVICE_DAYS: days }),
});

describe('TWOSTEP_REMEMBER_DEVICE_DAYS', () => {
  it('is 30 days unless set; 0 turns the offer off', () => {
    expect(loadConfig(env()).rememberDeviceDays).toBe(30);
    expect(loadConfig(env('0')).rememberDeviceDays).toBe(0);
    expect(loadConfig(env('90')).rememberDeviceDays).toBe(90);
  });

  it.each(['-1', '1.5', 'thirty', '366'])('refuses %s, naming the variable', (days) => {
    expect(() => loadConfig(env(days))).toThrow(/TWOSTEP_REMEMBER_DEVICE_DAYS/);
  });
});
