/**
 * Runs before every test file: no network beyond loopback, and no console noise.
 * A test that needs to see console output asserts on an injected logger instead.
 */
import 'reflect-metadata';

const realFetch = globalThis.fetch;
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);
globalThis.fetch = (async (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  if (!LOOPBACK_HOSTS.has(url.hostname)) {
    throw new Error(`test tried to reach ${url.host}: tests may only talk to loopback servers`);
  }
  return realFetch(input, init);
}) as typeof fetch;

const consoleCalls: string[] = [];
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
    consoleCalls.push(`console.${method}: ${args.map(String).join(' ').slice(0, 300)}`);
  });
}
afterEach(() => {
  const calls = consoleCalls.splice(0);
  if (calls.length > 0) throw new Error(`unexpected console output in a test:\n${calls.join('\n')}`);
});
