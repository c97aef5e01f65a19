/**
 * Debian's Chromium as the browser tests and the bench drive it: its own
 * path (a test tool's browser download cannot work here) and the flags
 * without which it reaches for the network at start.
 */
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
