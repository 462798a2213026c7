import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

const dataDir = () => mkdtempSync(join(tmpdir(), 'twostep-config-'));

function file(text: string): string {
  const path = join(dataDir(), 'rules.json');
  writeFileSync(path, text);
  return path;
}

const withRules = (text: string) =>
  loadConfig({ TWOSTEP_DATA_DIR: dataDir(), TWOSTEP_FORWARD_AUTH_RULES: file(text) });

describe('forward-auth settings', () => {
  it('reads the rules file, host patterns and the shared cookie domain', () => {
    const config = loadConfig({
      TWOSTEP_DATA_DIR: dataDir(),
      TWOSTEP_PUBLIC_URL: 'https://auth.panel.example',
      TWOSTEP_COOKIE_DOMAIN: '.Panel.example',
      TWOSTEP_FORWARD_AUTH_DOMAINS: 'panel.example, *.Panel.example',
      TWOSTEP_FORWARD_AUTH_RULES: file(
        JSON.stringify({
          rules: [
            { host: 'Admin.panel.example', path: '/ops', allow: { roles: ['owner', 'admin'] } },
            { host: '*.panel.example', allow: { anySignedIn: true } },
          ],
        }),
      ),
    });
    expect(config.cookieDomain).toBe('panel.example');
    expect(config.forwardAuth.domains).toEqual(['panel.example', '*.panel.example']);
    expect(config.forwardAuth.rules).toEqual([
      { host: 'admin.panel.example', path: '/ops', allow: { roles: ['owner', 'admin'] } },
      { host: '*.panel.example', path: '/', allow: { anySignedIn: true } },
    ]);
  });

  it('is off by default: no shared cookie, no return hosts, no rules', () => {
    const config = loadConfig({ TWOSTEP_DATA_DIR: dataDir() });
    expect(config.cookieDomain).toBeNull();
    expect(config.forwardAuth).toEqual({ domains: [], rules: [] });
  });

  it('stops the start on a rules file that cannot be read, naming the file and the problem', () => {
    const path = file('{ "rules": [ ');
    expect(() => loadConfig({ TWOSTEP_DATA_DIR: dataDir(), TWOSTEP_FORWARD_AUTH_RULES: path })).toThrow(
      new RegExp(`TWOSTEP_FORWARD_AUTH_RULES \\(${path.replaceAll('/', '\\/')}\\): cannot read it as JSON`),
    );
    expect(() =>
      loadConfig({ TWOSTEP_DATA_DIR: dataDir(), TWOSTEP_FORWARD_AUTH_RULES: '/nonexistent/rules.json' }),
    ).toThrow(/TWOSTEP_FORWARD_AUTH_RULES \(\/nonexistent\/rules.json\)/);
  });

  it.each([
    ['{"rules":[{"host":"panel.example","allow":{}}]}', /rules\.0\.allow: must name organizations, roles/],
    ['{"rules":[{"host":"https://panel.example","allow":{"anySignedIn":true}}]}', /rules\.0\.host/],
    ['{"rules":[{"host":"panel.example","path":"/a/../b","allow":{"anySignedIn":true}}]}', /rules\.0\.path/],
    ['{"rules":[{"host":"panel.example","allow":{"roles":["root"]}}]}', /rules\.0\.allow\.roles/],
    ['{"rules":[{"host":"panel.example","allow":{"anySignedIn":false}}]}', /rules\.0\.allow\.anySignedIn/],
    ['{"rules":[{"host":"panel.example","allow":{"everyone":true}}]}', /rules\.0\.allow/],
    ['[]', /\(file\)|rules/],
  ])('refuses the rules file %s', (text, problem) => {
    expect(() => withRules(text)).toThrow(/TWOSTEP_FORWARD_AUTH_RULES \(.*\) is invalid/);
    expect(() => withRules(text)).toThrow(problem);
  });

  it('refuses a cookie domain the public host is not in, and host patterns that are not hosts', () => {
    expect(() =>
      loadConfig({
        TWOSTEP_DATA_DIR: dataDir(),
        TWOSTEP_PUBLIC_URL: 'https://auth.example.com',
        TWOSTEP_COOKIE_DOMAIN: 'panel.example',
      }),
    ).toThrow(/TWOSTEP_COOKIE_DOMAIN: "panel.example" does not contain the public host auth.example.com/);
    expect(() =>
      loadConfig({
        TWOSTEP_DATA_DIR: dataDir(),
        TWOSTEP_PUBLIC_URL: 'https://authpanel.example',
        TWOSTEP_COOKIE_DOMAIN: 'panel.example',
      }),
    ).toThrow(/TWOSTEP_COOKIE_DOMAIN/);
    expect(() => loadConfig({ TWOSTEP_DATA_DIR: dataDir(), TWOSTEP_COOKIE_DOMAIN: 'a b' })).toThrow(
      /TWOSTEP_COOKIE_DOMAIN: must be a host name/,
    );
    expect(() =>
      loadConfig({ TWOSTEP_DATA_DIR: dataDir(), TWOSTEP_FORWARD_AUTH_DOMAINS: 'panel.example,https://x/' }),
    ).toThrow(/TWOSTEP_FORWARD_AUTH_DOMAINS: "https:\/\/x\/" is not a host name/);
  });
});
