import { ConfigError, loadConfig } from '../../src/config';

const VALID = {
  SLACK_BOT_TOKEN: 'xoxb-valid-token',
  SLACK_SIGNING_SECRET: 'signing-secret-123',
  STAFF_USER_IDS: 'U012ABCDEF, U0STAFF002 ,,',
  PORT: '8080',
  INVITE_STAFF_TO_PAIR_CHANNELS: 'yes',
};

/** The problems loadConfig reports for `env` (fails the test if it does not throw ConfigError). */
function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected loadConfig to throw');
}

describe('loadConfig', () => {
  it('turns a valid environment into typed values', () => {
    const config = loadConfig(VALID);
    expect(config.port).toBe(8080);
    expect(config.staff.userIds).toEqual(['U012ABCDEF', 'U0STAFF002']);
    expect(config.staff.inviteToPairChannels).toBe(true);
    expect(config.staff.channelId).toBeUndefined();
    expect(config.slack).toEqual({
      botToken: 'xoxb-valid-token',
      signingSecret: 'signing-secret-123',
      appToken: undefined,
      apiUrl: undefined,
    });
    expect(config.mongodbUri).toBeUndefined();
    expect(config.dataDir).toBe('./data');
    expect(config.logLevel).toBe('info');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses defaults for empty optional values', () => {
    const config = loadConfig({
      ...VALID,
      PORT: '',
      INVITE_STAFF_TO_PAIR_CHANNELS: '',
      LOG_LEVEL: '',
      MONGODB_URI: '',
    });
    expect(config.port).toBe(3000);
    expect(config.staff.inviteToPairChannels).toBe(false);
    expect(config.logLevel).toBe('info');
    expect(config.mongodbUri).toBeUndefined();
  });

  it.each([
    ['true', true],
    ['1', true],
    ['yes', true],
    ['false', false],
    ['0', false],
    ['no', false],
  ])('reads INVITE_STAFF_TO_PAIR_CHANNELS=%s as %s', (value, expected) => {
    expect(loadConfig({ ...VALID, INVITE_STAFF_TO_PAIR_CHANNELS: value }).staff.inviteToPairChannels).toBe(expected);
  });

  it('runs the scheduler in-process unless SCHEDULER_ENABLED=false', () => {
    expect(loadConfig(VALID).schedulerEnabled).toBe(true);
    expect(loadConfig({ ...VALID, SCHEDULER_ENABLED: 'false' }).schedulerEnabled).toBe(false);
    expect(() => loadConfig({ ...VALID, SCHEDULER_ENABLED: 'sometimes' })).toThrow(/SCHEDULER_ENABLED/);
  });

  it('accepts a staff channel instead of staff users', () => {
    const config = loadConfig({ ...VALID, STAFF_USER_IDS: '', STAFF_CHANNEL_ID: 'G0STAFFCH1' });
    expect(config.staff.userIds).toEqual([]);
    expect(config.staff.channelId).toBe('G0STAFFCH1');
  });

  it('lists one line per problem', () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: 'xoxp-user-token', PORT: 'seventy' });
    expect(problems).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN .*xoxb-/),
      expect.stringMatching(/^PORT /),
      expect.stringMatching(/^SLACK_SIGNING_SECRET .*SLACK_APP_TOKEN/),
      expect.stringMatching(/^STAFF_USER_IDS .*STAFF_CHANNEL_ID/),
    ]);
    // Values never end up in the messages.
    expect(problems.join('\n')).not.toMatch(/xoxp-user-token|seventy/);
  });

  it('reports a bad staff channel id alongside other problems', () => {
    const problems = problemsOf({ SLACK_BOT_TOKEN: 'xoxp-user-token', STAFF_CHANNEL_ID: 'general' });
    expect(problems).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN .*xoxb-/),
      expect.stringMatching(/^STAFF_CHANNEL_ID .*channel ID/),
      expect.stringMatching(/^SLACK_SIGNING_SECRET /),
    ]);
  });

  it('reports a port that is not a number', () => {
    expect(problemsOf({ ...VALID, PORT: 'eighty' })).toEqual(['PORT must be a port number']);
    expect(problemsOf({ ...VALID, PORT: '80.5' })).toEqual(['PORT must be a whole number']);
  });

  it('reports the problems in the error message, one per line', () => {
    expect(() =>
      loadConfig({ SLACK_BOT_TOKEN: 'nope', SLACK_SIGNING_SECRET: 'signing-secret-123', STAFF_USER_IDS: 'U012ABCDEF' }),
    ).toThrow(/Invalid configuration:\n {2}- SLACK_BOT_TOKEN must start with xoxb-/);
  });

  it('reports a missing bot token', () => {
    const { SLACK_BOT_TOKEN: _omitted, ...env } = VALID;
    expect(problemsOf(env)).toEqual([expect.stringMatching(/^SLACK_BOT_TOKEN is required/)]);
  });

  it('reports a port out of range and a bad staff user id', () => {
    const problems = problemsOf({ ...VALID, PORT: '70000', STAFF_USER_IDS: 'alice' });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^PORT /);
    expect(problems[1]).toMatch(/^STAFF_USER_IDS\.0 .*Slack user IDs/);
  });

  it('makes the signing secret optional when SLACK_APP_TOKEN is set (Socket Mode)', () => {
    const { SLACK_SIGNING_SECRET: _omitted, ...env } = VALID;
    const config = loadConfig({ ...env, SLACK_APP_TOKEN: 'xapp-1-A0-123-abc' });
    expect(config.slack.appToken).toBe('xapp-1-A0-123-abc');
    expect(config.slack.signingSecret).toBeUndefined();
  });

  it('reports an app token without the xapp- prefix', () => {
    const { SLACK_SIGNING_SECRET: _omitted, ...env } = VALID;
    const problems = problemsOf({ ...env, SLACK_APP_TOKEN: 'xoxb-wrong-kind' });
    expect(problems).toContainEqual(expect.stringMatching(/^SLACK_APP_TOKEN must start with xapp-/));
  });

  it('reads STAFF_LANGUAGE (the staff channel’s language), English by default, and refuses one the bot does not speak', () => {
    expect(loadConfig(VALID).staffLanguage).toBe('en');
    expect(loadConfig({ ...VALID, STAFF_LANGUAGE: '' }).staffLanguage).toBe('en');
    expect(loadConfig({ ...VALID, STAFF_LANGUAGE: 'ru' }).staffLanguage).toBe('ru');
    expect(loadConfig({ ...VALID, STAFF_LANGUAGE: ' FR ' }).staffLanguage).toBe('fr');
    expect(problemsOf({ ...VALID, STAFF_LANGUAGE: 'de' })).toEqual([
      "STAFF_LANGUAGE must be one of the bot's languages: en, fr, es, ar, ru",
    ]);
  });
});
