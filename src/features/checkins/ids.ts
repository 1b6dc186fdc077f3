/** Every callback_id, block_id and action_id of the check-ins feature. */
export const CheckinIds = {
  replyButton: 'checkins.reply_button',
  /** One-tap answers beside "Answer": recorded as the person's reply, no form. */
  didNotMeetButton: 'checkins.did_not_meet_button',
  skipButton: 'checkins.skip_button',
  /** Inside the answer modal: one more next-step row (views.update). */
  addNextStepButton: 'checkins.add_next_step',
  replyModal: 'checkins.reply_modal',
  inputAction: 'checkins.input',
  block: {
    met: 'checkins.met',
    goalStatus: (n: number) => `checkins.goal_${n}_status`,
    goalNote: (n: number) => `checkins.goal_${n}_note`,
    worked: 'checkins.worked',
    didNotWork: 'checkins.did_not_work',
    adaptation: 'checkins.adaptation',
    commitmentWhat: (n: number) => `checkins.commitment_${n}_what`,
    commitmentWho: (n: number) => `checkins.commitment_${n}_who`,
    commitmentBy: (n: number) => `checkins.commitment_${n}_by`,
    blockers: 'checkins.blockers',
    staffNote: 'checkins.staff_note',
    addNextStep: 'checkins.add_next_step_actions',
    promptActions: 'checkins.prompt_actions',
  },
} as const;
