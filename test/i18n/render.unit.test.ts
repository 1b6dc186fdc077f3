import { currentLanguage, inLanguage, t, tm } from '../../src/i18n';
import { parseLanguage } from '../../src/i18n/languages';
import { mention } from '../../src/slack/mrkdwn';

describe('rendering a sentence in the reader language', () => {
  it('answers in the language in scope, English outside any', () => {
    expect(t('common.close')).toBe('Close');
    expect(inLanguage('fr', () => t('common.close'))).toBe('Fermer');
    expect(inLanguage('ar', () => t('common.close'))).toBe('إغلاق');
    expect(inLanguage('ru-RU', () => currentLanguage())).toBe('ru');
    expect(inLanguage('de', () => t('common.close'))).toBe('Close');
  });

  it('keeps the language across awaits', async () => {
    const seen = await inLanguage('es', async () => {
      await new Promise((r) => setTimeout(r, 5));
      return t('common.close');
    });
    expect(seen).toBe('Cerrar');
  });

  it('reads a typed language or a Slack locale', () => {
    expect(parseLanguage('FR')).toBe('fr');
    expect(parseLanguage('es-419')).toBe('es');
    expect(parseLanguage('Русский')).toBe('ru');
    expect(parseLanguage('arabic')).toBe('ar');
    expect(parseLanguage('de-DE')).toBeNull();
    expect(parseLanguage('')).toBeNull();
  });

  it('escapes typed text in mrkdwn, and lets the app own markup through', () => {
    expect(mention('U123').text).toBe('<@U123>');
    expect(tm('common.noticeTitle').text).toBe('Mentorship');
  });
});
