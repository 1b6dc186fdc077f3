import { t, tm } from '../../i18n';
import { channelLink, type Mrkdwn, mention } from '../../slack/mrkdwn';

/**
 * Every sentence of the at-risk alert to staff and of its three buttons, from the catalogues
 * (namespace `nudges.atRisk`), in the language in scope (the staff language for the alert). Names
 * are typed text: `tm` escapes them. Counts choose their plural form through `count`.
 */
export const atRiskText = {
  alertHead: (mentor: string, mentee: string, channelId: string | undefined) =>
    channelId
      ? tm('nudges.atRisk.head', { mentor, mentee, channel: channelLink(channelId) })
      : tm('nudges.atRisk.headNoChannel', { mentor, mentee }),
  neverReplied: () => tm('nudges.atRisk.neverReplied'),
  firstCheckin: (day: Mrkdwn, days: number) => tm('nudges.atRisk.firstCheckin', { day, count: days }),
  silentBoth: (checkins: number) => tm('nudges.atRisk.silentBoth', { count: checkins }),
  silentOne: (role: 'mentor' | 'mentee', name: string, checkins: number) =>
    tm(role === 'mentor' ? 'nudges.atRisk.silentMentor' : 'nudges.atRisk.silentMentee', { name, count: checkins }),
  lastReply: (day: Mrkdwn, days: number) => tm('nudges.atRisk.lastReply', { day, count: days }),
  nudgesSent: (n: number) => (n === 0 ? tm('nudges.atRisk.noNudges') : tm('nudges.atRisk.nudgesSent', { count: n })),
  helps: () => tm('nudges.atRisk.helps'),
  handled: (staffId: string, day: Mrkdwn) => tm('nudges.atRisk.handled', { staff: mention(staffId), day }),
  fallback: (mentor: string, mentee: string) => tm('nudges.atRisk.fallback', { mentor, mentee }),

  statusButton: () => t('nudges.atRisk.statusButton'),
  messageButton: () => t('nudges.atRisk.messageButton'),
  handledButton: () => t('nudges.atRisk.handledButton'),

  noChannel: () => t('nudges.atRisk.noChannel'),
  pairGone: () => t('nudges.atRisk.pairGone'),
};
