import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('fills defaults for the embedded mode', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ PORT: 3000, RUN_MIGRATIONS: true, PUBLIC_URL: 'http://localhost:3000' });
    expect(config.DATABASE_URL).toBeUndefined();
  });

  it('names every bad variable', () => {
    expect(() => loadConfig({ PORT: 'abc', DATABASE_URL: 'not a url', SMTP_URL: 'x' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'not a url' });
    } catch (err) {
      expect((err as Error).message).toMatch(/PORT/);
      expect((err as Error).message).toMatch(/DATABASE_URL/);
    }
  });

  it('takes TRUST_PROXY as a hop count or a list of proxy addresses, and refuses to trust every hop', () => {
    expect(loadConfig({}).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).TRUST_PROXY).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.2, 10.1.0.0/16,::1' }).TRUST_PROXY).toEqual(['10.0.0.2', '10.1.0.0/16', '::1']);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY: true would trust every hop/);
    for (const bad of ['0', '11', 'yes', '10.0.0.300', '10.0.0.0/33', 'proxy.example']) {
      expect(() => loadConfig({ TRUST_PROXY: bad })).toThrow(/TRUST_PROXY/);
    }
  });

  it('validates the body timeouts', () => {
    expect(loadConfig({})).toMatchObject({ BODY_IDLE_TIMEOUT_MS: 30_000, BODY_TIMEOUT_MS: 60_000, UPLOAD_TIMEOUT_MS: 900_000 });
    expect(() => loadConfig({ BODY_IDLE_TIMEOUT_MS: '5' })).toThrow(/BODY_IDLE_TIMEOUT_MS/);
  });
});
