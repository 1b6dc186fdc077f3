import { t, tm } from '../../i18n';
import { channelLink, code, type Mrkdwn, mention } from '../../slack/mrkdwn';
import { usage } from './messages';

/** The Slack step of a reassignment that failed: invite the new person, remove the old one, tell the channel. */
export type ReassignStep = 'invite' | 'remove' | 'tell';

/**
 * The sentences of `/mentorship reassign` (`staff.reassign.*`): the answers in the staff member's
 * language, the notice in the pair's (reassign.ts renders it so). One sentence per side, as a
 * side's name may change the words around it.
 */
export const reassignText = {
  usage: () => usage.reassign(),
  badArguments: () => t('staff.reassign.badArguments'),
  unknownPerson: () => t('staff.reassign.unknownPerson'),
  bot: () => t('staff.reassign.bot'),
  deactivated: () => t('staff.reassign.deactivated'),
  /** `role`: the side being changed; the new person already holds the other one. */
  otherSide: (role: string) =>
    role === 'mentor' ? t('staff.reassign.alreadyMentee') : t('staff.reassign.alreadyMentor'),
  alreadyPaired: (userId: string, other: string) =>
    tm('staff.reassign.alreadyPaired', { person: mention(userId), other: mention(other) }).text,
  ended: () => t('staff.reassign.ended'),
  notReady: () => t('staff.reassign.notReady'),
  changedMeanwhile: () => t('staff.reassign.changedMeanwhile'),
  /** In the pair's channel: plain and short. */
  notice: (role: string, newcomer: Mrkdwn, previous: string, other: Mrkdwn) =>
    role === 'mentor'
      ? tm('staff.reassign.noticeMentor', { newcomer, previous, other })
      : tm('staff.reassign.noticeMentee', { newcomer, previous, other }),
  done: (role: string, userId: string, channelId: string | undefined, removed: boolean) => {
    const person = mention(userId);
    const mentor = role === 'mentor';
    if (!channelId) return tm(mentor ? 'staff.reassign.doneMentor' : 'staff.reassign.doneMentee', { person }).text;
    const key = removed
      ? mentor
        ? 'staff.reassign.doneMentorInRemoved'
        : 'staff.reassign.doneMenteeInRemoved'
      : mentor
        ? 'staff.reassign.doneMentorIn'
        : 'staff.reassign.doneMenteeIn';
    return tm(key, { person, channel: channelLink(channelId) }).text;
  },
  slackFailed: (role: string, userId: string, step: ReassignStep, error: string) =>
    tm(`staff.reassign.slackFailed.${step}${role === 'mentor' ? 'Mentor' : 'Mentee'}`, {
      person: mention(userId),
      error: code(error),
    }).text,
};
