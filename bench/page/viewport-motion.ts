import type { Viewport } from '@xyflow/react';
import type { DriveOptions, FrameSamples, ViewportMotion } from '../shared/bench-api';
import { flowHandle } from './flow-handle';
import { afterPaint, nextFrame } from './timing';

const PAN_PX_PER_FRAME = 6;
/** One zoom in-and-out cycle takes this many frames. */
const ZOOM_PERIOD_FRAMES = 60;

function viewportAt(motion: ViewportMotion, start: Viewport, frame: number): Viewport {
  if (motion === 'pan') {
    return {
      x: start.x - frame * PAN_PX_PER_FRAME,
      y: start.y - frame * (PAN_PX_PER_FRAME / 2),
      zoom: start.zoom,
    };
  }
  // Zoom about the centre of the window, between the start zoom and 1.4× it (fitView has put
  // a large graph at React Flow's minimum zoom, so zooming further out would be clamped).
  const zoom = start.zoom * (1.2 - 0.2 * Math.cos((2 * Math.PI * frame) / ZOOM_PERIOD_FRAMES));
  const cx = window.innerWidth / 2;
  const cy = window.innerHeight / 2;
  const fx = (cx - start.x) / start.zoom;
  const fy = (cy - start.y) / start.zoom;
  return { x: cx - fx * zoom, y: cy - fy * zoom, zoom };
}

/**
 * Moves the viewport once per animation frame, as a user's drag or wheel would, and records
 * each frame's interval and main-thread work. The viewport is restored afterwards.
 */
export async function driveViewport({
  motion,
  frames: count,
  warmupFrames,
}: DriveOptions): Promise<FrameSamples> {
  const flow = flowHandle();
  const start = flow.getViewport();
  const samples: FrameSamples = { intervals: [], work: [] };
  let previous = await nextFrame();
  for (let frame = 1; frame <= count + warmupFrames; frame += 1) {
    const timestamp = await nextFrame();
    const workStart = performance.now();
    flow.setViewport(viewportAt(motion, start, frame));
    const painted = await afterPaint();
    if (frame > warmupFrames) {
      samples.intervals.push(timestamp - previous);
      samples.work.push(painted - workStart);
    }
    previous = timestamp;
  }
  flow.setViewport(start);
  return samples;
}
