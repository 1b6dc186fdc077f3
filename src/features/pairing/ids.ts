/** Every callback_id, block_id and action_id of the pairing feature. */
export const PairingIds = {
  createModal: 'pairing.create_modal',
  retrySetupButton: 'pairing.retry_setup',
  block: {
    mentor: 'pairing.mentor',
    mentee: 'pairing.mentee',
    menteeOrganisation: 'pairing.mentee_organisation',
    menteeCountry: 'pairing.mentee_country',
    mentorOrganisation: 'pairing.mentor_organisation',
    mentorCountry: 'pairing.mentor_country',
    mentorTz: 'pairing.mentor_tz',
    menteeTz: 'pairing.mentee_tz',
    goalTitle: (n: number) => `pairing.goal_${n}_title`,
    goalSuccess: (n: number) => `pairing.goal_${n}_success`,
    cadence: 'pairing.cadence',
    startDate: 'pairing.start_date',
    endDate: 'pairing.end_date',
    localContext: 'pairing.local_context',
    language: 'pairing.language',
  },
  /** Every input has a single element; its action_id is this one. */
  inputAction: 'pairing.input',
} as const;

/** The source of a pair made by `npm run import` (then a hash of the team and the two people). */
export const IMPORT_SOURCE_PREFIX = 'import:';
