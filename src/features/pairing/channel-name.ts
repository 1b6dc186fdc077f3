/** Slack channel names: lowercase letters, digits, hyphens and underscores, at most 80 characters. */
const MAX_LENGTH = 80;

/** "José Ñúñez" → "jose-nunez"; names with no Latin letters fall back to the user ID. */
export function slug(name: string, fallback: string): string {
  const s = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 24)
    .replace(/-+$/, '');
  return s || fallback.toLowerCase();
}

/** A readable channel name for a pair; attempt 0 is the plain name, then "-2", "-3", … */
export function pairChannelName(
  mentor: { name: string; userId: string },
  mentee: { name: string; userId: string },
  attempt: number,
): string {
  const base = `mentorship-${slug(mentor.name, mentor.userId)}-${slug(mentee.name, mentee.userId)}`;
  const suffix = attempt > 0 ? `-${attempt + 1}` : '';
  return base.slice(0, MAX_LENGTH - suffix.length) + suffix;
}
