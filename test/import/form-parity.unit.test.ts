import fc from 'fast-check';
import { parsePairForm } from '../../src/features/pairing/form';
import { PairingIds } from '../../src/features/pairing/ids';
import { parseCohortCsv } from '../../src/features/pairing/import/parse';
import { validateRows } from '../../src/features/pairing/import/validate';
import { LIMITS } from '../../src/pairs/limits';

/**
 * The claim of the import: a row is valid exactly when the create-pair form would accept the same
 * values, and then it gives the same pair. Checked on values drawn from valid and invalid ones of
 * each field (people as member IDs, as the form has them).
 */
const B = PairingIds.block;
const long = (n: number) => 'x'.repeat(n);
/** Mostly one of the valid values, sometimes an invalid one, so both answers come up often. */
const pick = (valid: string[], invalid: string[] = []) =>
  invalid.length === 0
    ? fc.constantFrom(...valid)
    : fc.oneof(
        { weight: 9, arbitrary: fc.constantFrom(...valid) },
        { weight: 1, arbitrary: fc.constantFrom(...invalid) },
      );

const goal = fc.oneof(
  { weight: 4, arbitrary: fc.constant(['', ''] as [string, string]) },
  { weight: 5, arbitrary: fc.constant(['Grow membership', '400 members, by June'] as [string, string]) },
  {
    weight: 1,
    arbitrary: fc.constantFrom<[string, string]>(
      ['Grow membership', ''],
      ['', '400 members'],
      [long(LIMITS.goalTitle + 1), 'ok'],
      ['ok', long(LIMITS.goalSuccess + 1)],
    ),
  },
);

const pairValues = fc.record({
  mentor: pick(['U0AAAAAAA1', 'W0BBBBBBB2']),
  mentee: pick(['U0CCCCCCC3'], ['W0BBBBBBB2']),
  mentorOrganisation: pick(['', 'ASAE', '  Chicago "Trade", Association  '], [long(LIMITS.organisation + 1)]),
  mentorCountry: pick(['', 'United States'], [long(LIMITS.country + 1)]),
  mentorTz: pick(['', 'America/New_York'], ['Mars/Olympus']),
  menteeOrganisation: pick(['Dhaka Chamber of Commerce & Industry', long(LIMITS.organisation)], ['']),
  menteeCountry: pick(['Bangladesh'], ['', long(LIMITS.country + 1)]),
  menteeTz: pick(['', 'Asia/Dhaka', ' Africa/Tunis '], ['GMT+6']),
  goals: fc.array(goal, { minLength: 5, maxLength: 5 }),
  cadence: pick(['weekly', 'biweekly'], ['monthly', '']),
  startDate: pick(['2027-01-11'], ['2027-06-30', '2027-02-30', '', '11/01/2027']),
  endDate: pick(['2027-06-30', '2029-12-31'], ['2027-01-11', '2030-06-30', '']),
  localContext: pick(['', 'Ramadan falls in March;\nmeetings are shorter.'], [long(LIMITS.localContext + 1)]),
  language: pick(['', 'en', 'fr', 'ar'], ['klingon']),
});
type Values = typeof pairValues extends fc.Arbitrary<infer T> ? T : never;

function asForm(v: Values) {
  const fields: Record<string, string> = {
    [B.mentor]: v.mentor,
    [B.mentee]: v.mentee,
    [B.mentorOrganisation]: v.mentorOrganisation,
    [B.mentorCountry]: v.mentorCountry,
    [B.mentorTz]: v.mentorTz,
    [B.menteeOrganisation]: v.menteeOrganisation,
    [B.menteeCountry]: v.menteeCountry,
    [B.menteeTz]: v.menteeTz,
    [B.cadence]: v.cadence,
    [B.startDate]: v.startDate,
    [B.endDate]: v.endDate,
    [B.localContext]: v.localContext,
    [B.language]: v.language,
  };
  v.goals.forEach(([title, success], i) => {
    fields[B.goalTitle(i + 1)] = title;
    fields[B.goalSuccess(i + 1)] = success;
  });
  return Object.fromEntries(
    Object.entries(fields).map(([block, value]) => [
      block,
      { [PairingIds.inputAction]: { type: 'plain_text_input', value } },
    ]),
  );
}

function asCsv(v: Values): string {
  const cells: Record<string, string> = {
    mentor: v.mentor,
    mentee: v.mentee,
    mentor_organisation: v.mentorOrganisation,
    mentor_country: v.mentorCountry,
    mentor_timezone: v.mentorTz,
    mentee_organisation: v.menteeOrganisation,
    mentee_country: v.menteeCountry,
    mentee_timezone: v.menteeTz,
    cadence: v.cadence,
    start_date: v.startDate,
    end_date: v.endDate,
    local_context: v.localContext,
    language: v.language,
  };
  v.goals.forEach(([title, success], i) => {
    cells[`goal_${i + 1}`] = title;
    cells[`goal_${i + 1}_success`] = success;
  });
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return `${Object.keys(cells).join(',')}\r\n${Object.values(cells).map(quote).join(',')}\r\n`;
}

test('a row is valid exactly when the form accepts the same values, and gives the same pair', () => {
  let accepted = 0;
  fc.assert(
    fc.property(pairValues, (values) => {
      const form = parsePairForm(asForm(values));
      const parsed = parseCohortCsv(asCsv(values));
      if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
      const { valid, bad } = validateRows(parsed.rows);
      expect({ valid: valid.length === 1, form: form.ok }).toEqual({ valid: form.ok, form: form.ok });
      if (form.ok) {
        accepted += 1;
        expect(valid[0].input).toEqual(form.input);
      } else {
        expect(bad[0].reasons.length).toBeGreaterThan(0);
      }
    }),
    { numRuns: 300, seed: 7 },
  );
  // Both sides of the claim were exercised.
  expect(accepted).toBeGreaterThan(0);
  expect(accepted).toBeLessThan(300);
});
