import { CommitmentModel, type Commitment } from './model';

/** Every commitment of the team (the staff export), in one query. */
export async function commitmentsOfTeam(teamId: string): Promise<Commitment[]> {
  return CommitmentModel.find({ teamId }).sort({ pairId: 1, dueDay: 1 }).lean<Commitment[]>();
}
