/** True for a MongoDB ObjectId written as 24 hex characters (button values, private_metadata). */
export function isObjectIdString(value: string): boolean {
  return /^[a-f0-9]{24}$/.test(value);
}
