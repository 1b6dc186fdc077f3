import { t, tm } from '../../i18n';
import { channelLink, type Mrkdwn } from '../../slack/mrkdwn';

/**
 * The sentences of "Message the pair" (`staff.message.*`): the modal in the staff member's
 * language, the post in the pair's (message-pair.ts renders it so).
 */
export const messageText = {
  title: () => t('staff.message.title'),
  submit: () => t('staff.message.submit'),
  cancel: () => t('staff.cancel'),
  close: () => t('common.close'),
  intro: (mentor: string, mentee: string) => tm('staff.message.intro', { mentor, mentee }),
  label: () => t('staff.message.label'),
  placeholder: () => t('staff.message.placeholder'),
  /** `mentor`, `mentee`: a mention, or a plain name when it is night or a day off for them. */
  posted: (mentor: Mrkdwn, mentee: Mrkdwn, staffName: string, body: string) =>
    tm('staff.message.posted', { mentor, mentee, staff: staffName, body }),
  sent: (channelId: string) => tm('staff.message.sent', { channel: channelLink(channelId) }),
  empty: () => t('staff.message.empty'),
  noChannel: () => t('staff.message.noChannel'),
  ended: () => t('staff.message.ended'),
  sendFailed: () => t('staff.message.sendFailed'),
};
