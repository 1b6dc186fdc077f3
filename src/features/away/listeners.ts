import type { CommandArgs, Subcommand } from '../../slack/command-router';
import { message } from '../../slack/blocks';
import { slackDay } from '../../slack/dates';
import type { AppDeps } from '../../slack/deps';
import { UserFacingError } from '../../slack/errors';
import { mention } from '../../slack/mrkdwn';
import { answering } from '../../slack/respond';
import { text } from './messages';
import { awayPerson, cancelAway, currentOrNext, readAwayArgs, setAway, tellPartners, todayOf } from './service';

const PERSON = /^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$/;

/**
 * `/mentorship away [<dates> [reason] | cancel]`, and for staff `/mentorship away @person …`:
 * the person's time away (no prompts, nudges, reminders or feedback requests addressed to them).
 */
export async function handleCommandAway({ ack, command, respond }: CommandArgs, rest: string, deps: AppDeps) {
  await ack();
  await answering(respond, deps.logger, 'command away', async () => {
    const teamId = command.team_id;
    let words = rest.trim();
    let userId = command.user_id;
    const named = PERSON.exec(words.split(/\s+/)[0] ?? '');
    if (named) {
      // Checked on the server every time: the command text is anyone's to write.
      if (!(await deps.staff.isStaff(command.user_id))) throw new UserFacingError(text.staffOnly());
      userId = named[1];
      words = words.slice(named[0].length).trim();
    }
    const self = userId === command.user_id;
    const who = self ? undefined : mention(userId);
    const person = await awayPerson(teamId, userId, self);
    const now = deps.clock.now();
    const today = todayOf(person, now);
    const say = (m: Parameters<typeof message>[0]) => respond({ response_type: 'ephemeral', ...message(m) });

    if (!words) {
      const span = currentOrNext(person, today);
      if (!span) return void (await say(text.noAway()));
      const [from, until] = [slackDay(span.from), slackDay(span.until)];
      return void (await say(
        span.from <= today ? text.awayNow(from, until, span.reason) : text.awayNext(from, until, span.reason),
      ));
    }
    if (words.toLowerCase() === 'cancel') {
      const done = await cancelAway(person, now);
      deps.refreshHome(teamId, [userId]);
      return void (await say(done ? text.cancelled(who) : text.nothingToCancel()));
    }
    const req = readAwayArgs(words, today);
    const outcome = await setAway(person, req, command.user_id, now);
    const [from, until] = [slackDay(req.from), slackDay(req.until)];
    if (outcome.status === 'same') return void (await say(text.sameAlready(from, until)));
    await tellPartners(person, outcome.span, deps, now);
    deps.refreshHome(teamId, [userId]);
    await say(text.awaySet(who, from, until, req.reason));
  });
}

/** The subcommands of `/mentorship` this feature answers. */
export const awaySubcommands: Subcommand[] = [{ name: 'away', handle: handleCommandAway }];
