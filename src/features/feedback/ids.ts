/** Every callback_id, block_id and action_id of the feedback feature. */
export const FeedbackIds = {
  /** "Give feedback" (request DM, reminder, App Home); value: JSON { pairId, point }. */
  giveButton: 'feedback.give',
  /** The feedback form; private_metadata is JSON { pairId, point }. */
  formModal: 'feedback.form_modal',
  /** Every input holds a single element; its action_id is this one. */
  inputAction: 'feedback.input',
  /** The block of a question's answer, and of its visibility choice. */
  questionBlock: (questionId: string) => `feedback.q.${questionId}`,
  visibilityBlock: (questionId: string) => `feedback.v.${questionId}`,
  /** The "this is urgent" checkbox beside a concern. */
  urgentBlock: 'feedback.urgent',
  /** Where form-wide errors (pair gone, not yours) are shown: the first block of every form. */
  formBlock: 'feedback.form',
} as const;

/** Deterministic keys: a job run twice, or a form submitted twice, writes and sends once. */
export const feedbackKeys = {
  request: (pairId: string, userId: string, point: string) => `fbreq:${pairId}:${userId}:${point}`,
  reminder: (pairId: string, userId: string, point: string) => `fbrem:${pairId}:${userId}:${point}`,
  /** A fixed-point answer is one per person and point; an "anytime" answer is one per form (view id). */
  response: (pairId: string, userId: string, point: string, viewId: string) =>
    point === 'anytime' ? `${pairId}:${userId}:anytime:${viewId}` : `${pairId}:${userId}:${point}`,
  shared: (responseId: string) => `fbshared:${responseId}`,
  alert: (responseId: string) => `fbalert:${responseId}`,
  outcome: (responseId: string) => `feedback:${responseId}`,
} as const;
