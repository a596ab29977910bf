import * as z from 'zod/mini';

/**
 * Keeps open tabs of the app in step: a tab that changed the saved data (imported, replaced, deleted or
 * restored a dataset, saved a column mapping) says so on a BroadcastChannel, and the other tabs read the
 * store again. Without it a second tab did not see an import, let a second dataset take a name already
 * used, and showed a deleted dataset's internal id. Messages are checked like any input from outside.
 * Where BroadcastChannel is missing, tabs simply stay as they were (a reload shows the changes).
 */

const CHANNEL = 'marsad-data';

const TabMessageSchema = z.object({ type: z.literal('data-changed'), tab: z.string().check(z.maxLength(100)) });

export type TabSync = {
  /** Tells the other tabs that the saved data changed. */
  readonly announce: () => void;
  /** Stops listening. */
  readonly close: () => void;
};

/** Opens the channel; `onOtherTabChange` runs when another tab changed the saved data. */
export function openTabSync(onOtherTabChange: () => void, channelName = CHANNEL): TabSync {
  const Channel = globalThis.BroadcastChannel as typeof BroadcastChannel | undefined;
  if (Channel === undefined) return { announce: () => undefined, close: () => undefined };
  const tab = Math.random().toString(36).slice(2, 12);
  const channel = new Channel(channelName);
  channel.onmessage = (event: MessageEvent) => {
    const message = TabMessageSchema.safeParse(event.data);
    if (message.success && message.data.tab !== tab) onOtherTabChange();
  };
  return {
    announce: () => channel.postMessage({ type: 'data-changed', tab }),
    close: () => channel.close(),
  };
}
