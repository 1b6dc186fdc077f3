import type { Button } from '@slack/types';
import { CheckinIds } from './ids';

/** The "Reply to check-in" button (opens the answer modal), for messages outside the prompt such as a nudge. */
export function checkinReplyButton(checkinId: string, label: string): Button {
  return {
    type: 'button',
    action_id: CheckinIds.replyButton,
    style: 'primary',
    text: { type: 'plain_text', text: label },
    value: checkinId,
  };
}
