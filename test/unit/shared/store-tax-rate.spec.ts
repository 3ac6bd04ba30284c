import { ConfigError, loadConfig } from '../../../src/shared/config/app-config';

describe('STORE_TAX_RATE_BP', () => {
  it('is read as whole basis points, 0 by default', () => {
    expect(loadConfig({}).store.taxRateBp).toBe(0);
    expect(loadConfig({ STORE_TAX_RATE_BP: '825' }).store.taxRateBp).toBe(825);
  });

  it.each(['-1', '10001', '8.25', 'eight'])('refuses %s at start', (rate) => {
    expect(() => loadConfig({ STORE_TAX_RATE_BP: rate })).toThrow(ConfigError);
    expect(() => loadConfig({ STORE_TAX_RATE_BP: rate })).toThrow(/STORE_TAX_RATE_BP/);
  });
});
