import { listSeparator } from '../../slack/lists';
import { currentLanguage, formatNumber, t, tm } from '../../i18n';
import { channelLink, code, fromCommandText, join, mention } from '../../slack/mrkdwn';
import type { HealthState } from '../health';

/**
 * The sentences every staff command and button shares, from the catalogues (`staff.*`), in the
 * language of the staff member who acts. Names typed on the command line are escaped by `tm`.
 * Replies to commands are strings (`.text`).
 */
export const staffText = {
  statusButton: () => t('staff.buttons.status'),
  messageButton: () => t('staff.buttons.message'),
  pauseButton: () => t('staff.buttons.pause'),
  staffOnly: () => t('staff.staffOnly'),
  pairGone: () => t('staff.pairGone'),

  targetMissing: (usage: string) => tm('staff.target.missing', { usage: code(usage) }).text,
  /** `given` is command text as Slack sends it. */
  notATarget: (given: string, usage: string) =>
    tm('staff.target.notATarget', { given: code(fromCommandText(given).slice(0, 60)), usage: code(usage) }).text,
  notAPairChannel: (channelId: string) => tm('staff.target.notAPairChannel', { channel: channelLink(channelId) }).text,
  noPairFor: (userId: string) => tm('staff.target.noPair', { person: mention(userId) }).text,
  severalPairs: (userId: string, channels: string[]) => {
    const person = mention(userId);
    const list = join(channels.map(channelLink), listSeparator());
    if (channels.length > 1)
      return tm('staff.target.severalListed', {
        person,
        channels: list,
        count: channels.length,
        n: formatNumber(channels.length),
      }).text;
    return channels.length
      ? tm('staff.target.severalOne', { person, channels: list }).text
      : tm('staff.target.several', { person }).text;
  },
};

/** The command lines staff type, shown when one is typed wrong (the words after /mentorship stay English). */
export const usage = {
  status: () => t('staff.usage.status'),
  end: () => t('staff.usage.end'),
  pause: () => t('staff.usage.pause'),
  resume: () => t('staff.usage.resume'),
  reassign: () => t('staff.usage.reassign'),
};

/** How a health state reads for staff ("At risk"), in the reader's language. */
export const healthLabel = (state: HealthState) => t(`staff.health.${state}`);

/** A list of names: "Alice and Karim", "Alice et Karim" (names are data: escaped where shown). */
export const nameList = (names: readonly string[]) =>
  new Intl.ListFormat(currentLanguage(), { type: 'conjunction' }).format(names);
