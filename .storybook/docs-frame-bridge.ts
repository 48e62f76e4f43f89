import {
  GLOBALS_UPDATED,
  STORY_ARGS_UPDATED,
  STORY_RENDERED,
  UPDATE_GLOBALS,
  UPDATE_STORY_ARGS,
} from 'storybook/internal/core-events';
import { addons } from 'storybook/preview-api';

/**
 * A story framed on its Docs page (see `./docs-in-own-frame.ts`) is a preview of its own, which
 * Storybook does not tell when the reader changes a control of the Docs page or the toolbar's
 * theme or locale (storybookjs/storybook#11908). This bridge, run once in every preview, listens
 * to the Docs page's channel from inside the frame and applies those changes to the framed
 * story. Outside such a frame (the Docs page itself, a story in the manager, the Vitest runs) it
 * does nothing.
 */

type Channel = ReturnType<typeof addons.getChannel>;
type Values = Record<string, unknown>;

/** The parts of a preview window the bridge reads: its channel and its preview's stores. */
interface PreviewWindow extends Window {
  __STORYBOOK_ADDONS_CHANNEL__?: Channel;
  __STORYBOOK_PREVIEW__?: {
    storyStoreValue?: {
      userGlobals?: { get(): Values };
      args?: { get(storyId: string): Values };
    };
  };
}

/** The Docs page this preview is framed in, or null (not framed, or not by a Docs page). */
function docsPageWindow(): PreviewWindow | null {
  if (window.parent === window) return null;
  try {
    const parent = window.parent as PreviewWindow;
    return new URLSearchParams(parent.location.search).get('viewMode') === 'docs' ? parent : null;
  } catch {
    // A parent on another origin is not a Docs page of this Storybook.
    return null;
  }
}

/**
 * The entries of `incoming` that differ from `current`. Functions (the actions' spies) are left
 * out: a control never sets one, and the frame keeps its own.
 */
function changed(incoming: Values | undefined, current: Values | undefined): Values | null {
  const entries = Object.entries(incoming ?? {}).filter(
    ([key, value]) =>
      typeof value !== 'function' && JSON.stringify(value) !== JSON.stringify(current?.[key]),
  );
  return entries.length > 0 ? Object.fromEntries(entries) : null;
}

/** A store's value, or nothing when the store has none (it throws for a story it has not met). */
function readOrNothing(read: () => Values | undefined): Values | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Starts applying the Docs page's arg and global changes to this framed story. */
export function bridgeDocsPageToFrame(): void {
  const docsPage = docsPageWindow();
  const docsChannel = docsPage?.__STORYBOOK_ADDONS_CHANNEL__;
  const storyId = new URLSearchParams(window.location.search).get('id');
  if (!docsPage || !docsChannel || !storyId) return;
  const frameChannel = addons.getChannel();
  const frameStore = () => (window as PreviewWindow).__STORYBOOK_PREVIEW__?.storyStoreValue;
  // Handed to this preview's own listeners only: emitted, the request would also reach the Docs
  // page, which re-renders on every globals request and so would reload every frame, again.
  const deliver = (type: string, payload: Values) =>
    frameChannel.listeners(type)?.forEach((listener) => listener(payload));

  const applyArgs = (args: Values | undefined) => {
    const updatedArgs = changed(
      args,
      readOrNothing(() => frameStore()?.args?.get(storyId)),
    );
    if (updatedArgs) deliver(UPDATE_STORY_ARGS, { storyId, updatedArgs });
  };
  docsChannel.on(STORY_ARGS_UPDATED, (event: { storyId: string; args: Values }) => {
    if (event.storyId === storyId) applyArgs(event.args);
  });
  const applyGlobals = (globals: Values | undefined) => {
    const updated = changed(globals, frameStore()?.userGlobals?.get());
    if (updated) deliver(UPDATE_GLOBALS, { globals: updated });
  };
  docsChannel.on(GLOBALS_UPDATED, (event: { globals: Values }) => applyGlobals(event.globals));
  // A frame loads when scrolled to, and reloads when the Docs page re-renders (a new theme or
  // locale): once its story has rendered, it takes what the reader has set so far.
  frameChannel.once(STORY_RENDERED, () => {
    const docsStore = docsPage.__STORYBOOK_PREVIEW__?.storyStoreValue;
    applyArgs(readOrNothing(() => docsStore?.args?.get(storyId)));
    applyGlobals(readOrNothing(() => docsStore?.userGlobals?.get()));
  });
}
