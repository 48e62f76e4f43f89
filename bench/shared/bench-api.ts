/**
 * The contract between the bench page (bench/page, runs in Chromium) and the driver
 * (bench/node, runs in Node): the page exposes this object as `window.__bench` and the driver
 * calls it through Playwright's `page.evaluate`. Only plain data crosses the boundary.
 */

/** Which canvas to mount: the library's `PipelineCanvas`, or plain React Flow default nodes. */
export type CanvasKind = 'library' | 'baseline';

export interface MountOptions {
  kind: CanvasKind;
  count: number;
  /** Library only: wrap every data-source node in a React `<Profiler>` (profiling build). */
  profiled?: boolean;
  /** Library only: load the credential state into the cache before mounting (untimed). */
  warmCache?: boolean;
  /**
   * React Flow's `onlyRenderVisibleElements` on either canvas (the largest size uses it on both
   * sides, as a host with thousands of nodes would).
   */
  onlyRenderVisibleElements?: boolean;
  /** Library only: the Add API Key dialog with its own button, outside the panel. */
  withStandaloneDialog?: boolean;
  /** Mount a bare Radix dialog and its trigger over the canvas (the dialog baseline). */
  withBaselineDialog?: boolean;
}

export interface MountResult {
  /** Mount → every node in the DOM, measured by React Flow, and painted. */
  measuredMs: number;
  /** Mount → additionally no data-source node still loading its state, painted. */
  settledMs: number;
  /** How many nodes show each `data-status` (library), to prove the states are mixed. */
  statusCounts: Record<string, number>;
  /** React Flow `dimensions` changes until then, and in how many batches (re-measures). */
  dimensionChanges: number;
  batches: number;
  /** `.react-flow__node` elements in the DOM at the end (fewer than `count` when culled). */
  renderedNodes: number;
}

export type ViewportMotion = 'pan' | 'zoom';

export interface DriveOptions {
  motion: ViewportMotion;
  /** Frames recorded. */
  frames: number;
  /** Frames driven first and dropped (they pay for warming caches up). */
  warmupFrames: number;
}

export interface FrameSamples {
  /** Time between consecutive animation frames (what the user sees as frame time), ms. */
  intervals: number[];
  /** Main-thread work of each frame: rAF callback start → after style, layout and paint, ms. */
  work: number[];
}

export interface RequestRecord {
  method: string;
  /** Pathname only (no query string). */
  path: string;
}

export interface RenderCounts {
  /** Per provider: data-source nodes whose view re-rendered, and how many there are. */
  byProvider: Record<string, { rendered: number; total: number }>;
  /** Sum of the Profiler's `actualDuration` over those renders, ms. */
  actualDurationMs: number;
  /** Profiler callbacks since the counter was armed; 0 means the Profiler is compiled out. */
  callbacks: number;
}

export interface DialogOpen {
  /** Click event → the dialog, with its content, painted. */
  latencyMs: number;
  /** The library's dialogs' chunk had been fetched when the click came (its idle preload). */
  codeArrivedBeforeClick: boolean;
}

export interface BenchApi {
  mountCanvas(options: MountOptions): Promise<MountResult>;
  unmount(): Promise<void>;
  /** Drives `setViewport` once per animation frame on the mounted canvas. */
  driveViewport(options: DriveOptions): Promise<FrameSamples>;
  /** Selects one node through React Flow's store (as a click would). */
  selectNode(nodeId: string): Promise<void>;
  clearRequestLog(): void;
  requestLog(): RequestRecord[];
  /** Resolves once no request is in flight and no query is fetching, for a few frames. */
  settle(): Promise<void>;
  /** Adds a Jina Reader API key through the backend, then invalidates as the mutation does. */
  changeOneCredential(): Promise<void>;
  armRenderCounter(): void;
  renderCounts(): RenderCounts;
  /** Starts watching for the next click → `[role=dialog]` painted; read it with `dialogLatency`. */
  armDialogProbe(): void;
  dialogLatency(): Promise<DialogOpen>;
  /** Resolves after `count` animation frames. */
  frames(count: number): Promise<void>;
  /** Runs a full GC when Chromium exposes `gc` (the driver passes `--expose-gc`). */
  collectGarbage(): void;
}

declare global {
  interface Window {
    __bench?: BenchApi;
  }
}
