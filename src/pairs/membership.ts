import type { Pair } from './model';

/**
 * Who is in a pair and in which role: the one place that knows a pair is a mentor and a mentee.
 * Pure functions of the stored pair (no database).
 */
export type Role = 'mentor' | 'mentee';
export type PairMembers = Pick<Pair, 'mentor' | 'mentee'>;

/** The pair's two people, mentor first. */
export function memberIds(pair: PairMembers): [string, string] {
  return [pair.mentor.userId, pair.mentee.userId];
}

/** True when `userId` is the pair's mentor or mentee (staff are not members). */
export function isMember(pair: PairMembers, userId: string): boolean {
  return pair.mentor.userId === userId || pair.mentee.userId === userId;
}

/** The person's role in the pair; undefined for anyone else. */
export function roleOf(pair: PairMembers, userId: string): Role | undefined {
  if (pair.mentor.userId === userId) return 'mentor';
  if (pair.mentee.userId === userId) return 'mentee';
  return undefined;
}

/**
 * True when `viewerId` is the partner of `authorId` in this pair: a staff member who also mentors
 * or is mentored. What their partner marked "staff only" is hidden from them on every staff read.
 */
export function isPartnerIn(pair: PairMembers, viewerId: string, authorId: string): boolean {
  return viewerId !== authorId && isMember(pair, viewerId) && isMember(pair, authorId);
}

/** The other member: the mentee for the mentor, else the mentor. */
export function partnerOf(pair: PairMembers, userId: string): string {
  return userId === pair.mentor.userId ? pair.mentee.userId : pair.mentor.userId;
}

/** The members other than `userId`: the partner for a member, both for anyone else (staff acting). */
export function othersThan(pair: PairMembers, userId: string): string[] {
  return memberIds(pair).filter((id) => id !== userId);
}
