import { inLanguage, t, tm } from '../../i18n';
import { LANGUAGE_NAMES, LANGUAGES, type Language, parseLanguage } from '../../i18n/languages';
import { chooseLanguage } from '../../pairs/language';
import { PairModel } from '../../pairs/model';
import { message } from '../../slack/blocks';
import type { CommandArgs } from '../../slack/command-router';
import { channelOfToken } from '../../slack/command-router';
import type { AppDeps } from '../../slack/deps';
import { UserFacingError } from '../../slack/errors';
import { channelLink, mention } from '../../slack/mrkdwn';
import { answering } from '../../slack/respond';

const choices = () => LANGUAGES.map((l) => `${l} (${LANGUAGE_NAMES[l]})`).join(', ');

/**
 * `/mentorship language [code]`: shows or changes the language the bot writes to the person in.
 * `/mentorship language #channel <code>` (staff): the pair's common language, for their channel.
 */
export async function handleCommandLanguage(
  { ack, command, respond, client }: CommandArgs,
  rest: string,
  deps: AppDeps,
) {
  await ack();
  await answering(respond, deps.logger, 'command language', async () => {
    const words = rest.trim().split(/\s+/).filter(Boolean);
    const channelId = words[0] ? channelOfToken(words[0]) : undefined;
    if (channelId) {
      const language = parseLanguage(words.slice(1).join(' '));
      if (!(await deps.staff.isStaff(command.user_id))) throw new UserFacingError(t('language.pairStaffOnly'));
      if (!language)
        throw new UserFacingError(t('language.unknown', { given: words.slice(1).join(' '), choices: choices() }));
      const pair = await PairModel.findOneAndUpdate(
        { teamId: command.team_id, 'channel.id': channelId },
        { $set: { language } },
        // The newest pair of the channel, as every channel-to-pair lookup reads it.
        { new: true, sort: { createdAt: -1 } },
      ).lean();
      if (!pair) throw new UserFacingError(t('language.notAPairChannel'));
      await respond({
        response_type: 'ephemeral',
        ...message(tm('language.pairChanged', { channel: channelLink(channelId), language: LANGUAGE_NAMES[language] })),
      });
      // The pair hears it in their new language.
      const note = inLanguage(language, () =>
        message(
          tm('language.pairChangedNote', { staff: mention(command.user_id), language: LANGUAGE_NAMES[language] }),
        ),
      );
      await client.chat.postMessage({ channel: channelId, ...note });
      return;
    }
    if (words.length === 0) {
      await respond({ response_type: 'ephemeral', ...message(tm('language.current', { choices: choices() })) });
      return;
    }
    const language: Language | null = parseLanguage(words.join(' '));
    if (!language) throw new UserFacingError(t('language.unknown', { given: words.join(' '), choices: choices() }));
    await chooseLanguage(command.team_id, command.user_id, language, deps.clock.now().getTime());
    // Their Home tab follows at once.
    deps.refreshHome(command.team_id, [command.user_id]);
    await respond({ response_type: 'ephemeral', ...inLanguage(language, () => message(tm('language.changed'))) });
  });
}
