/**
 * `parameters.docs.story` for the stories of a component that opens a modal dialog: on its Docs
 * page each story renders in a frame of its own (`iframe.html?viewMode=story`) instead of inline.
 * Use it as `parameters: { docs: { story: docsStoryInOwnFrame('600px') } }`, with `docs` written
 * out: Storybook's CSF plugin writes the meta's description into `parameters.docs` and replaces a
 * `parameters` or `docs` that is not an object literal (the frame setting would be lost).
 *
 * Why a frame and not inline: inline, every story of the page shares one document, so
 * - each dialog goes to a portal on the Docs page's `<body>`, outside its story's box, and all of
 *   them are open at once over the page while the boxes stay empty;
 * - each story's loader points the one MSW worker of that document at its own handlers, the last
 *   story's win, and the others read the wrong backend (a story that holds `/providers` forever
 *   leaves every dialog on "Loading the provider’s fields…").
 * In its own frame a story has its own document, its own overlay and its own MSW client with its
 * own handlers, and its play function runs, so the frame shows the state the story describes.
 *
 * Why per component (each dialog stories file's meta) rather than one rule in `preview.tsx`:
 * only modal components need it, and frames cost a page load each; the other Docs pages stay
 * inline. What frames give up: Storybook's Docs Controls and toolbar do not reach a framed story
 * (storybookjs/storybook#11908); `./docs-frame-bridge.ts` forwards them.
 *
 * @param height the frame's height: the tallest state of the component's dialog, with room for
 *   the overlay around it.
 */
export function docsStoryInOwnFrame(height: `${number}px`) {
  return { inline: false, height } as const;
}
