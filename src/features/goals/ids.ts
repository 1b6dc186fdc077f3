/** Every callback_id, block_id and action_id of the goals feature. */
export const GoalIds = {
  /** Per-goal buttons; their value is "<pairId>:<goalId>" (read again and checked on the server). */
  updateButton: 'goals.update',
  closeButton: 'goals.close',
  editButton: 'goals.edit',
  /** "Add a goal"; its value is the pair id. */
  addButton: 'goals.add',
  /** Modals; private_metadata is JSON { pairId, goalId? } (checked again on submit). */
  addModal: 'goals.add_modal',
  editModal: 'goals.edit_modal',
  updateModal: 'goals.update_modal',
  closeModal: 'goals.close_modal',
  /** Every modal input has a single element; its action_id is this one. */
  inputAction: 'goals.input',
  block: {
    title: 'goals.title',
    success: 'goals.success',
    status: 'goals.status',
    note: 'goals.note',
    milestoneTitle: (n: number) => `goals.milestone_${n}_title`,
    milestoneDue: (n: number) => `goals.milestone_${n}_due`,
    milestoneDone: (n: number) => `goals.milestone_${n}_done`,
    closeStatus: 'goals.close_status',
    closeWhat: 'goals.close_what',
    outcomeRecord: 'goals.outcome_record',
    outcomeStory: 'goals.outcome_story',
    outcomeBeneficiaries: 'goals.outcome_beneficiaries',
    outcomeFigure: 'goals.outcome_figure',
    outcomeQuote: 'goals.outcome_quote',
  },
} as const;

/** A per-goal button's value. */
export const goalButtonValue = (pairId: string, goalId: string) => `${pairId}:${goalId}`;

/** The pair and goal a per-goal button names ('' for anything else: read as gone). */
export function readGoalButtonValue(value: string | undefined): { pairId: string; goalId: string } {
  const [pairId = '', goalId = '', ...rest] = (value ?? '').split(':');
  return rest.length ? { pairId: '', goalId: '' } : { pairId, goalId };
}

/** A goals modal's private_metadata. */
export const goalModalMetadata = (pairId: string, goalId?: string) =>
  JSON.stringify(goalId ? { pairId, goalId } : { pairId });

/** The pair and goal a goals modal names; '' for anything else, so a forged one reads as gone. */
export function readGoalModalMetadata(raw: string | undefined): { pairId: string; goalId: string } {
  try {
    const parsed = JSON.parse(raw || '{}') as { pairId?: unknown; goalId?: unknown } | null;
    return {
      pairId: typeof parsed?.pairId === 'string' ? parsed.pairId : '',
      goalId: typeof parsed?.goalId === 'string' ? parsed.goalId : '',
    };
  } catch {
    return { pairId: '', goalId: '' };
  }
}
