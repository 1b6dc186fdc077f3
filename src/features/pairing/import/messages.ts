import { t } from '../../../i18n';
import { LANGUAGE_NAMES, LANGUAGES } from '../../../i18n/languages';
import type { PairStatus } from '../../../pairs/model';
import { text as pairingText } from '../messages';

/**
 * Every sentence the cohort import prints, from the catalogues (namespace `import`), in the
 * language in scope. The import runs in a terminal, so these are plain text, not mrkdwn; reasons
 * start with the file's column name, which stays as the file has it.
 */
export const importText = {
  badPerson: (role: 'mentor' | 'mentee', value: string) =>
    value.trim() === ''
      ? t('import.personRequired', { column: role })
      : t('import.badPerson', { column: role, value: value.slice(0, 60) }),
  extraValues: (n: number) => t('import.extraValues', { count: n }),
  duplicatePair: (firstLine: number) => t('import.duplicatePair', { line: firstLine }),
  badDate: () => t('import.badDate'),
  badCadence: () => t('import.badCadence'),
  badLanguage: (value: string) =>
    t('import.badLanguage', {
      value: value.slice(0, 60),
      choices: LANGUAGES.map((l) => `${l} (${LANGUAGE_NAMES[l]})`).join(', '),
    }),
  // People, as Slack knows them (resolve.ts).
  noAccountForEmail: (role: string, email: string) => t('import.noAccountForEmail', { column: role, email }),
  unknownMember: (role: string, id: string) => t('import.unknownMember', { column: role, id }),
  botAccount: (role: string) => t('import.botAccount', { column: role }),
  deactivated: (role: string) => t('import.deactivated', { column: role }),
  samePerson: () => t('import.samePerson'),
  noTimeZone: (role: 'mentor' | 'mentee') => t(`import.noTimeZone.${role}`),
  alreadyPaired: () => t('import.alreadyPaired'),
  sameResolvedPair: (firstLine: number) => t('import.sameResolvedPair', { line: firstLine }),
  lookupFailed: (role: string, error: string) => t('import.lookupFailed', { column: role, error }),
  // The report.
  badRowsHeading: (n: number, total: number) => t('import.badRowsHeading', { bad: n, count: total }),
  badRowsHowToFix: () => t('import.badRowsHowToFix'),
  fileProblemsHeading: () => t('import.fileProblemsHeading'),
  /** "line 3: …", under a heading (indented by the caller). */
  line: (line: number, text: string) => t('import.line', { line, text }),
  // The file as a whole (parse.ts).
  semicolons: () => t('import.file.semicolons'),
  notCsv: (line: number | string, error: string) => t('import.file.notCsv', { line, error }),
  emptyFile: () => t('import.file.empty'),
  noRows: () => t('import.file.noRows'),
  unknownColumns: (unknown: string[], all: string[]) =>
    t('import.file.unknownColumns', {
      count: unknown.length,
      columns: unknown.map((c) => `"${c}"`).join(', '),
      all: all.join(', '),
    }),
  missingColumns: (missing: string[]) =>
    t('import.file.missingColumns', { count: missing.length, columns: missing.join(', ') }),
  columnTwice: (column: string) => t('import.file.columnTwice', { column }),
  // A dry run, and a real run as it goes (report.ts).
  cadence: (cadence: 'weekly' | 'biweekly') => t(`import.cadence.${cadence}`),
  pairStatus: (status: PairStatus) => pairingText.pairStatus(status),
} as const;
