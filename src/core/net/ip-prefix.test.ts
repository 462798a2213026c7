import { expect, it } from 'vitest';
import { ipPrefix } from './ip-prefix.js';

it.each([
  ['203.0.113.7', '203.0.113.7'],
  ['::ffff:203.0.113.7', '203.0.113.7'],
  ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
  ['2001:db8:1:2::9', '2001:db8:1:2::/64'],
  ['2001:0db8:0001:0002:ffff::1', '2001:db8:1:2::/64'],
  ['::1', '0:0:0:0::/64'],
  ['not an ip', 'unknown'],
])('%s → %s', (ip, prefix) => {
  expect(ipPrefix(ip)).toBe(prefix);
});
