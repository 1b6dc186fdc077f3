/**
 * Every sentence the cohort import prints, in one place. The import runs in a terminal, so these
 * are plain text, not mrkdwn; reasons start with the file's column name.
 */
export const importText = {
  badPerson: (role: 'mentor' | 'mentee', value: string) =>
    value.trim() === ''
      ? `${role}: required (an email address or a Slack member ID such as U012ABCDEF)`
      : `${role}: "${value.slice(0, 60)}" is neither an email address nor a Slack member ID (U… or W…)`,
  extraValues: (n: number) =>
    `the row has ${n} value${n > 1 ? 's' : ''} more than the header has columns (a comma inside a value needs "quotes")`,
  duplicatePair: (firstLine: number) => `the same pair as line ${firstLine} (each pair once per file)`,
  badDate: () => 'write the date as YYYY-MM-DD, such as 2027-01-15',
  badCadence: () => 'write weekly or biweekly',
  // People, as Slack knows them (resolve.ts).
  noAccountForEmail: (role: string, email: string) => `${role}: no active Slack account has the email ${email}`,
  unknownMember: (role: string, id: string) => `${role}: Slack does not know the member ID ${id}`,
  botAccount: (role: string) => `${role}: this is a bot or an app, not a person`,
  deactivated: (role: string) => `${role}: this Slack account is deactivated`,
  samePerson: () => 'mentee: the mentor and the mentee are the same Slack account',
  noTimeZone: (role: string) =>
    `${role}_timezone: the ${role}'s Slack profile has no time zone; write one, such as Africa/Tunis`,
  alreadyPaired: () => 'these two people already have an active mentorship that this file did not create',
  sameResolvedPair: (firstLine: number) => `the same two people as line ${firstLine} (each pair once per file)`,
  lookupFailed: (role: string, error: string) => `${role}: Slack could not be asked about this person (${error})`,
  // The report.
  badRowsHeading: (n: number, total: number) =>
    `${n} of ${total} row${total > 1 ? 's' : ''} cannot be imported. Nothing was created.`,
  badRowsHowToFix: () =>
    'Fix these lines in the file (line 1 is the header) and run the import again; --dry-run checks a file without creating anything.',
  fileProblemsHeading: () => 'The file cannot be read. Nothing was created.',
} as const;
