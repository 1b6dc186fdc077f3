import { ONE_MOMENT_CALLBACK_ID } from '../../src/slack/respond';
import type { Harness } from './app-harness';

/**
 * A modal as the person ends up seeing it: a window the app opened at once with "one moment"
 * (openingModal) is waited for until what the app fills it with has replaced it.
 */
export async function filledModal(h: Harness, view: any, timeoutMs = 8000): Promise<any> {
  if (view?.callback_id !== ONE_MOMENT_CALLBACK_ID) return view;
  await h.standIn.waitFor(
    () => h.standIn.views.get(view.id)?.callback_id !== ONE_MOMENT_CALLBACK_ID,
    timeoutMs,
    'the window opened at once to be filled',
  );
  return h.standIn.views.get(view.id);
}

/** The plain text a notice window shows (noticeModal: one section). */
export const noticeOf = (view: any): string | undefined => view?.blocks?.[0]?.text?.text;
