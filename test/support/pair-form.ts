import { PairingIds } from '../../src/features/pairing/ids';
import { PEOPLE } from './app-harness';
import { inputValues } from './slack-driver';

const B = PairingIds.block;
const A = PairingIds.inputAction;

export interface PairFormOverrides {
  mentor?: string;
  mentee?: string;
  menteeOrganisation?: string;
  menteeCountry?: string;
  mentorCountry?: string;
  mentorTz?: string;
  menteeTz?: string;
  goals?: Array<[string, string]>;
  cadence?: string;
  startDate?: string;
  endDate?: string;
  localContext?: string;
  /** The pair's common language (a code); English, the select's initial option, by default. */
  language?: string;
}

/**
 * The default pair's countries: names no holiday calendar matches, so the default pair keeps a
 * Monday–Friday week without public holidays, as the tests written before issue 9 assume. Tests
 * of local context give a real country (`menteeCountry: 'Tunisia'`, `mentorCountry: 'United States'`).
 */
export const DEFAULT_MENTEE_COUNTRY = 'Bangladesh (test: no calendar)';
export const DEFAULT_MENTOR_COUNTRY = 'United States (test: no calendar)';

/** The create-pair modal's state.values, as Slack sends them, for a valid pair unless overridden. */
export function pairFormValues(o: PairFormOverrides = {}) {
  const goals = o.goals ?? [['Halve the central-bank fee', 'The fee for member MFIs drops from 2% to 1%']];
  const fields: Parameters<typeof inputValues>[0] = {
    [B.mentor]: { actionId: A, type: 'users_select', value: o.mentor ?? PEOPLE.mentor.id },
    [B.mentorOrganisation]: { actionId: A, type: 'plain_text_input', value: 'ASAE' },
    [B.mentorCountry]: { actionId: A, type: 'plain_text_input', value: o.mentorCountry ?? DEFAULT_MENTOR_COUNTRY },
    [B.mentorTz]: { actionId: A, type: 'plain_text_input', value: o.mentorTz ?? '' },
    [B.mentee]: { actionId: A, type: 'users_select', value: o.mentee ?? PEOPLE.mentee.id },
    [B.menteeOrganisation]: {
      actionId: A,
      type: 'plain_text_input',
      value: o.menteeOrganisation ?? 'Microfinance Association of Bangladesh',
    },
    [B.menteeCountry]: { actionId: A, type: 'plain_text_input', value: o.menteeCountry ?? DEFAULT_MENTEE_COUNTRY },
    [B.menteeTz]: { actionId: A, type: 'plain_text_input', value: o.menteeTz ?? '' },
    [B.cadence]: { actionId: A, type: 'static_select', value: o.cadence ?? 'weekly' },
    [B.startDate]: { actionId: A, type: 'datepicker', value: o.startDate ?? '2026-12-01' },
    [B.endDate]: { actionId: A, type: 'datepicker', value: o.endDate ?? '2027-05-31' },
    [B.localContext]: { actionId: A, type: 'plain_text_input', value: o.localContext ?? '' },
    [B.language]: { actionId: A, type: 'static_select', value: o.language ?? 'en' },
  };
  for (let n = 1; n <= 5; n++) {
    const [title, success] = goals[n - 1] ?? ['', ''];
    fields[B.goalTitle(n)] = { actionId: A, type: 'plain_text_input', value: title };
    fields[B.goalSuccess(n)] = { actionId: A, type: 'plain_text_input', value: success };
  }
  return inputValues(fields);
}
