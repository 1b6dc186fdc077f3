import { inLanguage } from '../../src/i18n';
import { text } from '../../src/features/pairing/messages';

/** `/mentorship help` is in the reader's language, and lists the language commands. */
describe('the help of /mentorship', () => {
  test('in Arabic: an Arabic title, and both language commands (for oneself and, for staff, a pair)', () => {
    const help = inLanguage('ar', () => text.usage());
    expect(help.split('\n')[0]).toBe('*بوت الإرشاد* — طريقة استخدام `/mentorship`:');
    expect(help).toContain('• `/mentorship language [الرمز]` — اللغة التي أكتب إليك بها (en, fr, es, ar, ru)');
    expect(help).toContain('• `/mentorship language #قناة <الرمز>` — اللغة المشتركة للثنائي: لغة رسائلي في قناته');
    expect(help).not.toMatch(/how to use|this message/);
  });

  test('in English by default, the language lines among the others', () => {
    const help = text.usage();
    expect(help).toContain('• `/mentorship language [code]` — the language I write to you in (en, fr, es, ar, ru)');
    expect(help).toContain('• `/mentorship language #channel <code>` — a pair’s common language');
    expect(help.indexOf('/mentorship language [code]')).toBeLessThan(help.indexOf('*For program staff:*'));
    expect(help.indexOf('/mentorship language #channel')).toBeGreaterThan(help.indexOf('*For program staff:*'));
  });
});
