import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working defaults', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.databaseUrl).toBeUndefined();
    expect(c.publicBaseUrl).toBe('http://localhost:3000');
  });

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x' }, 'DATABASE_URL'],
    [{ PUBLIC_BASE_URL: 'not a url' }, 'PUBLIC_BASE_URL'],
    [{ QOSALQY_DEMO_PASSWORD: 'short' }, 'QOSALQY_DEMO_PASSWORD'],
    [{ QOSALQY_SMTP_URL: 'http://mail.example.kz' }, 'QOSALQY_SMTP_URL'],
    [{ QOSALQY_MAIL_FROM: 'no address' }, 'QOSALQY_MAIL_FROM'],
    [{ QOSALQY_SMS_GATEWAY_URL: 'ftp://sms' }, 'QOSALQY_SMS_GATEWAY_URL'],
  ])('%j → a ConfigError naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    try {
      loadConfig(env);
    } catch (e) {
      expect((e as ConfigError).variable).toBe(variable);
      expect((e as ConfigError).message.split('\n')).toHaveLength(1);
    }
  });

  it('reads the notification transports (R-24); a bad SMTP URL is named without echoing its password', () => {
    const c = loadConfig({
      PUBLIC_BASE_URL: 'https://qosalqy.gov.kz',
      QOSALQY_SMTP_URL: 'smtp://mailer:s3cret@mail.example.kz:587',
      QOSALQY_SMS_GATEWAY_URL: 'https://sms.example.kz/send',
    });
    expect(c.notifications).toEqual({
      smtpUrl: 'smtp://mailer:s3cret@mail.example.kz:587',
      mailFrom: 'Qosalqy <no-reply@qosalqy.gov.kz>',
      smsGatewayUrl: 'https://sms.example.kz/send',
      smsGatewayToken: undefined,
    });
    expect(loadConfig({}).notifications.mailFrom).toBe('Qosalqy <no-reply@qosalqy.local>');
    expect(loadConfig({ QOSALQY_MAIL_FROM: 'ХҚКО <cov@example.kz>' }).notifications.mailFrom).toBe(
      'ХҚКО <cov@example.kz>',
    );
    expect(() => loadConfig({ QOSALQY_SMTP_URL: 'imap://u:s3cret@x' })).toThrow(
      /^QOSALQY_SMTP_URL: (?!.*s3cret)/,
    );
  });
});
