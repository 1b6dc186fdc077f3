import type { WebClient } from '@slack/web-api';
import { isValidTimeZone, type Clock } from '../../lib/time';
import { UserFacingError } from '../../slack/errors';
import { fetchSlackUser, type SlackUser } from '../../slack/users';
import { languageOfNewParticipant } from '../../pairs/language';
import { memberIds } from '../../pairs/membership';
import { PairModel, liveKeyFor, type Pair } from '../../pairs/model';
import { byRole, findParticipants, upsertParticipant } from '../../pairs/participants';
import type { Participant } from '../../pairs/participants-model';
import { PairingIds } from './ids';
import { text } from './messages';
import { pairInputSchema, type PairInput } from './schemas';

export interface PairingDeps {
  client: WebClient;
  clock: Clock;
  staff: { userIds: readonly string[]; channelId?: string; inviteToPairChannels: boolean };
  /** The language of staff-channel messages (STAFF_LANGUAGE). */
  staffLanguage: string;
}

export interface NewPairRequest {
  teamId: string;
  createdBy: string;
  /** The Slack view the request came from; a repeated delivery of it returns the same pair. */
  sourceViewId: string;
  input: PairInput;
}

/**
 * Checks the two people with Slack, then stores the pair (before any Slack side effect).
 * Throws UserFacingError with field errors keyed by block_id when the pair cannot be made.
 */
export async function createPair(req: NewPairRequest, deps: PairingDeps): Promise<{ pair: Pair; created: boolean }> {
  const input = pairInputSchema.parse(req.input);
  const existing = await PairModel.findOne({ teamId: req.teamId, sourceViewId: req.sourceViewId }).lean<Pair>();
  if (existing) return { pair: existing, created: false };

  const [mentor, mentee] = await Promise.all([
    fetchSlackUser(deps.client, input.mentor.userId),
    fetchSlackUser(deps.client, input.mentee.userId),
  ]);
  const errors: Record<string, string> = {};
  const mentorProblem = personProblem(mentor);
  const menteeProblem = personProblem(mentee);
  if (mentorProblem) errors[PairingIds.block.mentor] = mentorProblem;
  if (menteeProblem) errors[PairingIds.block.mentee] = menteeProblem;
  const mentorTz = input.mentor.tz || mentor?.tz || '';
  const menteeTz = input.mentee.tz || mentee?.tz || '';
  if (!mentorProblem && !isValidTimeZone(mentorTz)) errors[PairingIds.block.mentorTz] = text.timeZoneNeeded();
  if (!menteeProblem && !isValidTimeZone(menteeTz)) errors[PairingIds.block.menteeTz] = text.timeZoneNeeded();
  if (Object.keys(errors).length > 0) throw new UserFacingError(text.fixTheForm(), errors);

  const liveKey = liveKeyFor(req.teamId, input.mentor.userId, input.mentee.userId);
  if (await PairModel.exists({ liveKey })) {
    throw new UserFacingError(text.fixTheForm(), { [PairingIds.block.mentee]: text.alreadyPaired() });
  }

  const [mentorLanguage, menteeLanguage] = await Promise.all([
    languageOfNewParticipant(req.teamId, mentor!),
    languageOfNewParticipant(req.teamId, mentee!),
  ]);
  await upsertParticipant({
    teamId: req.teamId,
    userId: mentor!.id,
    name: mentor!.name,
    tz: mentorTz,
    country: input.mentor.country,
    language: mentorLanguage,
  });
  await upsertParticipant({
    teamId: req.teamId,
    userId: mentee!.id,
    name: mentee!.name,
    tz: menteeTz,
    country: input.mentee.country,
    language: menteeLanguage,
  });

  try {
    const doc = await PairModel.create({
      teamId: req.teamId,
      mentor: { userId: input.mentor.userId, organisation: input.mentor.organisation, country: input.mentor.country },
      mentee: { userId: input.mentee.userId, organisation: input.mentee.organisation, country: input.mentee.country },
      goals: input.goals,
      cadence: input.cadence,
      startDate: input.startDate,
      endDate: input.endDate,
      localContext: input.localContext,
      language: input.language,
      status: 'setting_up',
      liveKey,
      sourceViewId: req.sourceViewId,
      createdBy: req.createdBy,
    });
    return { pair: doc.toObject() as Pair, created: true };
  } catch (err) {
    if ((err as { code?: number }).code !== 11000) throw err;
    const again = await PairModel.findOne({ teamId: req.teamId, sourceViewId: req.sourceViewId }).lean<Pair>();
    if (again) return { pair: again, created: false };
    throw new UserFacingError(text.fixTheForm(), { [PairingIds.block.mentee]: text.alreadyPaired() });
  }
}

function personProblem(user: SlackUser | null): string | undefined {
  if (!user) return text.unknownUser();
  if (user.isBot) return text.botUser();
  if (user.deleted) return text.deactivatedUser();
  return undefined;
}

export interface PairSummary {
  pair: Pair;
  mentor?: Participant;
  mentee?: Participant;
}

/** Pairs that are not ended, newest first, with their participants. */
export async function listLivePairs(teamId: string, limit = 200): Promise<{ pairs: PairSummary[]; total: number }> {
  const filter = { teamId, status: { $ne: 'ended' as const } };
  const [pairs, total] = await Promise.all([
    PairModel.find(filter).sort({ createdAt: -1 }).limit(limit).lean<Pair[]>(),
    PairModel.countDocuments(filter),
  ]);
  const people = await findParticipants(teamId, pairs.flatMap(memberIds));
  return {
    pairs: pairs.map((pair) => ({ pair, ...byRole(pair, people) })),
    total,
  };
}
